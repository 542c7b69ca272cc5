import { useTranslation } from 'react-i18next';
import type { Reminder, WaitEvent, WaitNode } from '../../../../workflows/dsl/schema';
import { DurationField } from '../editor/duration-field';
import { JsonField, LabelFields, MappingField, TargetSelect, TextField } from '../editor/fields';
import { relativeTimeInWords } from '../model/duration-words';
import type { NodeSpec, PanelProps } from './node-spec';

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

function WaitPanel({ node, ctx, onChange }: PanelProps<'wait'>) {
  const { t } = useTranslation();
  const ro = ctx.readOnly;
  const setEvent = (i: number, e: WaitEvent, key?: string) => onChange({ ...node, events: at(node.events, i, e) }, key);
  const setReminder = (i: number, r: Reminder, key?: string) =>
    onChange({ ...node, reminders: at(node.reminders ?? [], i, r) }, key);
  const reminders = node.reminders ?? [];
  return (
    <>
      <h3 className="utrecht-heading-3">{t('designer.reminders')}</h3>
      {reminders.length === 0 && <p className="utrecht-paragraph">{t('designer.noReminders')}</p>}
      {reminders.map((r, i) => (
        <div key={i} className="pd-item" role="group" aria-label={r.label[ctx.lang] ?? r.label.nl}>
          <LabelFields
            label={t('designer.reminderLabel')}
            value={r.label}
            disabled={ro}
            onChange={(label) => setReminder(i, { ...r, label }, `${node.id}:rem${i}:label`)}
          />
          <DurationField
            legend={t('designer.reminderAt', { name: r.label[ctx.lang] ?? r.label.nl })}
            at={r.at}
            ctx={ctx}
            undoKey={`${node.id}:rem${i}`}
            onChange={(a, key) => setReminder(i, { ...r, at: a }, key)}
          />
          {!ro && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => onChange({ ...node, reminders: reminders.filter((_, j) => j !== i) })}
            >
              {t('designer.removeReminder')}
            </button>
          )}
        </div>
      ))}
      {!ro && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() =>
            onChange({ ...node, reminders: [...reminders, newReminder(node, ctx.dates[0] ?? 'caseStarted')] })
          }
        >
          {t('designer.addReminder')}
        </button>
      )}

      <h3 className="utrecht-heading-3">{t('designer.timeout')}</h3>
      {node.timeout ? (
        <div className="pd-item">
          <LabelFields
            label={t('designer.timeoutLabel')}
            value={node.timeout.label}
            disabled={ro}
            onChange={(label) => onChange({ ...node, timeout: { ...node.timeout!, label } }, `${node.id}:to:label`)}
          />
          <DurationField
            legend={t('designer.timeoutAt')}
            at={node.timeout.at}
            ctx={ctx}
            undoKey={`${node.id}:to`}
            onChange={(a, key) => onChange({ ...node, timeout: { ...node.timeout!, at: a } }, key)}
          />
          <TargetSelect
            label={t('designer.timeoutNext')}
            def={ctx.def}
            self={node.id}
            value={node.timeout.next}
            disabled={ro}
            onChange={(next) => onChange({ ...node, timeout: { ...node.timeout!, next } })}
          />
          {!ro && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => {
                const { timeout: _drop, ...rest } = node;
                onChange(rest);
              }}
            >
              {t('designer.removeTimeout')}
            </button>
          )}
        </div>
      ) : (
        !ro && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              onChange({
                ...node,
                timeout: {
                  at: { from: ctx.dates[0] ?? 'caseStarted', after: 'P6M' },
                  label: { nl: 'Termijn verstreken', en: 'Time is up' },
                  next: '',
                },
              })
            }
          >
            {t('designer.addTimeout')}
          </button>
        )
      )}
      <h3 className="utrecht-heading-3">{t('designer.events')}</h3>
      <p className="utrecht-form-field-description">{t('designer.eventsHelp')}</p>
      {node.events.map((e, i) => (
        <details key={i} className="pd-item">
          <summary>
            {e.label[ctx.lang] ?? e.label.nl} <code>{e.name}</code>
          </summary>
          <TextField
            label={t('designer.eventName')}
            help={t('designer.eventNameHelp')}
            value={e.name}
            disabled={ro}
            onChange={(name) => setEvent(i, { ...e, name }, `${node.id}:ev${i}:name`)}
          />
          <LabelFields
            label={t('designer.eventLabel')}
            value={e.label}
            disabled={ro}
            onChange={(label) => setEvent(i, { ...e, label }, `${node.id}:ev${i}:label`)}
          />
          <TargetSelect
            label={t('designer.next')}
            def={ctx.def}
            self={node.id}
            value={e.next}
            disabled={ro}
            onChange={(next) => setEvent(i, { ...e, next })}
          />
          <PayloadSummary schema={e.payloadSchema} />
          <JsonField
            key={`${node.id}-ev${i}-schema`}
            label={t('designer.payload')}
            help={t('designer.payloadHelp')}
            value={e.payloadSchema}
            disabled={ro}
            rows={8}
            onChange={(payloadSchema) => setEvent(i, { ...e, payloadSchema }, `${node.id}:ev${i}:schema`)}
          />
          <MappingField
            label={t('designer.eventDates')}
            help={t('designer.eventDatesHelp')}
            keyLabel={t('designer.dateName')}
            valueLabel={t('designer.payloadField')}
            value={e.dates ?? {}}
            disabled={ro}
            onChange={(dates) =>
              setEvent(i, { ...e, dates: dates as Record<string, string> }, `${node.id}:ev${i}:dates`)
            }
          />
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
      ))}
      {!ro && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onChange({ ...node, events: [...node.events, newEvent(node)] })}
        >
          {t('designer.addEvent')}
        </button>
      )}
    </>
  );
}

function newEvent(node: WaitNode): WaitEvent {
  return {
    name: `gebeurtenis-${node.events.length + 1}`,
    label: { nl: 'Nieuwe gebeurtenis' },
    payloadSchema: { type: 'object', properties: {} },
    next: '',
  };
}

function newReminder(node: WaitNode, from: string): Reminder {
  return {
    id: `herinnering-${(node.reminders?.length ?? 0) + 1}`,
    label: { nl: 'Herinnering' },
    at: { from, after: 'P1M' },
  };
}

export const waitSpec: NodeSpec<'wait'> = {
  kind: 'wait',
  icon: '◔',
  idStem: 'wachten',
  create: (id, lang) => ({
    id,
    kind: 'wait',
    label: { nl: 'Wachten op gebeurtenis', ...(lang === 'en' ? { en: 'Waiting for an event' } : {}) },
    events: [
      {
        name: 'gebeurtenis',
        label: { nl: 'Gebeurtenis', en: 'Event' },
        payloadSchema: { type: 'object', properties: {} },
        next: '',
      },
    ],
  }),
  describe: (node, def, lang) => {
    const params = def.parameters ?? {};
    const lines = (node.reminders ?? []).map(
      (r) => `${lang === 'nl' ? 'Herinnering' : 'Reminder'}: ${relativeTimeInWords(r.at, lang, params)}`,
    );
    if (node.timeout)
      lines.push(`${lang === 'nl' ? 'Termijn' : 'Time limit'}: ${relativeTimeInWords(node.timeout.at, lang, params)}`);
    return lines.length
      ? lines
      : [
          `${lang === 'nl' ? 'Wacht op' : 'Waits for'}: ${node.events.map((e) => e.label[lang] ?? e.label.nl).join(', ')}`,
        ];
  },
  // A new connection from a waiting step is a new event that leads there.
  connect: (node, target) => ({ ...node, events: [...node.events, { ...newEvent(node), next: target }] }),
  Panel: WaitPanel,
};
