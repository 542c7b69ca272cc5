import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCases, type CaseSummary } from '../api/cases';
import { formatDateTime } from '../shell/format';

/** The cases of this municipality, newest first, from Temporal visibility through the API. */
export function CasesPage() {
  const { t } = useTranslation();
  const [cases, setCases] = useState<CaseSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    const load = () =>
      fetchCases().then(
        (c) => live && (setCases(c), setError(undefined)),
        (e: Error) => live && setError(e.message),
      );
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title" className="utrecht-heading-1">
        {t('cases.title')}
      </h1>
      {error && (
        <p role="alert" className="error">
          {t('cases.failed', { message: error })}
        </p>
      )}
      {!cases && !error && <p>{t('app.loading')}</p>}
      {cases && cases.length === 0 && <p>{t('cases.empty')}</p>}
      {cases && cases.length > 0 && (
        <table className="utrecht-table">
          <caption className="visually-hidden">{t('cases.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {(['ref', 'process', 'step', 'status', 'outcome', 'started'] as const).map((k) => (
                <th key={k} scope="col" className="utrecht-table__header-cell">
                  {t(`cases.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {cases.map((c) => (
              <tr key={c.caseId} data-case-id={c.caseId} className="utrecht-table__row">
                <td className="utrecht-table__cell">{c.caseRef}</td>
                <td className="utrecht-table__cell">{c.processId}</td>
                <td className="utrecht-table__cell">{c.step}</td>
                <td className="utrecht-table__cell">{t(`cases.statuses.${c.status}`, { defaultValue: c.status })}</td>
                <td className="utrecht-table__cell">{c.outcome ?? '—'}</td>
                <td className="utrecht-table__cell">{formatDateTime(c.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
