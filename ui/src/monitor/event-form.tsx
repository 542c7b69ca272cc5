import { useState, type FormEvent } from 'react';
import type { JsonSchema } from '../api/monitor';
import { humanise } from './humanise';
import { useMonitorT } from './use-monitor-t';

type Values = Record<string, string>;

function inputType(s: JsonSchema): string {
  if (s.format === 'date') return 'date';
  if (s.format === 'date-time') return 'datetime-local';
  if (s.type === 'integer' || s.type === 'number') return 'number';
  return 'text';
}

/** Form values to a payload the schema accepts: numbers as numbers, empty optional fields left out. */
export function payloadOf(schema: JsonSchema, values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    const v = values[name];
    if (v === undefined || v === '') continue;
    if (s.type === 'integer' || s.type === 'number') out[name] = Number(v);
    else if (s.type === 'boolean') out[name] = v === 'true';
    else if (s.format === 'date-time') out[name] = new Date(v).toISOString();
    else out[name] = v;
  }
  return out;
}

/**
 * An enum value in words, from the payload schema itself: `x-labels` next to `enum`, value →
 * `{ nl, en }` like every label of a definition (ajv runs with strict: false, so the keyword is
 * accepted and ignored for validation). Without one: the value humanised ("Psychosociale zorg"),
 * never the raw id — the UI keeps no map of values to words of its own.
 */
export function optionLabel(schema: JsonSchema, value: string, lang: 'nl' | 'en'): string {
  const labels = (schema as { 'x-labels'?: unknown })['x-labels'];
  if (labels && typeof labels === 'object' && Object.prototype.hasOwnProperty.call(labels, value)) {
    const l = (labels as Record<string, unknown>)[value];
    if (typeof l === 'string' && l.trim() !== '') return l;
    if (l && typeof l === 'object') {
      const text = (l as Partial<Record<'nl' | 'en', unknown>>)[lang] ?? (l as { nl?: unknown }).nl;
      if (typeof text === 'string' && text.trim() !== '') return text;
    }
  }
  return humanise(value);
}

/**
 * A form generated from an event's payload schema (flat objects: text, dates, numbers, enums,
 * booleans). The server validates again and names a failing field; its message is shown here.
 */
export function EventForm({
  name,
  schema,
  onSubmit,
  idPrefix,
}: {
  name: string;
  schema: JsonSchema;
  idPrefix: string;
  onSubmit: (payload: Record<string, unknown>) => Promise<void>;
}) {
  const { t, lang } = useMonitorT();
  const [values, setValues] = useState<Values>({});
  const [busy, setBusy] = useState(false);
  const required = new Set(schema.required ?? []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(payloadOf(schema, values));
      setValues({});
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="stack monitor-event-form" onSubmit={(e) => void submit(e)} data-event={name}>
      {Object.entries(schema.properties ?? {}).map(([field, s]) => {
        const id = `${idPrefix}-${field}`;
        // A payload field by its schema title, else the monitor's words for the built-in processes' fields, never its id.
        const name = s.title ?? t(`case.fields.${field}`, { defaultValue: humanise(field) });
        const label = (
          <label className="utrecht-form-label" htmlFor={id}>
            {name}
            {required.has(field) ? ` (${t('case.required')})` : ''}
          </label>
        );
        const set = (v: string) => setValues({ ...values, [field]: v });
        if (s.enum || s.type === 'boolean') {
          const options = s.enum ? s.enum.map(String) : ['true', 'false'];
          return (
            <div key={field} className="utrecht-form-field">
              {label}
              <select
                id={id}
                className="utrecht-select"
                required={required.has(field)}
                value={values[field] ?? ''}
                onChange={(e) => set(e.target.value)}
              >
                <option value="">—</option>
                {options.map((o) => (
                  <option key={o} value={o}>
                    {o === 'true' ? t('yes') : o === 'false' ? t('no') : optionLabel(s, o, lang)}
                  </option>
                ))}
              </select>
            </div>
          );
        }
        return (
          <div key={field} className="utrecht-form-field">
            {label}
            {s.description && (
              <p className="utrecht-form-field-description" id={`${id}-d`}>
                {s.description}
              </p>
            )}
            <input
              id={id}
              className="utrecht-textbox"
              type={inputType(s)}
              required={required.has(field)}
              value={values[field] ?? ''}
              aria-describedby={s.description ? `${id}-d` : undefined}
              min={s.minimum}
              max={s.maximum}
              maxLength={s.maxLength}
              step={s.type === 'number' ? 'any' : undefined}
              onChange={(e) => set(e.target.value)}
            />
          </div>
        );
      })}
      <div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('case.send')}
        </button>
      </div>
    </form>
  );
}
