import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renameFact, RulesError, type MunicipalityFact } from '../../../../rules';
import type { EditorApi } from './editor-api';
import { OwnFactFields } from './own-fact-fields';

export { optionsToText, textToOptions } from './own-fact-fields';

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
    api.change(Object.keys(next).length > 0 ? { ...rest, facts: next } : rest, key);
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
