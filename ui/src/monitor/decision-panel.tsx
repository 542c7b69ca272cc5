import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/http';
import { cases, type DecisionChoice, type DecisionRecordView, type PendingDecisionView } from '../api/cases';
import { catalogOf, type CaseLabels } from './case-labels';
import { DecisionGrounds } from './decision-summary';
import { FactsForm } from './facts-form';
import { useMonitorT } from './use-monitor-t';
import { formatDateTime } from '../shell/format';

const MIN_REASON = 10;
const sameChoice = (a: DecisionChoice | undefined, branch: string | null) => (a?.branch ?? null) === branch;
const key = (branch: string | null) => branch ?? '__default__';

/** A coded API error in the user's words; the server's own message when we have none for its code. */
function useProblemText() {
  const { t } = useMonitorT();
  return (e: unknown): string => {
    if (e instanceof ApiProblem) {
      if (e.code === 'INVALID_FACTS') return e.message;
      return t(`decision.errors.${e.code}`, { defaultValue: t('decision.errors.other', { message: e.message }) });
    }
    return t('decision.errors.other', { message: String(e) });
  };
}

function ConfirmForm({
  caseId,
  pending,
  labels,
  onDone,
}: {
  caseId: string;
  pending: PendingDecisionView;
  labels: CaseLabels;
  onDone: (notice: string) => void;
}) {
  const { t } = useMonitorT();
  const problemText = useProblemText();
  const proposal = pending.proposal;
  const options = pending.options?.length ? pending.options : proposal ? [proposal] : [];
  const [choice, setChoice] = useState<string>(key(proposal?.branch ?? null));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = options.find((o) => key(o.branch) === choice) ?? proposal;
  const deviating = !!chosen && !sameChoice(proposal, chosen.branch);
  const outcome = (o: DecisionChoice) => labels.branch(pending.nodeId, o.branch, o.next);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setError(null);
    if (deviating && reason.trim().length < MIN_REASON) {
      setReasonError(t('decision.reasonTooShort'));
      document.getElementById('decision-reason')?.focus();
      return;
    }
    setReasonError(null);
    setBusy(true);
    try {
      await cases.confirmDecision(caseId, pending.nodeId, chosen.branch, reason.trim() || undefined);
      onDone(t(deviating ? 'decision.confirmedDeviated' : 'decision.confirmed', { outcome: outcome(chosen) }));
    } catch (err) {
      if (err instanceof ApiProblem && err.code === 'REASON_REQUIRED') setReasonError(problemText(err));
      else setError(problemText(err));
      if (err instanceof ApiProblem && err.code === 'DECISION_NOT_PENDING') onDone('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} data-testid="confirm-form" noValidate>
      {error && (
        <p className="monitor-error" role="alert">
          {error}
        </p>
      )}
      <fieldset className="utrecht-form-fieldset monitor-fieldset">
        <legend className="utrecht-form-label">{t('decision.chooseOutcome')}</legend>
        <div className="monitor-radios monitor-radios--column">
          {options.map((o) => (
            <label key={key(o.branch)} className="monitor-check-label">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                name="decision-choice"
                value={key(o.branch)}
                checked={choice === key(o.branch)}
                onChange={() => setChoice(key(o.branch))}
              />
              {outcome(o)}
              {sameChoice(proposal, o.branch) ? ` ${t('decision.isProposal')}` : ''}
            </label>
          ))}
        </div>
      </fieldset>
      <div className={`utrecht-form-field${reasonError ? ' utrecht-form-field--invalid' : ''}`}>
        <label className="utrecht-form-label" htmlFor="decision-reason">
          {deviating ? t('decision.reason') : t('decision.remark')}
        </label>
        <p className="utrecht-form-field-description" id="decision-reason-help">
          {t('decision.reasonHelp')}
        </p>
        {reasonError && (
          <p className="utrecht-form-field-error-message monitor-field-error" id="decision-reason-error">
            {reasonError}
          </p>
        )}
        <textarea
          id="decision-reason"
          className="utrecht-textarea"
          rows={3}
          maxLength={4000}
          value={reason}
          required={deviating}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={`decision-reason-help${reasonError ? ' decision-reason-error' : ''}`}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {busy ? t('decision.busy') : deviating ? t('decision.deviate') : t('decision.confirm')}
        </button>
      </div>
    </form>
  );
}

function SupplyFacts({
  caseId,
  pending,
  record,
  labels,
  onDone,
}: {
  caseId: string;
  pending: PendingDecisionView;
  record: DecisionRecordView | undefined;
  labels: CaseLabels;
  onDone: (notice: string) => void;
}) {
  const { t } = useMonitorT();
  const problemText = useProblemText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (facts: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await cases.supplyFacts(caseId, pending.nodeId, facts);
      onDone(t('decision.factsSaved'));
    } catch (err) {
      const field = err instanceof ApiProblem ? /^\/body\/facts\/([^/]+)/.exec(err.path ?? '')?.[1] : undefined;
      if (field) setErrors({ [field]: problemText(err) });
      else setError(problemText(err));
      if (err instanceof ApiProblem && err.code === 'DECISION_NOT_PENDING') onDone('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error && (
        <p className="monitor-error" role="alert">
          {error}
        </p>
      )}
      <FactsForm
        missing={pending.missingFacts ?? []}
        catalog={catalogOf(record?.ruleSetKind)}
        lang={labels.lang}
        errors={errors}
        busy={busy}
        onSubmit={(f) => void submit(f)}
      />
    </>
  );
}

/**
 * The decision a case waits for. Phase `facts` (onvolledig): the missing facts, typed by the
 * catalog, for a case handler or supervisor to supply. Phase `confirmation`: the rules' proposal
 * with its reasons; a behandelaar confirms it or chooses another outcome with a reason (AVG art.
 * 22: a person decides; Awb 3:46: a deviation is motivated). Everyone else reads.
 */
export function DecisionPanel({
  caseId,
  pending,
  record,
  labels,
  canDecide,
  canSupplyFacts,
  onDone,
}: {
  caseId: string;
  pending: PendingDecisionView;
  record: DecisionRecordView | undefined;
  labels: CaseLabels;
  canDecide: boolean;
  canSupplyFacts: boolean;
  onDone: (notice: string) => void;
}) {
  const { t } = useMonitorT();
  const step = labels.step(pending.nodeId);
  if (pending.phase === 'facts') {
    const missing = (pending.missingFacts ?? []).map((f) => labels.fact(record?.ruleSetKind, f));
    return (
      <section
        className="monitor-card monitor-decision-panel"
        aria-labelledby="decision-title"
        data-testid="decision-panel"
        data-phase="facts"
      >
        <h2 id="decision-title" className="utrecht-heading-2">
          {t('decision.factsTitle')}
        </h2>
        <p className="utrecht-paragraph monitor-decision-step">{t('decision.title', { step })}</p>
        <p className="utrecht-paragraph">{t('decision.factsIntro')}</p>
        {canSupplyFacts ? (
          <SupplyFacts caseId={caseId} pending={pending} record={record} labels={labels} onDone={onDone} />
        ) : (
          <>
            <p className="utrecht-paragraph">
              {t('decision.missing')}: {missing.join(', ')}
            </p>
            <p className="utrecht-paragraph monitor-readonly" data-testid="decision-readonly">
              {t('decision.factsReadOnly')}
            </p>
          </>
        )}
      </section>
    );
  }
  const proposal = pending.proposal;
  return (
    <section
      className="monitor-card monitor-decision-panel"
      aria-labelledby="decision-title"
      data-testid="decision-panel"
      data-phase="confirmation"
    >
      <h2 id="decision-title" className="utrecht-heading-2">
        {t('decision.title', { step })}
      </h2>
      {proposal && (
        <p className="monitor-proposal" data-testid="proposal">
          {t('decision.proposal', { outcome: labels.branch(pending.nodeId, proposal.branch, proposal.next) })}
        </p>
      )}
      <p className="utrecht-paragraph monitor-muted">
        {t('decision.proposedAt', { at: formatDateTime(pending.since) })}
      </p>
      <div className="monitor-decision-columns">
        <div>{record && <DecisionGrounds record={record} labels={labels} />}</div>
        <div>
          <h3 className="utrecht-heading-3">{canDecide ? t('decision.yourDecision') : t('decision.whoDecides')}</h3>
          {canDecide ? (
            <ConfirmForm caseId={caseId} pending={pending} labels={labels} onDone={onDone} />
          ) : (
            <p className="utrecht-paragraph monitor-readonly" data-testid="decision-readonly">
              {t('decision.readOnly')}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
