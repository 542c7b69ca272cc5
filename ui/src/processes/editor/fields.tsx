import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label, ProcessDefinition } from '../../../../workflows/dsl/schema';
import { FormField } from '../../shell/form-field';

type LabelValue = { nl: string; en?: string };
export type { Label };

/** A text box that reports every keystroke. */
export function TextField({
  label,
  help,
  value,
  onChange,
  disabled,
  error,
}: {
  label: string;
  help?: string;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  error?: string;
}) {
  return (
    <FormField label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className="utrecht-textbox utrecht-textbox--html-input"
          disabled={disabled}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

export function SelectField({
  label,
  help,
  value,
  options,
  onChange,
  disabled,
  error,
}: {
  label: string;
  help?: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (v: string) => void;
  disabled?: boolean;
  error?: string;
}) {
  return (
    <FormField label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className="utrecht-select utrecht-select--html-select"
          disabled={disabled}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Dutch name (required) and English name of a step, event or reminder. */
export function LabelFields({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: LabelValue;
  onChange: (v: LabelValue) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="pd-fieldset pd-pair">
      <legend>{label}</legend>
      <TextField
        label={t('lang.nl')}
        value={value.nl}
        disabled={disabled}
        error={value.nl.trim() ? undefined : t('designer.required')}
        onChange={(nl) => onChange({ ...value, nl })}
      />
      <TextField
        label={t('lang.en')}
        value={value.en ?? ''}
        disabled={disabled}
        onChange={(en) => onChange(en ? { ...value, en } : { nl: value.nl })}
      />
    </fieldset>
  );
}

/** The step an edge leads to, chosen by name; '' is an open edge. */
export function TargetSelect({
  label,
  def,
  value,
  self,
  onChange,
  disabled,
  allowNone,
}: {
  label: string;
  def: ProcessDefinition;
  value: string | undefined;
  self: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  allowNone?: boolean;
}) {
  const { t } = useTranslation();
  const options = [
    ...(allowNone || !value
      ? [{ value: '', label: allowNone ? t('designer.noTarget') : t('designer.chooseTarget') }]
      : []),
    ...def.nodes
      .filter((n) => n.id !== self)
      .map((n) => ({ value: n.id, label: `${n.label.nl} (${t(`designer.kinds.${n.kind}`)})` })),
  ];
  return <SelectField label={label} value={value ?? ''} options={options} disabled={disabled} onChange={onChange} />;
}

/** JSON for settings without a form of their own (action settings, payload schemas): applied as soon as it parses. */
export function JsonField({
  label,
  help,
  value,
  onChange,
  disabled,
  rows = 6,
}: {
  label: string;
  help?: string;
  value: unknown;
  onChange: (v: Record<string, unknown>) => void;
  disabled?: boolean;
  rows?: number;
}) {
  const { t } = useTranslation();
  const pretty = JSON.stringify(value ?? {}, null, 2);
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState<string>();
  return (
    <FormField label={label} help={help} error={error ? t('json.parseError', { message: error }) : undefined}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          rows={rows}
          disabled={disabled}
          className="utrecht-textarea utrecht-textarea--html-textarea code"
          value={draft ?? pretty}
          onBlur={() => {
            if (!error) setDraft(undefined);
          }}
          onChange={(e) => {
            setDraft(e.target.value);
            try {
              const parsed = JSON.parse(e.target.value) as unknown;
              if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
                throw new Error(t('designer.jsonObject'));
              setError(undefined);
              onChange(parsed as Record<string, unknown>);
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        />
      )}
    </FormField>
  );
}

/** Key → value rows (facts mapping, subprocess input): text values, a constant as JSON `{"value": …}`. */
export function MappingField({
  label,
  help,
  value,
  onChange,
  disabled,
  keyLabel,
  valueLabel,
}: {
  label: string;
  help?: string;
  value: Record<string, unknown>;
  onChange: (v: Record<string, unknown>) => void;
  disabled?: boolean;
  keyLabel: string;
  valueLabel: string;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(value);
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const parse = (s: string): unknown => {
    if (s.trim().startsWith('{')) {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        return s;
      }
    }
    return s;
  };
  const setAt = (i: number, k: string, v: unknown) =>
    onChange(Object.fromEntries(entries.map(([ek, ev], j) => (j === i ? [k, v] : [ek, ev]))));
  return (
    <fieldset className="pd-fieldset">
      <legend>{label}</legend>
      {help && <p className="utrecht-form-field-description">{help}</p>}
      {entries.map(([k, v], i) => (
        <div key={i} className="pd-row">
          <TextField label={keyLabel} value={k} disabled={disabled} onChange={(nk) => setAt(i, nk, v)} />
          <TextField label={valueLabel} value={show(v)} disabled={disabled} onChange={(nv) => setAt(i, k, parse(nv))} />
          {!disabled && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle pd-row__remove"
              onClick={() => onChange(Object.fromEntries(entries.filter((_, j) => j !== i)))}
            >
              {t('designer.remove')}
              <span className="visually-hidden"> {k}</span>
            </button>
          )}
        </div>
      ))}
      {!disabled && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => onChange({ ...value, [`veld-${entries.length + 1}`]: '' })}
        >
          {t('designer.addRow')}
        </button>
      )}
    </fieldset>
  );
}
