import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  describeDerivation,
  renameFact,
  RulesError,
  UNITS,
  type FactOption,
  type MunicipalityFact,
  type RuleSet,
} from '../../../../rules';
import { FormField } from '../../shell/form-field';
import type { EditorApi } from './editor-api';
import { TextInput } from './text-input';

const TYPES: ReadonlyArray<MunicipalityFact['type']> = [
  'boolean',
  'integer',
  'number',
  'date',
  'enum',
  'string',
  'string-list',
];
const NUMERIC = new Set<string>(['integer', 'number']);

/** Options as the designer types them, one per line: `waarde; label NL; label EN`. */
export function optionsToText(options: readonly FactOption[] | undefined): string {
  return (options ?? []).map((o) => `${o.value}; ${o.label.nl}; ${o.label.en}`).join('\n');
}

export function textToOptions(text: string): FactOption[] {
  return text
    .split('\n')
    .map((line) => line.split(';').map((s) => s.trim()))
    .filter(([value]) => value)
    .map(([value = '', nl, en]) => ({
      value,
      label: { nl: nl || value, en: en || nl || value },
    }));
}

function newFact(facts: Record<string, MunicipalityFact>): [string, MunicipalityFact] {
  let n = Object.keys(facts).length + 1;
  while (Object.prototype.hasOwnProperty.call(facts, `eigenGegeven${n}`)) n++;
  return [
    `eigenGegeven${n}`,
    {
      type: 'boolean',
      label: { nl: `Eigen gegeven ${n}`, en: `Own fact ${n}` },
      description: { nl: 'Wat dit gegeven vastlegt.', en: 'What this fact records.' },
    },
  ];
}

/**
 * The municipality's own facts (the rule set's `facts`): listed by label, added, edited and
 * removed here; saved and published with the rule set like everything else in it.
 */
export function OwnFactsForm({ api }: { api: EditorApi }) {
  const { t } = useTranslation();
  const facts = api.doc.facts ?? {};
  const [open, setOpen] = useState<string>();
  // What the last rename did (or why it was refused), in the rules core's own words; kept here because
  // a renamed fact's fields mount again under the new name.
  const [notice, setNotice] = useState<string>();
  /** Renames the fact and every condition and derivation that reads it (renameFact); a refusal is shown, not thrown. */
  const rename = (from: string, to: string) => {
    try {
      const result = renameFact(api.doc, from, to);
      api.change(result.ruleSet, `/facts/${from}/name`);
      setNotice(result.message[api.lang]);
      setOpen(to);
    } catch (error) {
      if (!(error instanceof RulesError)) throw error;
      setNotice(error.messages[api.lang]);
    }
  };
  const setFacts = (next: Record<string, MunicipalityFact>, key?: string) => {
    const { facts: _old, ...rest } = api.doc;
    api.change(Object.keys(next).length > 0 ? ({ ...rest, facts: next } as RuleSet) : (rest as RuleSet), key);
  };
  const add = () => {
    const [name, fact] = newFact(facts);
    setFacts({ ...facts, [name]: fact });
    setOpen(name);
  };
  return (
    <section className="stack" aria-labelledby="own-facts-title">
      <h3 id="own-facts-title" className="utrecht-heading-3">
        {t('ownFacts.title')}
      </h3>
      <p className="utrecht-paragraph">{t('ownFacts.intro')}</p>
      <ul className="own-facts" data-testid="own-facts">
        {Object.entries(facts).map(([name, f]) => (
          <li key={name}>
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              aria-expanded={open === name}
              onClick={() => setOpen(open === name ? undefined : name)}
            >
              {f.label?.[api.lang] ?? name}{' '}
              <span className="muted">({t(`ownFacts.types.${f.type}`, { defaultValue: f.type })})</span>
            </button>
            {open === name && (
              <OwnFactFields
                api={api}
                name={name}
                fact={f}
                facts={facts}
                setFacts={setFacts}
                rename={rename}
                notice={notice}
                onRemove={() => setOpen(undefined)}
              />
            )}
          </li>
        ))}
      </ul>
      <div>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={api.readOnly}
          onClick={add}
        >
          {t('ownFacts.add')}
        </button>
      </div>
    </section>
  );
}

function OwnFactFields({
  api,
  name,
  fact,
  facts,
  setFacts,
  rename,
  notice,
  onRemove,
}: {
  api: EditorApi;
  name: string;
  fact: MunicipalityFact;
  facts: Record<string, MunicipalityFact>;
  setFacts(next: Record<string, MunicipalityFact>, key?: string): void;
  rename(from: string, to: string): void;
  notice: string | undefined;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const ro = api.readOnly;
  const key = `/facts/${name}`;
  const set = (patch: Partial<MunicipalityFact>, field: string) => {
    const next = { ...fact, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    setFacts({ ...facts, [name]: next as unknown as MunicipalityFact }, `${key}/${field}`);
  };
  const text = (field: 'label' | 'description' | 'source', lang: 'nl' | 'en') => (v: string) => {
    const current = fact[field] ?? { nl: '', en: '' };
    const value = { ...current, [lang]: v };
    set({ [field]: field === 'source' && !value.nl && !value.en ? undefined : value }, `${field}/${lang}`);
  };
  const setType = (type: MunicipalityFact['type']) =>
    set(
      {
        type,
        ...(NUMERIC.has(type) ? {} : { unit: undefined, minimum: undefined, maximum: undefined }),
        ...(type === 'enum' || type === 'string-list'
          ? { options: fact.options ?? [{ value: 'ja', label: { nl: 'ja', en: 'yes' } }] }
          : { options: undefined }),
      },
      'type',
    );
  const bound = (field: 'minimum' | 'maximum') => (raw: string) =>
    set({ [field]: raw.trim() === '' ? undefined : Number(raw.replace(',', '.')) }, field);
  return (
    <div className="stack own-fact" role="group" aria-label={fact.label?.[api.lang] ?? name}>
      <TextInput
        label={t('ownFacts.name')}
        help={t('ownFacts.nameHelp')}
        value={name}
        disabled={ro}
        onChange={(v) => {
          if (v && v !== name) rename(name, v);
        }}
      />
      {notice && (
        <p className="utrecht-paragraph muted" role="status" data-testid="own-fact-rename">
          {notice}
        </p>
      )}
      {fact.derivation && (
        <p className="utrecht-paragraph muted" data-testid="own-fact-derivation">
          {describeDerivation(fact.derivation, api.catalog, api.lang)}
        </p>
      )}
      <FormField label={t('ownFacts.type')}>
        {({ id }) => (
          <select
            id={id}
            className="utrecht-select utrecht-select--html-select"
            disabled={ro}
            value={fact.type}
            onChange={(e) => setType(e.target.value as MunicipalityFact['type'])}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`ownFacts.types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextInput
        label={t('ownFacts.labelNl')}
        value={fact.label?.nl ?? ''}
        disabled={ro}
        onChange={text('label', 'nl')}
      />
      <TextInput
        label={t('ownFacts.labelEn')}
        value={fact.label?.en ?? ''}
        disabled={ro}
        onChange={text('label', 'en')}
      />
      <TextInput
        label={t('ownFacts.descriptionNl')}
        multiline
        value={fact.description?.nl ?? ''}
        disabled={ro}
        onChange={text('description', 'nl')}
      />
      <TextInput
        label={t('ownFacts.descriptionEn')}
        multiline
        value={fact.description?.en ?? ''}
        disabled={ro}
        onChange={text('description', 'en')}
      />
      <TextInput
        label={t('ownFacts.sourceNl')}
        help={t('ownFacts.sourceHelp')}
        value={fact.source?.nl ?? ''}
        disabled={ro}
        onChange={text('source', 'nl')}
      />
      <TextInput
        label={t('ownFacts.sourceEn')}
        value={fact.source?.en ?? ''}
        disabled={ro}
        onChange={text('source', 'en')}
      />
      {NUMERIC.has(fact.type) && (
        <>
          <FormField label={t('ownFacts.unit')}>
            {({ id }) => (
              <select
                id={id}
                className="utrecht-select utrecht-select--html-select"
                disabled={ro}
                value={fact.unit ?? ''}
                onChange={(e) => set({ unit: e.target.value || undefined }, 'unit')}
              >
                <option value="">{t('ownFacts.noUnit')}</option>
                {Object.entries(UNITS).map(([code, u]) => (
                  <option key={code} value={code}>
                    {code} ({u.suffix[api.lang]})
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <TextInput
            label={t('ownFacts.minimum')}
            value={fact.minimum === undefined ? '' : String(fact.minimum)}
            disabled={ro}
            onChange={bound('minimum')}
          />
          <TextInput
            label={t('ownFacts.maximum')}
            value={fact.maximum === undefined ? '' : String(fact.maximum)}
            disabled={ro}
            onChange={bound('maximum')}
          />
        </>
      )}
      {(fact.type === 'enum' || fact.type === 'string-list') && (
        <TextInput
          label={t('ownFacts.options')}
          help={t('ownFacts.optionsHelp')}
          multiline
          value={optionsToText(fact.options)}
          disabled={ro}
          onChange={(v) => set({ options: textToOptions(v) }, 'options')}
        />
      )}
      <label className="checkbox-label">
        <input
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          disabled={ro}
          checked={fact.mayBeUnknown === true}
          onChange={(e) => set({ mayBeUnknown: e.target.checked || undefined }, 'mayBeUnknown')}
        />{' '}
        {t('ownFacts.mayBeUnknown')}
      </label>
      {!ro && (
        <div>
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => {
              const { [name]: _gone, ...rest } = facts;
              setFacts(rest);
              onRemove();
            }}
          >
            {t('ownFacts.remove')}
          </button>
        </div>
      )}
    </div>
  );
}
