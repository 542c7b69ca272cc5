import { MAX_COMPLETE_DATES } from '../../../../workflows/dsl/schema-nodes';
import { LabelFields, TargetSelect } from '../editor/fields';
import { dateInWords } from '../model/duration-words';
import { word } from './declaration-words';
import type { PanelProps } from './node-spec';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A wait step's `complete`: the case dates that must all be set before the step goes on, each
 * shown by its label (never its id), at most MAX_COMPLETE_DATES, at least one — the same bounds as
 * the definition's schema, so the designer cannot save what the validator refuses.
 */
export function WaitCompleteForm({ node, ctx, onChange }: Pick<PanelProps<'wait'>, 'node' | 'ctx' | 'onChange'>) {
  const { lang } = ctx;
  const ro = ctx.readOnly;
  const complete = node.complete;
  if (!complete) {
    return (
      <>
        <h3 className="utrecht-heading-3">{word('complete', lang)}</h3>
        <p className="utrecht-form-field-description">{word('completeHelp', lang)}</p>
        {!ro && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              onChange({
                ...node,
                complete: {
                  dates: [],
                  label: { nl: 'Alles geregeld', ...(lang === 'en' ? { en: 'Everything arranged' } : {}) },
                  next: '',
                },
              })
            }
          >
            {word('addComplete', lang)}
          </button>
        )}
      </>
    );
  }
  const chosen = new Set(complete.dates);
  // The dates the process sets, plus any chosen one it no longer knows (the validator names that one).
  const options = [...new Set([...ctx.dates.filter((d) => d !== 'caseStarted'), ...complete.dates])];
  const full = chosen.size >= MAX_COMPLETE_DATES;
  const toggle = (date: string, on: boolean) =>
    onChange({
      ...node,
      complete: { ...complete, dates: on ? [...complete.dates, date] : complete.dates.filter((d) => d !== date) },
    });
  const legendId = `${node.id}-complete-dates`;
  const errorId = `${legendId}-error`;
  return (
    <>
      <h3 className="utrecht-heading-3">{word('complete', lang)}</h3>
      <p className="utrecht-form-field-description">{word('completeHelp', lang)}</p>
      <div className="pd-item">
        <fieldset
          className="pd-fieldset"
          aria-describedby={chosen.size === 0 ? errorId : undefined}
          aria-invalid={chosen.size === 0 || undefined}
        >
          <legend id={legendId}>
            {word('completeDates', lang)} ({word('completeDatesMax', lang).replace('{max}', String(MAX_COMPLETE_DATES))}
            )
          </legend>
          {options.length === 0 && <p className="utrecht-paragraph">{word('completeDatesNoneKnown', lang)}</p>}
          {options.map((d) => (
            <label key={d} className="pd-check">
              <input
                type="checkbox"
                checked={chosen.has(d)}
                disabled={ro || (full && !chosen.has(d))}
                onChange={(e) => toggle(d, e.target.checked)}
              />{' '}
              {capital(dateInWords(d, lang))}
            </label>
          ))}
          {chosen.size === 0 && (
            <div className="utrecht-form-field-error-message" id={errorId}>
              {word('completeDatesNone', lang)}
            </div>
          )}
        </fieldset>
        <LabelFields
          label={word('completeLabel', lang)}
          value={complete.label}
          disabled={ro}
          onChange={(label) => onChange({ ...node, complete: { ...complete, label } }, `${node.id}:complete:label`)}
        />
        <TargetSelect
          label={word('completeNext', lang)}
          def={ctx.def}
          self={node.id}
          value={complete.next}
          disabled={ro}
          onChange={(next) => onChange({ ...node, complete: { ...complete, next } })}
        />
        {!ro && (
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => {
              const { complete: _drop, ...rest } = node;
              onChange(rest);
            }}
          >
            {word('removeComplete', lang)}
          </button>
        )}
      </div>
    </>
  );
}
