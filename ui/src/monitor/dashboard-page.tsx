import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { monitor, type MonitorSummary, type TaakstellingPeriod } from '../api/monitor';
import { InburgeringWaitingPanel } from './inburgering-waiting-panel';
import { LiveStatus } from './live-status';
import { useLive } from './use-live';
import { useMonitorT } from './use-monitor-t';
import { formatDate, formatDateTime } from '../shell/format';

const BLUE = '#154273';
const ORANGE = '#a34a00';
const GREEN = '#1e7b34';

function Figure({ label, value, to, tone }: { label: string; value: number; to?: string; tone?: 'alert' }) {
  const body = (
    <>
      <span className="monitor-figure-value">{value}</span>
      <span className="monitor-figure-label">{label}</span>
    </>
  );
  return (
    <div
      className={`monitor-figure${tone === 'alert' && value > 0 ? ' monitor-figure--alert' : ''}`}
      data-testid={`figure-${label}`}
    >
      {to ? <Link to={to}>{body}</Link> : body}
    </div>
  );
}

function QuotaTable({ rows, caption }: { rows: TaakstellingPeriod[]; caption: string }) {
  const { t } = useMonitorT();
  return (
    <table className="utrecht-table monitor-quota-table">
      <caption className="utrecht-table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.municipality')}</th>
          <th scope="col">{t('dashboard.target')}</th>
          <th scope="col">{t('dashboard.backlog')}</th>
          <th scope="col">{t('dashboard.surplus')}</th>
          <th scope="col">{t('dashboard.effective')}</th>
          <th scope="col">{t('dashboard.realised')}</th>
          <th scope="col">{t('dashboard.remaining')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.municipality}>
            <th scope="row">{r.municipality}</th>
            <td>{r.target ?? t('dashboard.noTarget')}</td>
            <td>
              {r.backlog}
              {r.carryOver === 'computed' ? ` (${t('dashboard.carriedComputed')})` : ''}
            </td>
            <td>{r.surplus}</td>
            <td>{r.effectiveTarget ?? '—'}</td>
            <td>{r.realised}</td>
            <td>{r.remaining ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The dashboard: answers "who needs action this week, and are we on track for the taakstelling?". */
export function DashboardPage() {
  const { t, pick, lang } = useMonitorT();
  const [summary, setSummary] = useState<MonitorSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(() => {
    monitor.summary().then(
      (s) => {
        setSummary(s);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);
  const connected = useLive([], () => {
    // Bursts of changes refresh once.
    if (!pending.current)
      pending.current = setTimeout(() => {
        pending.current = null;
        load();
      }, 300);
  });

  if (error && !summary)
    return (
      <p className="utrecht-paragraph error" role="alert">
        {t('error', { message: error })}
      </p>
    );
  if (!summary) return <p className="utrecht-paragraph">{t('loading')}</p>;
  const s = summary;
  const hotelData = s.hotelStays.byMonth.map((b) => ({
    name:
      b.month > s.hotelStays.paidMonths
        ? t('dashboard.monthLate', { months: s.hotelStays.paidMonths })
        : t('dashboard.month', { month: b.month }),
    count: b.count,
    month: b.month,
  }));
  const month = (m: number) => s.hotelStays.byMonth.find((b) => b.month === m)?.count ?? 0;
  const quotaData = [
    ...s.taakstelling.previous.map((r) => ({
      name: `${r.municipality} ${r.halfYear}`,
      target: r.effectiveTarget ?? 0,
      realised: r.realised,
    })),
    ...s.taakstelling.current.map((r) => ({
      name: `${r.municipality} ${r.halfYear}`,
      target: r.effectiveTarget ?? 0,
      realised: r.realised,
    })),
  ];
  const weeks = s.koppelingToHome;

  return (
    <section aria-labelledby="monitor-dashboard-title" className="monitor-dashboard">
      <div className="monitor-titlebar">
        <h1 id="monitor-dashboard-title" className="utrecht-heading-1">
          {t('dashboard.title')}
        </h1>
        <LiveStatus connected={connected} updated={formatDateTime(s.generatedAt)} />
      </div>
      <p className="utrecht-paragraph">{t('dashboard.intro')}</p>

      <h2 className="utrecht-heading-2">{t('dashboard.deadlines')}</h2>
      <div className="monitor-figures">
        <Figure label={t('dashboard.overdue')} value={s.deadlines.overdue} to="zaken?overdue=true" tone="alert" />
        <Figure label={t('dashboard.next7')} value={s.deadlines.next7Days} to="zaken?deadlineWindow=7d" />
        <Figure label={t('dashboard.next30')} value={s.deadlines.next30Days} to="zaken?deadlineWindow=30d" />
        <Figure label={t('dashboard.month5')} value={month(5)} />
        <Figure label={t('dashboard.month6')} value={month(6)} tone="alert" />
        <Figure label={t('dashboard.har')} value={s.harEnding.endingSoon} tone="alert" />
      </div>

      <div className="monitor-grid">
        <div className="monitor-card">
          <h2 className="utrecht-heading-2">{t('dashboard.processes')}</h2>
          {s.processes.map((p) => (
            <table key={p.processId} className="utrecht-table monitor-compact" data-testid={`process-${p.processId}`}>
              <caption className="utrecht-table__caption">
                {pick(p.title)}: {p.running} {t('dashboard.running')}, {p.completed} {t('dashboard.completed')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.step')}</th>
                  <th scope="col">{t('dashboard.count')}</th>
                </tr>
              </thead>
              <tbody>
                {p.steps.map((st) => (
                  <tr key={st.step}>
                    <th scope="row">
                      <Link to={`zaken?processId=${p.processId}&step=${st.step}&status=running`}>{pick(st.label)}</Link>
                    </th>
                    <td data-testid={`count-${p.processId}-${st.step}`}>{st.running}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>

        <div className="monitor-card">
          <h2 className="utrecht-heading-2">{t('dashboard.hotel')}</h2>
          <p className="utrecht-paragraph">
            {t('dashboard.hotelNote', { months: s.hotelStays.paidMonths, late: s.hotelStays.paidMonths + 1 })}
          </p>
          <div
            className="monitor-chart"
            role="img"
            aria-label={`${t('dashboard.hotel')}: ${hotelData.map((d) => `${d.name} ${d.count}`).join(', ')}`}
          >
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={hotelData} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name={t('dashboard.cases')} fill={BLUE} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <h3 className="utrecht-heading-3">{t('dashboard.har')}</h3>
          <p className="utrecht-paragraph">
            {t('dashboard.harEnding', {
              count: s.harEnding.endingSoon,
              running: s.harEnding.running,
              days: s.harEnding.windowDays,
            })}
          </p>
          {s.harEnding.soonest.length > 0 && (
            <ul className="monitor-list">
              {s.harEnding.soonest.map((h) => (
                <li key={h.caseId}>
                  <Link to={`zaken/${encodeURIComponent(h.caseId)}`}>{h.caseRef}</Link> — {t('dashboard.endsAt')}{' '}
                  {formatDate(h.endsAt)}
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="monitor-card">
          <h2 className="utrecht-heading-2">{t('dashboard.quota')}</h2>
          <div
            className="monitor-chart"
            role="img"
            aria-label={`${t('dashboard.quota')}: ${quotaData.map((d) => `${d.name} ${d.realised}/${d.target}`).join(', ')}`}
          >
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={quotaData} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="target" name={t('dashboard.effective')} fill={BLUE} isAnimationActive={false} />
                <Bar dataKey="realised" name={t('dashboard.realised')} fill={GREEN} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <QuotaTable
            rows={s.taakstelling.current}
            caption={t('dashboard.current', { hy: s.taakstelling.currentHalfYear })}
          />
          <QuotaTable
            rows={s.taakstelling.previous}
            caption={t('dashboard.previous', { hy: s.taakstelling.previousHalfYear })}
          />
        </div>

        <div className="monitor-card">
          <h2 className="utrecht-heading-2">{t('dashboard.weeks')}</h2>
          {weeks.cases === 0 ? (
            <p className="utrecht-paragraph">{t('dashboard.weeksNone')}</p>
          ) : (
            <>
              <p className="utrecht-paragraph" data-testid="weeks-note">
                {t('dashboard.weeksNote', {
                  cases: weeks.cases,
                  avg: weeks.averageWeeks,
                  within: weeks.withinNorm,
                  norm: weeks.normWeeks,
                })}
              </p>
              <div
                className="monitor-chart"
                role="img"
                aria-label={t('dashboard.weeksNote', {
                  cases: weeks.cases,
                  avg: weeks.averageWeeks,
                  within: weeks.withinNorm,
                  norm: weeks.normWeeks,
                })}
              >
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={weeks.distribution} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="weeks" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <ReferenceLine
                      x={weeks.normWeeks}
                      stroke={ORANGE}
                      strokeWidth={2}
                      label={t('dashboard.norm', { norm: weeks.normWeeks })}
                    />
                    <Bar dataKey="count" name={t('dashboard.cases')} fill={BLUE} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </>
          )}
        </div>
      </div>
      <InburgeringWaitingPanel lang={lang} />
    </section>
  );
}
