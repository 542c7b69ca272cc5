import { useTranslation } from 'react-i18next';
import {
  isOperatorName,
  isParameterReference,
  operators,
  type Condition,
  type FactCondition,
  type JsonValue,
  type ValueShape,
} from '../../../../rules';
import { FormField } from '../../shell/form-field';
import { getAt, setAt } from '../model/json-pointer';
import { appendItem } from '../model/list-ops';
import type { EditorApi } from './editor-api';
import { ItemActions } from './item-actions';
import { defaultValue, ValueInput } from './value-input';

const NEW_FACT: FactCondition = { fact: 'householdSize', operator: 'greaterThanInclusive', value: 1 };

/** Edits the selected condition: a group (all/any/not), a reference, or a fact condition. */
export function ConditionForm({ api, path }: { api: EditorApi; path: string }) {
  const { t } = useTranslation();
  const c = getAt(api.doc, path) as Condition | undefined;
  if (!c) return null;
  const isItem = /\/(all|any)\/\d+$/.test(path);

  if ('all' in c || 'any' in c || 'not' in c) {
    const kind = 'all' in c ? 'all' : 'any' in c ? 'any' : 'not';
    const children = 'all' in c ? c.all : 'any' in c ? c.any : [c.not];
    const setKind = (k: 'all' | 'any') => {
      if (k === kind) return;
      const { all: _a, any: _b, not: _n, ...rest } = c as unknown as Record<string, unknown>;
      api.change(setAt(api.doc, path, { ...rest, [k]: children }));
    };
    const add = (value: Condition) => {
      if (kind === 'not') return;
      const edit = appendItem(api.doc, `${path}/${kind}`, value);
      api.change(edit.doc);
      api.select(edit.select);
    };
    return (
      <div className="stack">
        <h3 className="utrecht-heading-3">{t(`node.${kind}`)}</h3>
        {kind !== 'not' && (
          <FormField label={t('panel.groupKind')}>
            {({ id }) => (
              <select
                id={id}
                className="utrecht-select utrecht-select--html-select"
                disabled={api.readOnly}
                value={kind}
                onChange={(e) => setKind(e.target.value as 'all' | 'any')}
              >
                <option value="all">{t('node.all')}</option>
                <option value="any">{t('node.any')}</option>
              </select>
            )}
          </FormField>
        )}
        {kind !== 'not' && (
          <div className="utrecht-button-group">
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              disabled={api.readOnly}
              onClick={() => add({ ...NEW_FACT })}
            >
              {t('panel.addCondition')}
            </button>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              disabled={api.readOnly}
              onClick={() => add({ all: [{ ...NEW_FACT }] })}
            >
              {t('panel.addGroup')}
            </button>
          </div>
        )}
        {isItem && <ItemActions api={api} path={path} />}
      </div>
    );
  }

  if ('condition' in c) {
    const names = Object.keys(api.doc.namedConditions ?? {});
    return (
      <div className="stack">
        <FormField label={t('panel.reference')}>
          {({ id }) => (
            <select
              id={id}
              className="utrecht-select utrecht-select--html-select"
              disabled={api.readOnly}
              value={c.condition}
              onChange={(e) => api.change(setAt(api.doc, `${path}/condition`, e.target.value))}
            >
              {[...new Set([c.condition, ...names])].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {isItem && <ItemActions api={api} path={path} />}
      </div>
    );
  }

  return <FactConditionForm api={api} path={path} c={c} isItem={isItem} />;
}

function FactConditionForm({
  api,
  path,
  c,
  isItem,
}: {
  api: EditorApi;
  path: string;
  c: FactCondition;
  isItem: boolean;
}) {
  const { t } = useTranslation();
  const facts = Object.entries(api.catalog?.facts ?? {}).sort(([, a], [, b]) =>
    a.label[api.lang].localeCompare(b.label[api.lang], api.lang),
  );
  const fact = api.catalog?.facts[c.fact];
  const fitting = Object.entries(operators)
    .filter(([, op]) => !fact || (op.factTypes as readonly string[]).includes(fact.type))
    .map(([name]) => name);
  const shape: ValueShape = isOperatorName(c.operator) ? operators[c.operator].value : 'same';
  const param = isParameterReference(c.value) ? c.value.param : undefined;
  const params = Object.entries(api.doc.parameters ?? {});
  const set = (patch: Partial<FactCondition>, key?: string) =>
    api.change(setAt(api.doc, path, { ...c, ...patch }), key);

  const pickFact = (name: string) => {
    const f = api.catalog?.facts[name];
    const ops = Object.entries(operators)
      .filter(([, op]) => !f || (op.factTypes as readonly string[]).includes(f.type))
      .map(([n]) => n);
    const operator = ops.includes(c.operator) ? c.operator : (ops[0] ?? 'equal');
    const s = isOperatorName(operator) ? operators[operator].value : 'same';
    set({ fact: name, operator, value: defaultValue(f, s) });
  };
  const pickOperator = (operator: string) => {
    const s = isOperatorName(operator) ? operators[operator].value : 'same';
    set({ operator, value: s === shape && !param ? c.value : defaultValue(fact, s) });
  };

  return (
    <div className="stack">
      <h3 className="utrecht-heading-3">{t('node.fact')}</h3>
      <FormField label={t('panel.fact')} help={fact?.description[api.lang]}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            className="utrecht-select utrecht-select--html-select"
            disabled={api.readOnly}
            value={c.fact}
            onChange={(e) => pickFact(e.target.value)}
          >
            {!fact && <option value={c.fact}>{c.fact}</option>}
            {facts.map(([name, f]) => (
              <option key={name} value={name}>
                {f.label[api.lang]}
                {f.unit ? ` (${f.unit})` : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('panel.operator')}>
        {({ id }) => (
          <select
            id={id}
            className="utrecht-select utrecht-select--html-select"
            disabled={api.readOnly}
            value={c.operator}
            onChange={(e) => pickOperator(e.target.value)}
          >
            {!fitting.includes(c.operator) && <option value={c.operator}>{c.operator}</option>}
            {fitting.map((op) => (
              <option key={op} value={op}>
                {t(`ops.${op}`, { defaultValue: op })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {params.length > 0 && (
        <label className="checkbox-label">
          <input
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            disabled={api.readOnly}
            checked={param !== undefined}
            onChange={(e) =>
              set({ value: e.target.checked ? { param: params[0]?.[0] ?? '' } : defaultValue(fact, shape) })
            }
          />{' '}
          {t('panel.useParameter')}
        </label>
      )}
      {param !== undefined ? (
        <FormField label={t('panel.parameter')}>
          {({ id }) => (
            <select
              id={id}
              className="utrecht-select utrecht-select--html-select"
              disabled={api.readOnly}
              value={param}
              onChange={(e) => set({ value: { param: e.target.value } })}
            >
              {!params.some(([n]) => n === param) && <option value={param}>{param}</option>}
              {params.map(([n, p]) => (
                <option key={n} value={n}>
                  {p.label[api.lang] ?? n} ({String(p.value)})
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : (
        <FormField label={t('panel.value')}>
          {({ id, describedBy }) => (
            <ValueInput
              id={id}
              describedBy={describedBy}
              fact={fact}
              shape={shape}
              value={c.value as JsonValue}
              lang={api.lang}
              disabled={api.readOnly}
              onChange={(v) => set({ value: v }, `${path}/value`)}
            />
          )}
        </FormField>
      )}
      {isItem && <ItemActions api={api} path={path} />}
    </div>
  );
}
