import { Fragment, useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiProblem } from '../api/http';
import { monitorApi, type CaseView } from './api';
import { CaseGraph } from './case-graph';
import { EventForm } from './event-form';
import { LiveStatus } from './live-status';
import { useLive } from './use-live';
import { useMonitorT } from './use-lang';

/** One case: graph, facts, deadlines, timeline with decisions, and — for supervisors — actions. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t, pick, dateTime, date } = useMonitorT();
  const [view, setView] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [eventName, setEventName] = useState('');
  const [reason, setReason] = useState('');

  const load = useCallback(() => {
    monitorApi.caseView(caseId).then((v) => { setView(v); setError(null); }, (e: Error) => setError(e.message));
  }, [caseId]);
  useEffect(load, [load]);
  const connected = useLive([caseId], (msg) => { if (msg.cases.some((c) => c.caseId === caseId)) load(); });

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
    void act(() => monitorApi.cancel(caseId, reason), t('case.cancelled')).then(() => setReason(''));
  };

  if (error) return <section><p className="error" role="alert">{t('case.loadFailed', { message: error })}</p><Link to="..">{t('case.back')}</Link></section>;
  if (!view) return <p>{t('loading')}</p>;
  const stepLabel = (id: string | null) => pick(view.graph.nodes.find((n) => n.id === id)?.label, id ?? '—');
  const selected = view.expectedEvents.find((e) => e.name === eventName) ?? view.expectedEvents[0];

  return (
    <section aria-labelledby="case-title" className="monitor-case">
      <p className="breadcrumb"><Link to=".." relative="path">{t('case.back')}</Link></p>
      <div className="monitor-titlebar">
        <h1 id="case-title" className="utrecht-heading-1">{view.caseRef}</h1>
        <LiveStatus connected={connected} />
      </div>
      <dl className="monitor-facts" data-testid="case-facts">
        <dt>{t('case.process')}</dt><dd>{pick(view.processTitle)} ({t('case.version', { v: view.processVersion })})</dd>
        <dt>{t('case.step')}</dt><dd data-testid="current-step">{stepLabel(view.currentStep)}</dd>
        <dt>{t('case.status')}</dt><dd data-testid="case-status">{t(`status.${view.status}`, { defaultValue: view.status })}{view.caseStatus ? ` — ${view.caseStatus}` : ''}</dd>
        {view.outcome && (<><dt>{t('case.outcome')}</dt><dd>{view.outcome}</dd></>)}
        {Object.entries(view.dates).map(([k, v]) => (<Fragment key={k}><dt>{k}</dt><dd>{date(v)}</dd></Fragment>))}
        {view.parentCaseId && (<><dt>{t('case.parent')}</dt><dd><Link to={`../${encodeURIComponent(view.parentCaseId)}`} relative="path">{view.parentCaseId}</Link></dd></>)}
      </dl>

      <CaseGraph view={view} />

      <div className="monitor-grid">
        <div className="monitor-card">
          <h2 className="utrecht-heading-2">{t('case.actions')}</h2>
          {notice && <p className="utrecht-paragraph monitor-notice" role="status">{notice}</p>}
          {view.status !== 'running' ? <p className="utrecht-paragraph">{t('case.closed')}</p> : !view.canAct ? <p className="utrecht-paragraph" data-testid="no-actions">{t('case.noActions')}</p> : (
            <>
              {selected && (
                <>
                  <h3 className="utrecht-heading-3">{t('case.sendEvent')}</h3>
                  <div className="utrecht-form-field">
                    <label className="utrecht-form-label" htmlFor="event-name">{t('case.event')}</label>
                    <select id="event-name" className="utrecht-select" value={selected.name} onChange={(e) => setEventName(e.target.value)}>
                      {view.expectedEvents.map((e) => <option key={e.name} value={e.name}>{pick(e.label)}</option>)}
                    </select>
                  </div>
                  <EventForm key={selected.name} name={selected.name} idPrefix={`ev-${selected.name}`} schema={selected.payloadSchema}
                    onSubmit={(payload) => act(() => monitorApi.sendEvent(caseId, selected.name, payload), t('case.sent'))} />
                </>
              )}
              <h3 className="utrecht-heading-3">{t('case.cancel')}</h3>
              <form onSubmit={cancel} className="stack">
                <div className="utrecht-form-field">
                  <label className="utrecht-form-label" htmlFor="cancel-reason">{t('case.reason')}</label>
                  <textarea id="cancel-reason" className="utrecht-textarea" required minLength={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
                </div>
                <div><button type="submit" className="utrecht-button utrecht-button--secondary-action">{t('case.confirmCancel')}</button></div>
              </form>
            </>
          )}
          <h2 className="utrecht-heading-2">{t('case.deadlines')}</h2>
          <table className="utrecht-table monitor-compact">
            <thead><tr><th scope="col">{t('case.deadlines')}</th><th scope="col">{t('list.col.nextDeadline')}</th><th scope="col">{t('list.status')}</th></tr></thead>
            <tbody>
              {view.deadlines.map((d) => (
                <tr key={`${d.nodeId}-${d.id}`} className={d.status === 'pending' && Date.parse(d.at) < Date.now() ? 'monitor-overdue' : undefined}>
                  <th scope="row">{t(`case.deadlineKind.${d.kind}`)}: {d.label}</th><td>{dateTime(d.at)}</td><td>{t(`case.deadlineStatus.${d.status}`, { defaultValue: d.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.children.length > 0 && (
            <>
              <h2 className="utrecht-heading-2">{t('case.children')}</h2>
              <ul className="monitor-list">{view.children.map((c) => <li key={c.caseId}><Link to={`../${encodeURIComponent(c.caseId)}`} relative="path">{c.processId}</Link> — {c.status}{c.outcome ? `, ${c.outcome}` : ''}</li>)}</ul>
            </>
          )}
        </div>

        <div className="monitor-card">
          <h2 className="utrecht-heading-2">{t('case.timeline')}</h2>
          <ol className="monitor-timeline" data-testid="timeline">
            {view.timeline.map((h, i) => (
              <li key={i} className={`monitor-timeline-${h.type}`}><time dateTime={h.at}>{dateTime(h.at)}</time> {pick(h.text)}</li>
            ))}
          </ol>
          {view.decisions.length > 0 && (
            <>
              <h2 className="utrecht-heading-2">{t('case.decisions')}</h2>
              {view.decisions.map((d, i) => (
                <article key={i} className="monitor-decision">
                  <h3 className="utrecht-heading-3">{stepLabel(d.nodeId)}</h3>
                  <p className="utrecht-paragraph">{t('case.ruleSet', { id: d.ruleSetId, v: d.ruleSetVersion, peildatum: d.peildatum })} · {t('case.branch', { branch: d.branch ?? '—' })}</p>
                  <pre className="monitor-explanation">{pick(d.explanation)}</pre>
                </article>
              ))}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
