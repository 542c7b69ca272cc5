import { useState, type FormEvent } from 'react';
import { UNITS, type FactCatalog, type FactDefinition } from '../../../rules';
import { humanise } from './humanise';
import { useMonitorT } from './use-monitor-t';

type Values = Record<string, string>;

/** A form value as the fact's type: numbers as numbers, ja/nee as booleans; empty means not given. */
export function factValue(fact: FactDefinition | undefined, raw: string): unknown {
  if (raw === '') return undefined;
  switch (fact?.type) {
    case 'number':
    case 'integer':
      return Number(raw);
    case 'boolean':
      return raw === 'true';
    case 'string-list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return raw;
  }
}

function FactField({
  name,
  fact,
  id,
  value,
  error,
  lang,
  onChange,
}: {
  name: string;
  fact: FactDefinition | undefined;
  id: string;
  value: string;
  error?: string;
  lang: 'nl' | 'en';
  onChange: (v: string) => void;
}) {
  const { t } = useMonitorT();
  const label = fact?.label[lang] ?? humanise(name);
  const unit =
    fact?.unit && Object.prototype.hasOwnProperty.call(UNITS, fact.unit)
      ? UNITS[fact.unit as keyof typeof UNITS].suffix[lang]
      : undefined;
  const help = [fact?.description[lang], unit ? t('decision.unit', { unit }) : ''].filter(Boolean).join(' ');
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    required: true,
  } as const;
  const helpText = help ? (
    <p className="utrecht-form-field-description" id={`${id}-help`}>
      {help}
    </p>
  ) : null;
  const errorText = error ? (
    <p className="utrecht-form-field-error-message monitor-field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;

  if (fact?.type === 'boolean') {
    return (
      <fieldset className="utrecht-form-fieldset monitor-fieldset" aria-describedby={describedBy} data-fact={name}>
        <legend className="utrecht-form-label">{label}</legend>
        {helpText}
        {errorText}
        <div className="monitor-radios">
          {(['true', 'false'] as const).map((v) => (
            <label key={v} className="monitor-check-label">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                name={id}
                value={v}
                required
                checked={value === v}
                onChange={() => onChange(v)}
              />
              {v === 'true' ? t('yes') : t('no')}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  let input;
  if (fact?.type === 'enum' && fact.options) {
    input = (
      <select {...common} className="utrecht-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('decision.choose')}</option>
        {fact.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    );
  } else {
    const type =
      fact?.type === 'date' ? 'date' : fact?.type === 'number' || fact?.type === 'integer' ? 'number' : 'text';
    input = (
      <input
        {...common}
        className="utrecht-textbox monitor-short-input"
        type={type}
        value={value}
        min={fact?.minimum}
        max={fact?.maximum}
        step={fact?.type === 'integer' ? 1 : fact?.type === 'number' ? 'any' : undefined}
        inputMode={fact?.type === 'integer' ? 'numeric' : fact?.type === 'number' ? 'decimal' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`} data-fact={name}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {helpText}
      {errorText}
      {input}
    </div>
  );
}

/**
 * Gegevens aanvullen: one field per missing fact, typed by the fact catalog (a date picker for a
 * date, ja/nee for a yes/no fact, the options' labels for an enum). The server checks the types
 * again; its coded error lands on the field it names.
 */
export function FactsForm({
  missing,
  catalog,
  lang,
  errors,
  busy,
  onSubmit,
}: {
  missing: string[];
  catalog: FactCatalog | undefined;
  lang: 'nl' | 'en';
  errors: Record<string, string>;
  busy: boolean;
  onSubmit: (facts: Record<string, unknown>) => void;
}) {
  const { t } = useMonitorT();
  const [values, setValues] = useState<Values>({});
  const factOf = (name: string) =>
    catalog && Object.prototype.hasOwnProperty.call(catalog.facts, name) ? catalog.facts[name] : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const facts: Record<string, unknown> = {};
    for (const name of missing) {
      const v = factValue(factOf(name), values[name] ?? '');
      if (v !== undefined) facts[name] = v;
    }
    onSubmit(facts);
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="facts-form" noValidate={false}>
      {missing.map((name) => (
        <FactField
          key={name}
          name={name}
          fact={factOf(name)}
          id={`fact-${name}`}
          value={values[name] ?? ''}
          error={errors[name]}
          lang={lang}
          onChange={(v) => setValues((old) => ({ ...old, [name]: v }))}
        />
      ))}
      <div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {busy ? t('decision.busy') : t('decision.saveFacts')}
        </button>
      </div>
    </form>
  );
}
