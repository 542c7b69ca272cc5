import { useTranslation } from 'react-i18next';
import { IDENT_PATTERN } from '../../../../contract/id-patterns';
import { expectedEvents } from '../../../../workflows/dsl/declarations';
import type { EventDeclaration, WaitEvent, WaitNode } from '../../../../workflows/dsl/schema';
import { JsonField, LabelFields, MappingField, SelectField, TargetSelect, TextField } from '../editor/fields';
import { declareEvent, NEW_EVENT, renameEvent, usersOf } from './declaration-ops';
import { word } from './declaration-words';
import type { PanelProps } from './node-spec';

const EVENT_NAME = new RegExp(IDENT_PATTERN);
const at = <T,>(list: readonly T[], i: number, item: T) => list.map((x, j) => (j === i ? item : x));

/** The payload schema's fields in one line: name (type, required). */
function PayloadSummary({ schema }: { schema: Record<string, unknown> }) {
  const { t } = useTranslation();
  const props = (schema.properties ?? {}) as Record<string, { type?: string; format?: string }>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(props);
  if (names.length === 0) return <p className="utrecht-form-field-description">{t('designer.noFields')}</p>;
  return (
    <ul className="pd-fields" aria-label={t('designer.payloadFields')}>
      {names.map((n) => (
        <li key={n}>
          <code>{n}</code> — {props[n]?.format ?? props[n]?.type ?? '?'}
          {required.has(n) ? `, ${t('designer.requiredField')}` : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * One expected event: which declared event (chosen by name), where it leads and what it sets in
 * the case; its label and payload schema are the declaration's, edited here for every step that
 * expects it.
 */
export function WaitEventForm({
  node,
  index: i,
  event: e,
  ctx,
  onChange,
  onChangeDefinition,
}: Omit<PanelProps<'wait'>, 'node'> & { node: WaitNode; index: number; event: WaitEvent }) {
  const { t } = useTranslation();
  const ro = ctx.readOnly;
  const lang = ctx.lang;
  const setEvent = (next: WaitEvent, key?: string) => onChange({ ...node, events: at(node.events, i, next) }, key);
  const declared =
    ctx.def.events && Object.prototype.hasOwnProperty.call(ctx.def.events, e.name) ? ctx.def.events[e.name] : undefined;
  const shown = expectedEvents(ctx.def, { ...node, events: [e] })[0];
  const setDeclaration = (d: EventDeclaration, key: string) =>
    onChangeDefinition(declareEvent(ctx.def, e.name, d), key);
  const names = [...new Set([...Object.keys(ctx.def.events ?? {}), e.name])];
  const users = usersOf(ctx.def, 'event', e.name);
  return (
    <details className="pd-item">
      <summary>
        {shown?.label[lang] ?? shown?.label.nl ?? e.name} <code>{e.name}</code>
      </summary>
      <SelectField
        label={word('event', lang)}
        value={e.name}
        disabled={ro}
        options={names.map((n) => ({ value: n, label: n }))}
        onChange={(name) => setEvent({ ...e, name })}
      />
      <TargetSelect
        label={t('designer.next')}
        def={ctx.def}
        self={node.id}
        value={e.next}
        disabled={ro}
        onChange={(next) => setEvent({ ...e, next })}
      />
      <MappingField
        label={t('designer.eventDates')}
        help={t('designer.eventDatesHelp')}
        keyLabel={t('designer.dateName')}
        valueLabel={t('designer.payloadField')}
        value={e.dates ?? {}}
        disabled={ro}
        onChange={(dates) => setEvent({ ...e, dates: dates as Record<string, string> }, `${node.id}:ev${i}:dates`)}
      />
      {(e.label || e.payloadSchema) && (
        <p className="utrecht-paragraph">
          {word('override', lang)}{' '}
          {!ro && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() =>
                setEvent({
                  name: e.name,
                  ...(e.assign ? { assign: e.assign } : {}),
                  ...(e.dates ? { dates: e.dates } : {}),
                  next: e.next,
                })
              }
            >
              {word('useDeclaration', lang)}
            </button>
          )}
        </p>
      )}
      <fieldset className="pd-fieldset" aria-label={`${word('event', lang)} ${e.name}`}>
        <legend>{word('eventDeclared', lang)}</legend>
        <p className="utrecht-form-field-description">
          {word('usedIn', lang)}: {users.join(', ')}
        </p>
        {!declared ? (
          <p className="utrecht-paragraph">
            {word('notDeclared', lang)}{' '}
            {!ro && (
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() => setDeclaration({ ...NEW_EVENT, label: { nl: e.name } }, `event:${e.name}`)}
              >
                {word('declare', lang)}
              </button>
            )}
          </p>
        ) : (
          <>
            <TextField
              label={t('designer.eventName')}
              help={t('designer.eventNameHelp')}
              value={e.name}
              disabled={ro}
              onChange={(name) => {
                if (EVENT_NAME.test(name) && !Object.prototype.hasOwnProperty.call(ctx.def.events ?? {}, name))
                  onChangeDefinition(renameEvent(ctx.def, e.name, name), `event:${e.name}:rename`);
              }}
            />
            <LabelFields
              label={t('designer.eventLabel')}
              value={declared.label}
              disabled={ro}
              onChange={(label) => setDeclaration({ ...declared, label }, `event:${e.name}:label`)}
            />
            <PayloadSummary schema={declared.payloadSchema} />
            <JsonField
              key={`event-${e.name}-schema`}
              label={t('designer.payload')}
              help={t('designer.payloadHelp')}
              value={declared.payloadSchema}
              disabled={ro}
              rows={8}
              onChange={(payloadSchema) => setDeclaration({ ...declared, payloadSchema }, `event:${e.name}:schema`)}
            />
          </>
        )}
      </fieldset>
      {!ro && node.events.length > 1 && (
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          onClick={() => onChange({ ...node, events: node.events.filter((_, j) => j !== i) })}
        >
          {t('designer.removeEvent')}
        </button>
      )}
    </details>
  );
}
