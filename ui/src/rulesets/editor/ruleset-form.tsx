import { useTranslation } from 'react-i18next';
import type { Parameter, Rule } from '../../../../rules';
import { FormField } from '../../shell/form-field';
import { setAt } from '../model/json-pointer';
import { appendItem } from '../model/list-ops';
import type { EditorApi } from './editor-api';
import { OwnFactsForm } from './own-facts-form';
import { TextInput } from './text-input';
import { ValueInput } from './value-input';

function newRule(names: Set<string>, title: string): Rule {
  let n = names.size + 1;
  while (names.has(`regel-${n}`)) n++;
  return {
    name: `regel-${n}`,
    title,
    description: '',
    legalBasis: '-',
    enabled: true,
    priority: 1,
    conditions: { all: [{ fact: 'householdSize', operator: 'greaterThanInclusive', value: 1 }] },
    event: { type: 'priority', params: { category: 'other', rank: 9 } },
  };
}

/** The rule set itself: title, description, its parameters by name, and a new rule. */
export function RuleSetForm({ api }: { api: EditorApi }) {
  const { t } = useTranslation();
  const params = Object.entries(api.doc.parameters ?? {});
  const addRule = () => {
    const edit = appendItem(
      api.doc,
      '/rules',
      newRule(new Set(api.doc.rules.map((r) => r.name)), t('panel.newRuleTitle')),
    );
    api.change(edit.doc);
    api.select(edit.select);
  };
  return (
    <div className="stack">
      <TextInput
        label={t('panel.rsTitle')}
        value={api.doc.title}
        disabled={api.readOnly}
        onChange={(v) => api.change({ ...api.doc, title: v }, 'title')}
      />
      <TextInput
        label={t('panel.rsDescription')}
        value={api.doc.description ?? ''}
        multiline
        disabled={api.readOnly}
        onChange={(v) => api.change({ ...api.doc, description: v }, 'description')}
      />
      <div>
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action"
          disabled={api.readOnly}
          onClick={addRule}
        >
          {t('panel.addRule')}
        </button>
      </div>
      {params.length > 0 && <h3 className="utrecht-heading-3">{t('panel.parameters')}</h3>}
      {params.map(([name, p]) => (
        <ParameterField key={name} api={api} name={name} p={p} />
      ))}
      <OwnFactsForm api={api} />
    </div>
  );
}

function ParameterField({ api, name, p }: { api: EditorApi; name: string; p: Parameter }) {
  const type = p.type === 'string-list' ? 'string' : p.type === 'number-list' ? 'number' : p.type;
  const shape = p.type.endsWith('-list') ? 'list' : 'same';
  return (
    <FormField label={`${p.label[api.lang] ?? name} (${name})`} help={p.description}>
      {({ id, describedBy }) => (
        <ValueInput
          id={id}
          describedBy={describedBy}
          lang={api.lang}
          shape={shape}
          disabled={api.readOnly}
          fact={{
            type:
              type === 'string' || type === 'date' || type === 'boolean' || type === 'number' || type === 'integer'
                ? type
                : 'string',
            unit: p.unit,
            label: p.label,
            description: { nl: '', en: '' },
          }}
          value={p.value}
          onChange={(v) => api.change(setAt(api.doc, `/parameters/${name}/value`, v), `/parameters/${name}`)}
        />
      )}
    </FormField>
  );
}
