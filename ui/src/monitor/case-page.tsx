import { Fragment, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { ApiProblem } from '../api/http';
import { useHasRole } from '../shell/session-context';
import { artifacts } from '../api/artifacts';
import { cases } from '../api/cases';
import { monitor, type CaseView } from '../api/monitor';
import type { LocalizedText } from '../i18n/localized-text';
import { caseLabels } from './case-labels';
import { CaseGraph } from './case-graph';
import { DecisionHistory } from './decision-history';
import { DecisionPanel } from './decision-panel';
import { EventForm } from './event-form';
import { LiveStatus } from './live-status';
import { formatEntryTime, formatTerm } from './term-date';
import { describeEntry } from './timeline-text';
import { useLive } from './use-live';
import { useMonitorT } from './use-monitor-t';
import { formatDate } from '../shell/format';

/**
 * One case: the decision it waits for (proposal and form, or gegevens aanvullen), graph, facts,
 * deadlines, timeline and decisions in words, and — for supervisors — actions.
 */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t, pick, lang } = useMonitorT();
  const isBehandelaar = useHasRole('behandelaar');
  // The monitor's view of the case carries the pending decision and the decision records too: the page
  // never reads the whole case state (case data, variables), which it does not show.
  const [view, setView] = useState<CaseView | null>(null);
  const [definition, setDefinition] = useState<ProcessDefinition | null>(null);
  const [processTitles, setProcessTitles] = useState<Map<string, LocalizedText>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [decisionNotice, setDecisionNotice] = useState<string | null>(null);
  const [eventName, setEventName] = useState('');
  const [reason, setReason] = useState('');

  const load = useCallback(() => {
    monitor.caseView(caseId).then(
      (v) => {
        setView(v);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [caseId]);
  useEffect(load, [load]);
  const processId = view?.processId;
  const processVersion = view?.processVersion;
  useEffect(() => {
    if (!processId || processVersion === undefined) return;
    artifacts.version('definitions', processId, processVersion).then(
      (v) => setDefinition((v.content as ProcessDefinition | undefined) ?? null),
      () => setDefinition(null),
    );
  }, [processId, processVersion]);
  const hasChildren = (view?.children.length ?? 0) > 0;
  useEffect(() => {
    if (hasChildren)
      monitor.processes().then(
        (ps) => setProcessTitles(new Map(ps.map((p) => [p.processId, p.title]))),
        () => undefined,
      );
  }, [hasChildren]);
  // The besluit is drawn up right after the confirmation: look again until it is there.
  const lastConfirmed = [...(view?.decisionRecords ?? [])].reverse().find((d) => d.status === 'confirmed');
  const awaitingBesluit =
    !!lastConfirmed &&
    !lastConfirmed.besluit &&
    Date.now() - Date.parse(lastConfirmed.confirmation?.at ?? lastConfirmed.at) < 60_000;
  useEffect(() => {
    if (!awaitingBesluit) return undefined;
    const timer = setTimeout(load, 1500);
    return () => clearTimeout(timer);
  }, [awaitingBesluit, view, load]);
  const connected = useLive([caseId], (msg) => {
    if (msg.cases.some((c) => c.caseId === caseId)) load();
  });

  const graph = view?.graph;
  const l = useMemo(
    () => caseLabels(definition, graph ?? { start: '', nodes: [], edges: [] }, lang),
    [definition, graph, lang],
  );

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await fn();
      setNotice(done);
      load();
    } catch (e) {
      setNotice(e instanceof ApiProblem ? `${e.message}${e.path ? ` (${e.path})` : ''}` : String(e));
    }
  };
  const cancel = (e: FormEvent) => {
    e.preventDefault();
    void act(() => cases.cancel(caseId, reason), t('case.cancelled')).then(() => setReason(''));
  };

  if (error)
    return (
      <section>
        <p className="error" role="alert">
          {t('case.loadFailed', { message: error })}
        </p>
        <Link to="..">{t('case.back')}</Link>
      </section>
    );
  if (!view) return <p>{t('loading')}</p>;
  const stepLabel = (id: string | null) => l.step(id);
  const selected = view.expectedEvents.find((e) => e.name === eventName) ?? view.expectedEvents[0];
  // "Herinnering: Herinnering: voorstel bevestigen" reads twice: the kind only where the label does not say it.
  const deadlineName = (kind: string, label: string) => {
    const prefix = t(`case.deadlineKind.${kind}`);
    return label.toLowerCase().startsWith(prefix.toLowerCase()) ? label : `${prefix}: ${label}`;
  };
  const pending =
    view.status === 'running' && view.pendingDecision && view.pendingDecision.nodeId === view.currentStep
      ? view.pendingDecision
      : undefined;
  const pendingRecord = pending
    ? [...view.decisionRecords].reverse().find((d) => d.nodeId === pending.nodeId)
    : undefined;
  const decisionDone = (message: string) => {
    setDecisionNotice(message || null);
    load();
  };

  return (
    <section aria-labelledby="case-title" className="monitor-case">
      <p className="breadcrumb">
        <Link to=".." relative="path">
          {t('case.back')}
        </Link>
      </p>
      <div className="monitor-titlebar">
        <h1 id="case-title" className="utrecht-heading-1">
          {view.caseRef}
        </h1>
        <LiveStatus connected={connected} />
      </div>
      <dl className="monitor-facts" data-testid="case-facts">
        <dt>{t('case.process')}</dt>
        <dd>
          {pick(view.processTitle)} ({t('case.version', { v: view.processVersion })})
        </dd>
        <dt>{t('case.step')}</dt>
        <dd data-testid="current-step">{stepLabel(view.currentStep)}</dd>
        <dt>{t('case.status')}</dt>
        <dd data-testid="case-status">
          {t(`status.${view.status}`, { defaultValue: view.status })}
          {view.caseStatus ? ` — ${view.caseStatus}` : ''}
        </dd>
        {view.outcome && (
          <>
            <dt>{t('case.outcome')}</dt>
            <dd data-testid="case-outcome">{l.outcome(view.outcome)}</dd>
          </>
        )}
        {Object.entries(view.dates).map(([k, v]) => (
          <Fragment key={k}>
            <dt>{l.date(k)}</dt>
            <dd>{formatDate(v)}</dd>
          </Fragment>
        ))}
        {view.parentCaseId && (
          <>
            <dt>{t('case.parent')}</dt>
            <dd>
              <Link to={`../${encodeURIComponent(view.parentCaseId)}`} relative="path">
                {view.parentCaseId}
              </Link>
            </dd>
          </>
        )}
      </dl>

      {decisionNotice && (
        <p className="utrecht-paragraph monitor-notice" role="status" data-testid="decision-notice">
          {decisionNotice}
        </p>
      )}
      {pending && (
        <DecisionPanel
          caseId={caseId}
          pending={pending}
          record={pendingRecord}
          labels={l}
          canDecide={isBehandelaar}
          canSupplyFacts={view.canAct}
          onDone={decisionDone}
        />
      )}

      <CaseGraph view={view} />

      <div className="monitor-grid">
        <div className="monitor-card">
          <h2 className="utrecht-heading-2">{t('case.actions')}</h2>
          {notice && (
            <p className="utrecht-paragraph monitor-notice" role="status">
              {notice}
            </p>
          )}
          {view.status !== 'running' ? (
            <p className="utrecht-paragraph">{t('case.closed')}</p>
          ) : !view.canAct ? (
            <p className="utrecht-paragraph" data-testid="no-actions">
              {t('case.noActions')}
            </p>
          ) : (
            <>
              {selected && (
                <>
                  <h3 className="utrecht-heading-3">{t('case.sendEvent')}</h3>
                  <div className="utrecht-form-field">
                    <label className="utrecht-form-label" htmlFor="event-name">
                      {t('case.event')}
                    </label>
                    <select
                      id="event-name"
                      className="utrecht-select"
                      value={selected.name}
                      onChange={(e) => setEventName(e.target.value)}
                    >
                      {view.expectedEvents.map((e) => (
                        <option key={e.name} value={e.name}>
                          {pick(e.label)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <EventForm
                    key={selected.name}
                    name={selected.name}
                    idPrefix={`ev-${selected.name}`}
                    schema={selected.payloadSchema}
                    onSubmit={(payload) => act(() => cases.sendEvent(caseId, selected.name, payload), t('case.sent'))}
                  />
                </>
              )}
              <h3 className="utrecht-heading-3">{t('case.cancel')}</h3>
              <form onSubmit={cancel} className="stack">
                <div className="utrecht-form-field">
                  <label className="utrecht-form-label" htmlFor="cancel-reason">
                    {t('case.reason')}
                  </label>
                  <textarea
                    id="cancel-reason"
                    className="utrecht-textarea"
                    required
                    minLength={3}
                    maxLength={2000}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                </div>
                <div>
                  <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                    {t('case.confirmCancel')}
                  </button>
                </div>
              </form>
            </>
          )}
          <h2 className="utrecht-heading-2">{t('case.deadlines')}</h2>
          <table className="utrecht-table monitor-compact">
            <thead>
              <tr>
                <th scope="col">{t('case.deadlines')}</th>
                <th scope="col">{t('list.col.nextDeadline')}</th>
                <th scope="col">{t('list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.deadlines.map((d) => (
                <tr
                  key={`${d.nodeId}-${d.id}`}
                  className={d.status === 'pending' && Date.parse(d.at) < Date.now() ? 'monitor-overdue' : undefined}
                >
                  <th scope="row">{deadlineName(d.kind, d.label)}</th>
                  <td>{formatTerm(definition, view.dates, d, lang)}</td>
                  <td>{t(`case.deadlineStatus.${d.status}`, { defaultValue: d.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.children.length > 0 && (
            <>
              <h2 className="utrecht-heading-2">{t('case.children')}</h2>
              <ul className="monitor-list">
                {view.children.map((c) => (
                  <li key={c.caseId}>
                    <Link to={`../${encodeURIComponent(c.caseId)}`} relative="path">
                      {pick(processTitles.get(c.processId), c.processId)}
                    </Link>{' '}
                    — {t(`status.${c.status}`, { defaultValue: c.status })}
                    {c.outcome ? `, ${l.outcome(c.outcome, null)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>

        <div className="monitor-card">
          <h2 className="utrecht-heading-2">{t('case.timeline')}</h2>
          <ol className="monitor-timeline" data-testid="timeline">
            {view.history.map((h, i) => (
              <li key={i} className={`monitor-timeline-${h.type}`}>
                <time dateTime={h.at}>{formatEntryTime(h, definition, view.dates, view.deadlines, lang)}</time>{' '}
                {describeEntry(h, l, definition)}
              </li>
            ))}
          </ol>
          <DecisionHistory
            caseId={caseId}
            decisions={view.decisionRecords.filter((d) => d !== pendingRecord)}
            labels={l}
          />
        </div>
      </div>
    </section>
  );
}
