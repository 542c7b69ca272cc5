import { useTranslation } from 'react-i18next';
import { expectedEvents } from '../../../../workflows/dsl/declarations';
import type { ProcessDefinition, Reminder, WaitEvent, WaitNode } from '../../../../workflows/dsl/schema';
import { DurationField } from '../editor/duration-field';
import { LabelFields, TargetSelect } from '../editor/fields';
import { replaceNode } from '../model/definition-ops';
import { dateInWords, relativeTimeInWords } from '../model/duration-words';
import { declareEvent, freshName, NEW_EVENT } from './declaration-ops';
import { word } from './declaration-words';
import type { NodeSpec, PanelProps } from './node-spec';
import { WaitCompleteForm } from './wait-complete-form';
import { WaitEventForm } from './wait-event-form';

const at = <T,>(list: readonly T[], i: number, item: T) => list.map((x, j) => (j === i ? item : x));

function WaitPanel({ node, ctx, onChange, onChangeDefinition }: PanelProps<'wait'>) {
  const { t } = useTranslation();
  const ro = ctx.readOnly;
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
      <WaitCompleteForm node={node} ctx={ctx} onChange={onChange} />
      <h3 className="utrecht-heading-3">{t('designer.events')}</h3>
      <p className="utrecht-form-field-description">{t('designer.eventsHelp')}</p>
      {node.events.map((e, i) => (
        <WaitEventForm
          key={i}
          node={node}
          index={i}
          event={e}
          ctx={ctx}
          onChange={onChange}
          onChangeDefinition={onChangeDefinition}
        />
      ))}
      {!ro && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onChange({ ...node, events: [...node.events, newEvent(node, ctx.def)] })}
        >
          {t('designer.addEvent')}
        </button>
      )}
      {!ro && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => {
            const name = freshName(ctx.def.events, 'gebeurtenis');
            const declared = declareEvent(ctx.def, name, NEW_EVENT);
            onChangeDefinition(
              replaceNode(declared, node.id, { ...node, events: [...node.events, { name, next: '' }] }),
            );
          }}
        >
          {word('newEvent', ctx.lang)}
        </button>
      )}
    </>
  );
}

/** A new expected event: the first declared one the step does not expect yet, else a name to declare. */
function newEvent(node: WaitNode, def?: ProcessDefinition): WaitEvent {
  const taken = new Set(node.events.map((e) => e.name));
  const free = Object.keys(def?.events ?? {}).find((n) => !taken.has(n));
  return { name: free ?? `gebeurtenis-${node.events.length + 1}`, next: '' };
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
    events: [{ name: 'gebeurtenis', next: '' }],
  }),
  describe: (node, def, lang) => {
    const params = def.parameters ?? {};
    const lines = (node.reminders ?? []).map(
      (r) => `${lang === 'nl' ? 'Herinnering' : 'Reminder'}: ${relativeTimeInWords(r.at, lang, params)}`,
    );
    if (node.timeout)
      lines.push(`${lang === 'nl' ? 'Termijn' : 'Time limit'}: ${relativeTimeInWords(node.timeout.at, lang, params)}`);
    if (node.complete?.dates.length)
      lines.push(
        `${lang === 'nl' ? 'Verder als gezet' : 'Goes on when set'}: ${node.complete.dates.map((d) => dateInWords(d, lang)).join(', ')}`,
      );
    return lines.length
      ? lines
      : [
          `${lang === 'nl' ? 'Wacht op' : 'Waits for'}: ${expectedEvents(def, node)
            .map((e) => e.label[lang] ?? e.label.nl)
            .join(', ')}`,
        ];
  },
  // A new connection from a waiting step is a new event that leads there.
  connect: (node, target) => ({ ...node, events: [...node.events, { ...newEvent(node), next: target }] }),
  Panel: WaitPanel,
};
