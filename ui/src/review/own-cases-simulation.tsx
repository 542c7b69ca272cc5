import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/http';
import { simulation, type OwnCasesSimulation } from '../api/simulation';
import { formatDate, formatDateTime } from '../shell/format';

const CONDITION_NL: Record<string, string> = {
  voldaan: 'voldaan',
  'niet-voldaan': 'niet voldaan',
  onbekend: 'onbekend',
  'niet-beoordeeld': 'niet beoordeeld',
  ontbreekt: 'bestond niet',
};

/**
 * "What would this version change for the people we decided on?": the draft re-judges the
 * municipality's real decisions. The designer runs it; the approver sees the kept summary.
 */
export function OwnCasesSimulationPanel({
  artifactKey,
  version,
  canRun,
}: {
  artifactKey: string;
  version: number;
  canRun: boolean;
}) {
  const { t } = useTranslation();
  const [result, setResult] = useState<OwnCasesSimulation>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    simulation
      .latest(artifactKey, version)
      .then((r) => live && setResult(r))
      .catch((e: unknown) => {
        if (live && !(e instanceof ApiProblem && e.status === 404)) setError((e as Error).message);
      });
    return () => {
      live = false;
    };
  }, [artifactKey, version]);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await simulation.run(artifactKey, version));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack own-cases" aria-labelledby="own-cases-title">
      <h3 id="own-cases-title" className="utrecht-heading-3">
        {t('review.ownCases.title')}
      </h3>
      <p className="utrecht-paragraph">{t('review.ownCases.intro')}</p>
      {canRun && (
        <div>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={busy}
            onClick={() => void run()}
          >
            {busy ? t('review.ownCases.running') : t('review.ownCases.run')}
          </button>
        </div>
      )}
      {error && (
        <div role="alert" className="utrecht-alert utrecht-alert--error">
          <p className="utrecht-paragraph">{error}</p>
        </div>
      )}
      {!result && !canRun && <p className="utrecht-paragraph">{t('review.ownCases.none')}</p>}
      {result && (
        <>
          <p className="utrecht-paragraph" role="status">
            {t('review.ownCases.summary', { compared: result.compared, changed: result.changed })}
            {result.ranAt
              ? ` ${t('review.ownCases.ran', { who: result.ranBy ?? '', when: formatDateTime(result.ranAt) })}`
              : ''}
            {result.truncated ? ` ${t('review.ownCases.truncated')}` : ''}
          </p>
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">{t('review.ownCases.totals')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('review.ownCases.outcome')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('review.ownCases.before')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('review.ownCases.after')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {result.totals.map((row) => (
                <tr key={row.outcome ?? '-'} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {row.label}
                  </th>
                  <td className="utrecht-table__cell">{row.before}</td>
                  <td className="utrecht-table__cell">{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.cases.length > 0 && (
            <table className="utrecht-table">
              <caption className="utrecht-table__caption">{t('review.ownCases.changedCases')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('review.ownCases.caseRef')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('review.ownCases.was')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('review.ownCases.becomes')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('review.ownCases.why')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {result.cases.map((c) => (
                  <tr key={`${c.caseId}-${c.peildatum}`} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      {c.caseRef}
                      <br />
                      <small>{t('review.ownCases.peildatum', { date: formatDate(c.peildatum) })}</small>
                    </th>
                    <td className="utrecht-table__cell">{c.before.label}</td>
                    <td className="utrecht-table__cell">
                      {c.after.label}
                      {c.after.incomplete ? ` (${c.after.incomplete.join(', ')})` : ''}
                    </td>
                    <td className="utrecht-table__cell">
                      <ul className="utrecht-unordered-list">
                        {c.conditions.map((k, i) => (
                          <li key={i}>
                            {k.rule}: {k.factLabel} — {CONDITION_NL[k.before] ?? k.before} →{' '}
                            {CONDITION_NL[k.after] ?? k.after}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
