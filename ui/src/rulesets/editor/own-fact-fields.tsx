import { useTranslation } from 'react-i18next';
import { describeDerivation, UNITS, type FactOption, type MunicipalityFact } from '../../../../rules';
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

/** The fields of one own fact: name (renamed with its uses), type, texts, unit and range, options. */
export function OwnFactFields({
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
  setFacts: (next: Record<string, MunicipalityFact>, key?: string) => void;
  rename: (from: string, to: string) => void;
  notice: string | undefined;
  onRemove: () => void;
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
