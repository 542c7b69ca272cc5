import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiProblem } from '../api/http';
import { transition, type ImportLineError, type TransitionProgress } from '../api/transition';
import { formatDate, formatNumber } from '../shell/format';
import { TRANSITION_WORDS } from '../i18n/monitor-transition';
import { cohortNames } from './cohort-labels';
import { useMonitorT } from './use-monitor-t';

const W = TRANSITION_WORDS;

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** The monitor's cohort view of overgang-oekraine, with the import of the municipality's list. */
export function TransitionPage() {
  const { lang, pick } = useMonitorT();
  const w = (key: keyof typeof W, values: Record<string, string | number> = {}) => fill(W[key][lang], values);
  const n = (v: number) => formatNumber(v, lang);
  const [progress, setProgress] = useState<TransitionProgress | null>(null);
  const [csv, setCsv] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<ImportLineError[]>([]);

  const load = useCallback(() => {
    void transition
      .progress()
      .then(setProgress)
      .catch(() => undefined);
  }, []);
  useEffect(load, [load]);

  const readFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) void f.text().then(setCsv);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLineErrors([]);
    void transition
      .importList(csv)
      .then((r) => {
        setNotice(w('imported', { households: n(r.households), started: n(r.started), existing: n(r.existing) }));
        load();
      })
      .catch((err: unknown) => {
        if (err instanceof ApiProblem && err.code === 'INVALID_IMPORT') {
          setNotice(w('invalid'));
          setLineErrors(((err.details as { errors?: ImportLineError[] } | undefined)?.errors ?? []).slice(0, 100));
        } else setNotice(err instanceof Error ? err.message : String(err));
      });
  };

  const names = cohortNames(progress?.cohorts ?? [], lang);
  const daysLeft = progress?.endDate
    ? Math.ceil((new Date(`${progress.endDate}T00:00:00Z`).getTime() - Date.now()) / 86_400_000)
    : undefined;
  return (
    <section aria-labelledby="transition-title" className="stack">
      <h1 id="transition-title" className="utrecht-heading-1">
        {w('title')}
      </h1>
      <p className="utrecht-paragraph narrow">{w('intro', { days: progress?.atRiskDays ?? 14 })}</p>
      {progress && (
        <p className="utrecht-paragraph" data-testid="transition-end">
          <strong>{w('end')}:</strong> {formatDate(progress.endDate, lang)}
          {daysLeft !== undefined && ` (${daysLeft >= 0 ? w('daysLeft', { n: n(daysLeft) }) : w('passed')})`}
          {progress.endDateSource && (
            <>
              <br />
              <span className="monitor-muted">
                {w('source')}: {pick(progress.endDateSource)}
              </span>
            </>
          )}
        </p>
      )}
      {progress?.truncated && <p className="utrecht-paragraph">{w('truncated', { n: n(progress.households) })}</p>}
      {progress && progress.households === 0 && <p className="utrecht-paragraph">{w('none')}</p>}
      {progress?.cohorts.map((c) => (
        <table key={c.cohort} className="utrecht-table monitor-card" data-testid={`cohort-${c.cohort}`}>
          <caption className="utrecht-table__caption">
            {w('cohort', { name: names.get(c.cohort) ?? '', date: formatDate(c.start, lang) })}
            <br />
            <span data-testid={`cohort-${c.cohort}-summary`}>
              {w('summary', {
                households: n(c.households),
                hh:
                  lang === 'en'
                    ? c.households === 1
                      ? 'household'
                      : 'households'
                    : c.households === 1
                      ? 'huishouden'
                      : 'huishoudens',
                completed: n(c.completed),
                left: n(c.left),
                atRisk: n(c.atRisk),
              })}
            </span>
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {w('domain')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {w('done')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {w('atRisk')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {w('overdue')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {c.domains.map((d) => (
              <tr key={d.id} className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">
                  {pick(d.label)}
                </th>
                <td
                  className="utrecht-table__cell utrecht-table__cell--numeric"
                  data-testid={`done-${c.cohort}-${d.id}`}
                >
                  {n(d.done)} / {n(c.households - c.left)}
                </td>
                <td
                  className="utrecht-table__cell utrecht-table__cell--numeric"
                  data-testid={`risk-${c.cohort}-${d.id}`}
                >
                  {n(d.atRisk)}
                </td>
                <td
                  className="utrecht-table__cell utrecht-table__cell--numeric"
                  data-testid={`overdue-${c.cohort}-${d.id}`}
                >
                  {n(d.overdue)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}

      <form className="stack monitor-card" onSubmit={submit} aria-labelledby="transition-import-title">
        <h2 id="transition-import-title" className="utrecht-heading-2">
          {w('importTitle')}
        </h2>
        <p className="utrecht-paragraph narrow" id="transition-import-help">
          {w('importHelp')}
        </p>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="transition-file">
            {w('file')}
          </label>
          <input
            id="transition-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="transition-import-help"
            onChange={readFile}
          />
        </div>
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={csv === ''}>
            {w('submit')}
          </button>
        </div>
        {notice && (
          <p className="utrecht-paragraph monitor-notice" role="status">
            {notice}
          </p>
        )}
        {lineErrors.length > 0 && (
          <table className="utrecht-table" data-testid="import-errors">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {w('line')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {w('column')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {w('message')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {lineErrors.map((e, i) => (
                <tr key={i} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{e.line}</td>
                  <td className="utrecht-table__cell">{e.column}</td>
                  <td className="utrecht-table__cell">{pick(e.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </form>
    </section>
  );
}
