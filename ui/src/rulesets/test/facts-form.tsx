import { useTranslation } from 'react-i18next';
import type { FactCatalog, FactDefinition, Language } from '../../../../rules';
import { FormField } from '../../shell/form-field';

/** Raw form values per fact: '' means unknown. Typed with coerceFactValue when the test runs. */
export type RawFacts = Record<string, string>;

/** A form generated from the fact catalog: one input per fact that is not derived, of the fact's kind. */
export function FactsForm({
  catalog,
  lang,
  values,
  onChange,
}: {
  catalog: FactCatalog;
  lang: Language;
  values: RawFacts;
  onChange: (v: RawFacts) => void;
}) {
  const facts = Object.entries(catalog.facts).filter(([, f]) => !f.derived);
  return (
    <div className="facts-form">
      {facts.map(([name, f]) => (
        <FormField key={name} label={f.label[lang]} help={helpOf(f, lang)}>
          {({ id, describedBy }) => (
            <FactInput
              id={id}
              describedBy={describedBy}
              fact={f}
              lang={lang}
              value={values[name] ?? ''}
              onChange={(v) => onChange({ ...values, [name]: v })}
            />
          )}
        </FormField>
      ))}
    </div>
  );
}

/** The description, with the unit and where the value comes from (a municipality's own facts name their source). */
function helpOf(f: FactDefinition, lang: Language): string {
  const unit = f.unit ? ` (${f.unit})` : '';
  const source = f.source ? ` ${lang === 'nl' ? 'Bron' : 'Source'}: ${f.source[lang]}.` : '';
  return `${f.description[lang]}${unit}${source}`;
}

function FactInput({
  id,
  describedBy,
  fact,
  lang,
  value,
  onChange,
}: {
  id: string;
  describedBy?: string;
  fact: FactDefinition;
  lang: Language;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const common = {
    id,
    'aria-describedby': describedBy,
    value,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  if (fact.type === 'boolean' || fact.options) {
    const options =
      fact.options?.map((o) => [o.value, o.label[lang]] as const) ??
      ([
        ['ja', t('app.yes')],
        ['nee', t('app.no')],
      ] as const);
    return (
      <select {...common} className="utrecht-select utrecht-select--html-select">
        <option value="">{t('test.unknown')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    );
  }
  if (fact.type === 'date')
    return <input {...common} type="date" className="utrecht-textbox utrecht-textbox--html-input" />;
  if (fact.type === 'number' || fact.type === 'integer') {
    return (
      <input
        {...common}
        type="number"
        step={fact.type === 'integer' ? 1 : 'any'}
        min={fact.minimum}
        max={fact.maximum}
        className="utrecht-textbox utrecht-textbox--html-input"
      />
    );
  }
  return <input {...common} className="utrecht-textbox utrecht-textbox--html-input" />;
}
