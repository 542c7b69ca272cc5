import { besluitUrl, type DecisionRecordView } from '../api/cases';
import type { CaseLabels } from './case-labels';
import { DecisionGrounds } from './decision-summary';
import { useMonitorT } from './use-monitor-t';
import { formatDateTime } from '../shell/format';

/**
 * Every decision the case recorded, newest first: status, proposal and decision in words, who
 * took it and when, whether and why it deviated, and the besluit to download. The reasons fold
 * open, so a long history stays readable.
 */
export function DecisionHistory({
  caseId,
  decisions,
  labels,
}: {
  caseId: string;
  decisions: DecisionRecordView[];
  labels: CaseLabels;
}) {
  const { t } = useMonitorT();
  if (decisions.length === 0) return null;
  const recent = (iso: string) => Date.now() - Date.parse(iso) < 120_000;
  return (
    <section aria-labelledby="decisions-title" data-testid="decision-history">
      <h2 id="decisions-title" className="utrecht-heading-2">
        {t('decision.history')}
      </h2>
      {[...decisions].reverse().map((d, i) => {
        const status = d.status ?? 'legacy';
        const proposal = d.proposal ?? (d.status === 'incomplete' ? undefined : { branch: d.branch, next: d.next });
        const c = d.confirmation;
        return (
          <article
            key={`${d.nodeId}-${d.at}-${i}`}
            className={`monitor-decision monitor-decision--${status}`}
            data-testid="decision-record"
            data-status={status}
          >
            <h3 className="utrecht-heading-3">{labels.step(d.nodeId)}</h3>
            <p className="utrecht-paragraph">
              <strong>{t(`decision.status.${status}`)}</strong> · {formatDateTime(d.at)}
            </p>
            <dl className="monitor-facts monitor-facts--small">
              {proposal && (
                <>
                  <dt>{t('decision.proposed')}</dt>
                  <dd>{labels.branch(d.nodeId, proposal.branch, proposal.next)}</dd>
                </>
              )}
              {c && (
                <>
                  <dt>{t('decision.decided')}</dt>
                  <dd data-testid="decision-outcome">
                    {labels.branch(d.nodeId, c.branch, c.next)} —{' '}
                    {c.deviated ? t('decision.deviated') : t('decision.followed')}
                  </dd>
                  <dt>{t('decision.byLabel')}</dt>
                  <dd data-testid="decision-by">
                    {t('decision.by', { name: c.by.displayName ?? c.by.username, at: formatDateTime(c.at) })}
                  </dd>
                  {c.reason && (
                    <>
                      <dt>{c.deviated ? t('decision.deviationReason') : t('decision.note')}</dt>
                      <dd data-testid="decision-reason">{c.reason}</dd>
                    </>
                  )}
                </>
              )}
              {d.status === 'incomplete' && d.missingFacts && d.missingFacts.length > 0 && (
                <>
                  <dt>{t('decision.missing')}</dt>
                  <dd>{d.missingFacts.map((f) => labels.fact(d.ruleSetKind, f)).join(', ')}</dd>
                </>
              )}
            </dl>
            {d.besluit ? (
              <p className="utrecht-paragraph">
                <a
                  className="utrecht-link monitor-download"
                  href={besluitUrl(caseId, d.besluit.id)}
                  download
                  data-testid="besluit-link"
                >
                  {t('decision.download')}
                </a>
              </p>
            ) : (
              status === 'confirmed' &&
              recent(c?.at ?? d.at) && <p className="utrecht-paragraph monitor-muted">{t('decision.besluitPending')}</p>
            )}
            {d.status !== 'incomplete' && (
              <details className="monitor-details">
                <summary>{t('decision.showReasons')}</summary>
                <DecisionGrounds record={d} labels={labels} headingLevel={4} />
              </details>
            )}
          </article>
        );
      })}
    </section>
  );
}
