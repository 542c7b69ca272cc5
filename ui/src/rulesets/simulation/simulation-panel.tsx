import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { evaluate, renderExplanation, type FactCatalog, type Language, type RuleSet } from '../../../../rules';
import { formatNumber, todayInNl } from '../../shell/format';
import { generateApplicants, type SimCase } from './generate-applicants';
import { readCaseFile } from './read-case-file';
import { runSimulation, type SimulationResult } from './run-simulation';

export interface SimulationSummary {
  result: SimulationResult;
  cases: SimCase[];
  peildatum: string;
  /** One sentence for the review comment. */
  text: string;
}

const GENERATED = 10_000;
const SHOWN = 50;

/** Draft against the published version over 10,000 generated applicants or an uploaded file. */
export function SimulationPanel({
  draft,
  published,
  catalog,
  lang,
  tenant,
  result,
  onResult,
}: {
  draft: RuleSet;
  published: RuleSet | undefined;
  catalog: FactCatalog | undefined;
  lang: Language;
  tenant: string;
  result: SimulationSummary | undefined;
  onResult: (r: SimulationSummary) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; cases: SimCase[] }>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<number>();

  if (!catalog) return null;
  if (!published) return <p className="utrecht-paragraph">{t('sim.noPublished')}</p>;
  const label = (l: string) => l || t('sim.none');

  async function start() {
    if (!catalog || !published) return;
    const peildatum = todayInNl();
    const cases = file?.cases ?? generateApplicants(catalog, GENERATED, { tenant, peildatum });
    setError(undefined);
    setProgress({ done: 0, total: cases.length });
    try {
      const r = await runSimulation(published, draft, cases, peildatum, (done) =>
        setProgress({ done, total: cases.length }),
      );
      onResult({
        result: r,
        cases,
        peildatum,
        text: t('sim.summary', { total: formatNumber(r.total), changed: formatNumber(r.changed.length) }),
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(undefined);
    }
  }

  async function upload(f: File | undefined) {
    if (!f || !catalog) return setFile(undefined);
    try {
      setFile({ name: f.name, cases: readCaseFile(f.name, await f.text(), catalog) });
      setError(undefined);
    } catch (e) {
      setError(t('sim.invalidFile', { message: (e as Error).message }));
    }
  }

  const r = result?.result;
  const chart = r ? [...r.counts.entries()].map(([k, [before, after]]) => ({ outcome: label(k), before, after })) : [];
  const explain = (rs: RuleSet, c: SimCase) => {
    const e = evaluate(rs, c.facts, {
      peildatum: c.peildatum ?? result?.peildatum ?? todayInNl(),
      explain: true,
    }).explanation;
    return e ? renderExplanation(e, lang) : '';
  };

  return (
    <div className="simulation">
      <h2 className="utrecht-heading-2">{t('sim.title')}</h2>
      <p className="utrecht-paragraph">{t('sim.intro')}</p>
      <div className="sim-controls">
        <p className="utrecht-paragraph">
          <strong>
            {file
              ? `${file.name}: ${t('sim.cases', { formatted: formatNumber(file.cases.length) })}`
              : t('sim.generate', { count: GENERATED, formatted: formatNumber(GENERATED) })}
          </strong>
        </p>
        <label className="utrecht-form-label" htmlFor="sim-file">
          {t('sim.upload')}
        </label>
        <input
          id="sim-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => void upload(e.target.files?.[0])}
        />
        <div>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            disabled={progress !== undefined}
            onClick={() => void start()}
          >
            {t('sim.run')}
          </button>
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {progress && (
        <div className="sim-progress">
          <label htmlFor="sim-progress">
            {t('sim.running', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
          </label>
          <progress id="sim-progress" aria-label={t('sim.progress')} max={progress.total} value={progress.done} />
        </div>
      )}
      <div aria-live="polite">
        {r && (
          <p className="sim-summary" data-testid="sim-summary">
            <strong>
              {r.changed.length > 0
                ? t('sim.changed', { count: r.changed.length, formatted: formatNumber(r.changed.length) })
                : t('sim.unchanged')}
            </strong>{' '}
            — {t('sim.cases', { formatted: formatNumber(r.total) })}
          </p>
        )}
      </div>
      {r && (
        <>
          <h3 className="utrecht-heading-3">{t('sim.chart')}</h3>
          <div className="sim-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={260}>
              <BarChart accessibilityLayer={false} data={chart} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="outcome" />
                <YAxis />
                <Tooltip />
                <Legend />
                <Bar dataKey="before" name={t('sim.before')} fill="#8fa9c4" isAnimationActive={false} />
                <Bar dataKey="after" name={t('sim.after')} fill="#154273" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="utrecht-table sim-counts">
            <caption className="visually-hidden">{t('sim.chart')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('sim.outcome')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('sim.before')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('sim.after')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {chart.map((c) => (
                <tr key={c.outcome} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{c.outcome}</td>
                  <td className="utrecht-table__cell">{formatNumber(c.before)}</td>
                  <td className="utrecht-table__cell">{formatNumber(c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.changed.length > 0 && (
            <>
              <h3 className="utrecht-heading-3">{t('sim.table', { count: Math.min(SHOWN, r.changed.length) })}</h3>
              <table className="utrecht-table sim-changed">
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell">
                      {t('sim.id')}
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      {t('sim.before')}
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      {t('sim.after')}
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      {t('sim.why')}
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {r.changed.slice(0, SHOWN).map((c) => {
                    const simCase = result.cases[c.index] as SimCase;
                    return (
                      <tr key={c.index} className="utrecht-table__row">
                        <td className="utrecht-table__cell">{c.id}</td>
                        <td className="utrecht-table__cell">
                          {open === c.index ? (
                            <pre className="explanation">{explain(published, simCase)}</pre>
                          ) : (
                            label(c.before)
                          )}
                        </td>
                        <td className="utrecht-table__cell">
                          {open === c.index ? (
                            <pre className="explanation">{explain(draft, simCase)}</pre>
                          ) : (
                            label(c.after)
                          )}
                        </td>
                        <td className="utrecht-table__cell">
                          <button
                            type="button"
                            className="utrecht-button utrecht-button--subtle"
                            aria-expanded={open === c.index}
                            onClick={() => setOpen(open === c.index ? undefined : c.index)}
                          >
                            {t('sim.show')}
                            <span className="visually-hidden"> {c.id}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}
