import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  assessCase,
  coerceFactValue,
  decisionSentence,
  InvalidFactsError,
  outcomeLabel,
  renderExplanation,
  type Assessment,
  type FactCatalog,
  type Language,
  type RulesIssue,
  type RuleSet,
} from '../../../../rules';
import { FormField } from '../../shell/form-field';
import { todayInNl } from '../../shell/format';
import type { RunStatus } from '../graph/ruleset-flow';
import { explanationStatuses } from './explanation-statuses';
import { FactsForm, type RawFacts } from './facts-form';
import { loadTestCases, storeTestCases, type SavedTestCase } from './saved-test-cases';
import { testTexts } from './test-texts';

const EXAMPLE: RawFacts = {
  permitType: 'asiel',
  householdSize: '3',
  hasIndependentHome: 'nee',
  dateOfBirth: '1990-05-01',
  currentHousing: 'azc',
};

export function toFacts(catalog: FactCatalog, raw: RawFacts): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(raw)) {
    const value = coerceFactValue(catalog.facts[name], text);
    if (value !== undefined) facts[name] = value;
  }
  return facts;
}

/** An outcome by its label ("voorrang"), never its event type ('priority'). */
export function describeEvent(ruleSet: RuleSet, e: { type: string }, lang: Language): string {
  return outcomeLabel(ruleSet, e.type, lang);
}

/** Fill in or pick a test case, run it against the draft, read the outcome and the explanation; the graph turns green and red. */
export function TestPanel({
  ruleSet,
  catalog,
  lang,
  storageKey,
  onStatuses,
}: {
  ruleSet: RuleSet;
  catalog: FactCatalog | undefined;
  lang: Language;
  storageKey: string;
  onStatuses: (s: Map<string, RunStatus> | undefined) => void;
}) {
  const { t } = useTranslation();
  const [raw, setRaw] = useState<RawFacts>(() => ({ ...EXAMPLE, linkedMunicipality: storageKey.split('/')[0] ?? '' }));
  const [peildatum, setPeildatum] = useState(todayInNl());
  const [result, setResult] = useState<Assessment>();
  const [error, setError] = useState<string>();
  const [factErrors, setFactErrors] = useState<RulesIssue[]>();
  const words = testTexts(lang);
  const [saved, setSaved] = useState<SavedTestCase[]>(() => loadTestCases(storageKey));
  const [name, setName] = useState('');
  const text = useMemo(() => (result?.explanation ? renderExplanation(result.explanation, lang) : ''), [result, lang]);

  if (!catalog) return null;
  const run = () => {
    setError(undefined);
    setFactErrors(undefined);
    try {
      // The same call a decision makes: facts validated (never coerced), onvolledig while a needed fact is unknown.
      const r = assessCase(ruleSet, toFacts(catalog, raw), { peildatum });
      setResult(r);
      onStatuses(r.explanation ? explanationStatuses(ruleSet, r.explanation) : undefined);
    } catch (err) {
      setResult(undefined);
      if (err instanceof InvalidFactsError) setFactErrors(err.issues);
      else setError(t('test.invalid'));
      onStatuses(undefined);
    }
  };
  const save = () => {
    const next = [...saved.filter((s) => s.name !== name), { name, peildatum, facts: raw }];
    setSaved(next);
    storeTestCases(storageKey, next);
  };

  return (
    <div className="test-panel">
      <h2 className="utrecht-heading-2">{t('test.title')}</h2>
      <p className="utrecht-paragraph">{t('test.intro')}</p>
      {saved.length > 0 && (
        <div className="saved-cases">
          <h3 className="utrecht-heading-3">{t('test.saved')}</h3>
          <ul>
            {saved.map((s) => (
              <li key={s.name}>
                {s.name}{' '}
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={() => {
                    setRaw(s.facts);
                    setPeildatum(s.peildatum);
                  }}
                >
                  {t('test.load')}
                </button>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={() => {
                    const next = saved.filter((x) => x !== s);
                    setSaved(next);
                    storeTestCases(storageKey, next);
                  }}
                >
                  {t('test.remove')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="test-run">
        <FormField label={t('test.peildatum')}>
          {({ id }) => (
            <input
              id={id}
              type="date"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={peildatum}
              onChange={(e) => setPeildatum(e.target.value)}
            />
          )}
        </FormField>
        <div className="utrecht-button-group">
          <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={run}>
            {t('test.run')}
          </button>
        </div>
      </div>
      <div aria-live="polite" className="test-result">
        {error && <p className="error">{error}</p>}
        {factErrors && (
          <div className="error" data-testid="fact-errors">
            <p className="utrecht-paragraph">{words.factErrors}</p>
            <ul>
              {factErrors.map((issue) => (
                <li key={`${issue.code}${issue.path}`}>{issue.message[lang]}</li>
              ))}
            </ul>
          </div>
        )}
        {result && (
          <>
            <h3 className="utrecht-heading-3">{t('test.result')}</h3>
            {result.status === 'incomplete' ? (
              <div className="outcome outcome--incomplete" data-testid="incomplete">
                <p className="utrecht-paragraph">{words.incomplete}</p>
                <ul>
                  {result.missingFacts.map((f) => (
                    <li key={f.name}>{f.label[lang]}</li>
                  ))}
                </ul>
              </div>
            ) : result.events.length === 0 ? (
              <p className="utrecht-paragraph outcome outcome--none">
                {words.noOutcome(outcomeLabel(ruleSet, null, lang))}
              </p>
            ) : (
              <ul className="outcome">
                {result.events.map((e, i) => (
                  <li key={i}>{describeEvent(ruleSet, e, lang)}</li>
                ))}
              </ul>
            )}
            {result.status === 'complete' && (
              <p className="utrecht-paragraph decision-sentence">
                {words.decision}: {decisionSentence(ruleSet, result.events[0]?.type ?? null, lang)}
              </p>
            )}
            <h3 className="utrecht-heading-3">{t('test.explanation')}</h3>
            <div className="explanation" data-testid="explanation">
              {text.split('\n').map((line, i) => (
                <p key={i} className="explanation__line">
                  {line || '\u00a0'}
                </p>
              ))}
            </div>
          </>
        )}
      </div>
      <FactsForm catalog={catalog} lang={lang} values={raw} onChange={setRaw} />
      <div className="save-case">
        <FormField label={t('test.caseName')}>
          {({ id }) => (
            <input
              id={id}
              className="utrecht-textbox utrecht-textbox--html-input"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </FormField>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={!name.trim()}
          onClick={save}
        >
          {t('test.saveCase')}
        </button>
      </div>
    </div>
  );
}
