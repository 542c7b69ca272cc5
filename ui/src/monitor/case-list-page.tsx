import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { cases, type CaseSort, type CaseSummary, type ListFilter } from '../api/cases';
import { monitor, type ProcessInfo, type SavedFilter } from '../api/monitor';
import { humanise } from './humanise';
import { toCsv } from './csv';
import { LiveStatus } from './live-status';
import { useLive } from './use-live';
import { useMonitorT } from './use-monitor-t';
import { formatDateTime } from '../shell/format';
import { formatListTerm } from './term-date';

const PAGE = 50;
const ALL_COLUMNS = [
  'caseRef',
  'processId',
  'step',
  'status',
  'nextDeadline',
  'startedAt',
  'outcome',
  'caseId',
] as const;
type Column = (typeof ALL_COLUMNS)[number];
const DEFAULT_COLUMNS: Column[] = ['caseRef', 'processId', 'step', 'status', 'nextDeadline', 'startedAt'];
const COLUMNS_KEY = 'doorstroom.monitor.columns';
const STATUSES = ['running', 'completed', 'cancelled', 'terminated', 'failed', 'timed_out'];
/** The columns the server orders the whole list by (GET /cases?sort=…); other columns are not sortable. */
const SORTABLE: Partial<Record<Column, 'nextDeadline' | 'startedAt'>> = {
  nextDeadline: 'nextDeadline',
  startedAt: 'startedAt',
};
const SORTS: readonly string[] = ['nextDeadline', '-nextDeadline', 'startedAt', '-startedAt'];

function sortFromParams(p: URLSearchParams): CaseSort | undefined {
  const v = p.get('sort');
  return v && SORTS.includes(v) ? (v as CaseSort) : undefined;
}

function filterFromParams(p: URLSearchParams): ListFilter {
  const f: ListFilter = {};
  for (const k of ['processId', 'step', 'status', 'outcome'] as const) {
    const v = p.get(k);
    if (v) f[k] = v;
  }
  const w = p.get('deadlineWindow');
  if (w === '7d' || w === '30d') f.deadlineWindow = w;
  if (p.get('overdue') === 'true') f.overdue = true;
  return f;
}

function paramsFromFilter(f: ListFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '' && v !== false) out[k] = String(v);
  return out;
}

function storedColumns(): Column[] {
  try {
    const v = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as string[] | null;
    const cols = v?.filter((c): c is Column => (ALL_COLUMNS as readonly string[]).includes(c));
    return cols?.length ? cols : DEFAULT_COLUMNS;
  } catch {
    return DEFAULT_COLUMNS;
  }
}

/** Cases from Temporal visibility: filters, server-side paging by cursor, columns, CSV, saved filters, live. */
export function CaseListPage() {
  const { t, pick, lang } = useMonitorT();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  // The order is the server's, across all pages: a page is shown as it comes.
  const sort = sortFromParams(params);
  const [draft, setDraft] = useState<ListFilter>(filter);
  // Undefined until loaded: rows wait for it, so a step is never shown by its id first.
  const [processes, setProcesses] = useState<ProcessInfo[]>();
  const [rows, setRows] = useState<CaseSummary[] | null>(null);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [columns, setColumns] = useState<Column[]>(storedColumns);
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [saveName, setSaveName] = useState('');
  const page = cursors.length;
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    void monitor
      .processes()
      .then(setProcesses)
      .catch(() => setProcesses([]));
    void monitor
      .savedFilters()
      .then(setSaved)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    setDraft(filter);
    setCursors([undefined]);
  }, [filter, sort]);

  const load = useCallback(() => {
    cases.list(filter, PAGE, cursor, sort).then(
      (r) => {
        setRows(r.cases);
        setNext(r.nextCursor);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [filter, cursor, sort]);
  useEffect(load, [load]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const connected = useLive(rows?.map((r) => r.caseId) ?? [], () => {
    if (!timer.current)
      timer.current = setTimeout(() => {
        timer.current = null;
        load();
      }, 200);
  });

  const cell = useCallback(
    (r: CaseSummary, c: Column): string => {
      const info = processes?.find((p) => p.processId === r.processId);
      switch (c) {
        case 'processId':
          return pick(info?.title, humanise(r.processId));
        case 'step':
          // The label from the case's own definition version (an older one, or an end step), else today's.
          return pick(
            r.stepLabel ??
              (info?.steps.find((s) => s.id === r.step) ?? info?.outcomes.find((o) => o.id === r.step))?.label,
            humanise(r.step),
          );
        case 'status':
          return t(`status.${r.status}`, { defaultValue: r.status });
        case 'nextDeadline':
          return formatListTerm(r.nextDeadline, lang);
        case 'startedAt':
          return formatDateTime(r.startedAt);
        case 'outcome':
          return r.outcome ? pick(info?.outcomes.find((o) => o.id === r.outcome)?.label, humanise(r.outcome)) : '';
        default:
          return r[c];
      }
    },
    [processes, pick, t, lang],
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setParams({ ...paramsFromFilter(draft), ...(sort ? { sort } : {}) });
  };
  /** Ascending first, then descending; the server orders every page. */
  const sortBy = (column: 'nextDeadline' | 'startedAt') =>
    setParams({
      ...paramsFromFilter(filter),
      sort: sort === column ? `-${column}` : column,
    });
  const toggleColumn = (c: Column) => {
    const nextCols = columns.includes(c)
      ? columns.filter((x) => x !== c)
      : ALL_COLUMNS.filter((x) => x === c || columns.includes(x));
    if (nextCols.length === 0) return;
    setColumns(nextCols);
    try {
      localStorage.setItem(COLUMNS_KEY, JSON.stringify(nextCols));
    } catch {
      /* private mode */
    }
  };
  const exportCsv = async () => {
    const all: CaseSummary[] = [];
    let c: string | undefined;
    do {
      const r = await cases.list(filter, 200, c, sort);
      all.push(...r.cases);
      c = r.nextCursor ?? undefined;
    } while (c && all.length < 10000);
    const csv = toCsv([
      columns.map((col) => t(`list.col.${col}`)),
      ...all.map((r) => columns.map((col) => cell(r, col))),
    ]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `zaken-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const saveFilter = async (e: FormEvent) => {
    e.preventDefault();
    if (!saveName.trim()) return;
    await monitor.saveFilter(saveName.trim(), filter, columns);
    setSaveName('');
    setSaved(await monitor.savedFilters());
  };
  const chosen = draft.processId ? processes?.find((p) => p.processId === draft.processId) : undefined;
  const steps = chosen?.steps ?? [];
  const outcomes = chosen?.outcomes ?? [];

  return (
    <section aria-labelledby="monitor-list-title">
      <div className="monitor-titlebar">
        <h1 id="monitor-list-title" className="utrecht-heading-1">
          {t('list.title')}
        </h1>
        <LiveStatus connected={connected} />
      </div>
      <form className="monitor-filters" onSubmit={apply} aria-label={t('list.filters')}>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="f-process">
            {t('list.process')}
          </label>
          <select
            id="f-process"
            className="utrecht-select"
            value={draft.processId ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, processId: e.target.value || undefined, step: undefined, outcome: undefined })
            }
          >
            <option value="">{t('list.any')}</option>
            {(processes ?? []).map((p) => (
              <option key={p.processId} value={p.processId}>
                {pick(p.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="f-step">
            {t('list.step')}
          </label>
          <select
            id="f-step"
            className="utrecht-select"
            value={draft.step ?? ''}
            disabled={!draft.processId}
            onChange={(e) => setDraft({ ...draft, step: e.target.value || undefined })}
          >
            <option value="">{t('list.any')}</option>
            {steps.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="f-status">
            {t('list.status')}
          </label>
          <select
            id="f-status"
            className="utrecht-select"
            value={draft.status ?? ''}
            onChange={(e) => setDraft({ ...draft, status: e.target.value || undefined })}
          >
            <option value="">{t('list.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="f-outcome">
            {t('list.outcome')}
          </label>
          <select
            id="f-outcome"
            className="utrecht-select"
            value={draft.outcome ?? ''}
            disabled={!draft.processId}
            onChange={(e) => setDraft({ ...draft, outcome: e.target.value || undefined })}
          >
            <option value="">{t('list.any')}</option>
            {outcomes.map((o) => (
              <option key={o.id} value={o.id}>
                {pick(o.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="f-window">
            {t('list.window')}
          </label>
          <select
            id="f-window"
            className="utrecht-select"
            value={draft.deadlineWindow ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, deadlineWindow: (e.target.value || undefined) as ListFilter['deadlineWindow'] })
            }
          >
            <option value="">{t('list.any')}</option>
            <option value="7d">{t('list.window7')}</option>
            <option value="30d">{t('list.window30')}</option>
          </select>
        </div>
        <label className="checkbox-label monitor-check">
          <input
            type="checkbox"
            className="utrecht-checkbox"
            checked={draft.overdue ?? false}
            onChange={(e) => setDraft({ ...draft, overdue: e.target.checked || undefined })}
          />
          {t('list.overdue')}
        </label>
        <div className="monitor-buttons">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t('list.apply')}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => setParams({})}
          >
            {t('list.reset')}
          </button>
        </div>
      </form>

      <div className="monitor-toolbar">
        <details className="monitor-details">
          <summary>{t('list.columns')}</summary>
          <fieldset className="choice-list">
            <legend className="visually-hidden">{t('list.columns')}</legend>
            {ALL_COLUMNS.map((c) => (
              <label key={c} className="checkbox-label">
                <input
                  type="checkbox"
                  className="utrecht-checkbox"
                  checked={columns.includes(c)}
                  onChange={() => toggleColumn(c)}
                />
                {t(`list.col.${c}`)}
              </label>
            ))}
          </fieldset>
        </details>
        <details className="monitor-details">
          <summary>
            {t('list.saved')} ({saved.length})
          </summary>
          <ul className="monitor-list">
            {saved.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={() => {
                    if (s.columns?.length) setColumns(s.columns as Column[]);
                    setParams({ ...paramsFromFilter(s.filter), ...(sort ? { sort } : {}) });
                  }}
                >
                  {t('list.use')}: {s.name}
                </button>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  aria-label={`${t('list.remove')} ${s.name}`}
                  onClick={() => void monitor.deleteFilter(s.id).then(monitor.savedFilters).then(setSaved)}
                >
                  {t('list.remove')}
                </button>
              </li>
            ))}
          </ul>
          <form onSubmit={(e) => void saveFilter(e)} className="monitor-inline-form">
            <label className="utrecht-form-label" htmlFor="save-name">
              {t('list.saveAs')}
            </label>
            <input
              id="save-name"
              className="utrecht-textbox"
              value={saveName}
              maxLength={100}
              onChange={(e) => setSaveName(e.target.value)}
            />
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              {t('list.save')}
            </button>
          </form>
        </details>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => void exportCsv()}
        >
          {t('list.export')}
        </button>
      </div>

      {error && (
        <p className="error" role="alert">
          {t('error', { message: error })}
        </p>
      )}
      {!rows || !processes ? (
        <p>{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p className="utrecht-paragraph">{t('list.empty')}</p>
      ) : (
        <table className="utrecht-table monitor-cases" data-testid="case-table">
          <caption className="visually-hidden">
            {t('list.title')} — {t('list.page', { page })}. {t('list.sortNote')}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const key = SORTABLE[c];
                if (!key)
                  return (
                    <th key={c} scope="col">
                      {t(`list.col.${c}`)}
                    </th>
                  );
                const dir = sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none';
                return (
                  <th key={c} scope="col" aria-sort={dir}>
                    <button
                      type="button"
                      className="monitor-sort"
                      title={t('list.sortBy', { column: t(`list.col.${c}`) })}
                      onClick={() => sortBy(key)}
                    >
                      {t(`list.col.${c}`)}
                      <span aria-hidden="true">{dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.caseId} data-case-id={r.caseId}>
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c} scope="row">
                      <Link to={encodeURIComponent(r.caseId)}>{cell(r, c)}</Link>
                    </th>
                  ) : (
                    <td
                      key={c}
                      className={
                        c === 'nextDeadline' &&
                        r.nextDeadline &&
                        Date.parse(r.nextDeadline) < Date.now() &&
                        r.status === 'running'
                          ? 'monitor-overdue'
                          : undefined
                      }
                    >
                      {cell(r, c)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="monitor-pager" aria-label={t('list.page', { page })}>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={page === 1}
          onClick={() => setCursors([undefined])}
        >
          {t('list.first')}
        </button>
        <span>{t('list.page', { page })}</span>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={!next}
          onClick={() => next && setCursors([...cursors, next])}
        >
          {t('list.next')}
        </button>
      </nav>
    </section>
  );
}
