import { ApplicationFailure } from '@temporalio/workflow';
import type { CaseEvent, PendingDecision } from '../case-state';
import { decisionFacts } from '../dsl/declarations';
import type { DecisionNode, ProcessDefinition } from '../dsl/schema';
import { CONFIRM_EVENT, SUPPLY_FACTS_EVENT } from './decision-events';

const MAX_REASON = 4000;
/** A deviation must say why (Awb 3:46): a few words at least, not a placeholder. */
const MIN_REASON = 10;
const MAX_FACTS = 50;

const refuse = (type: string, message: string, details?: Record<string, unknown>) =>
  ApplicationFailure.create({ type, message, nonRetryable: true, ...(details ? { details: [details] } : {}) });

function isPlainValue(v: unknown): boolean {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v))
    return typeof v !== 'number' || Number.isFinite(v);
  return (
    Array.isArray(v) &&
    v.length <= 100 &&
    v.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))
  );
}

/**
 * Why a person's input to a waiting decision step cannot be accepted, or undefined. The types of
 * supplied facts are checked against the catalog by the server before sending and again by the
 * decision activity; here only what the workflow itself can know.
 */
export function checkDecisionInput(
  def: ProcessDefinition,
  node: DecisionNode,
  pending: PendingDecision,
  event: CaseEvent,
): ApplicationFailure | undefined {
  if (event.name !== pending.event) {
    const expected =
      pending.phase === 'facts'
        ? SUPPLY_FACTS_EVENT
        : 'a confirmation (POST /cases/{caseId}/decisions/{nodeId}/confirm)';
    return refuse(
      'EVENT_NOT_EXPECTED',
      `Event "${event.name}" is not expected: decision "${node.id}" waits for ${expected}.`,
      { step: node.id, expected: pending.phase === 'facts' ? [SUPPLY_FACTS_EVENT] : [] },
    );
  }
  const payload = event.payload ?? {};
  if (pending.phase === 'facts') {
    const facts = payload.facts;
    if (typeof facts !== 'object' || facts === null || Array.isArray(facts) || Object.keys(facts).length === 0) {
      return refuse(
        'INVALID_PAYLOAD',
        'Payload of "gegevens-aanvullen" needs "facts": an object with at least one fact.',
        { issues: [{ path: '/payload/facts', message: 'required object' }] },
      );
    }
    const entries = Object.entries(facts as Record<string, unknown>);
    if (entries.length > MAX_FACTS)
      return refuse('INVALID_PAYLOAD', `At most ${MAX_FACTS} facts at once.`, {
        issues: [{ path: '/payload/facts', message: 'too many' }],
      });
    const allowed = new Set([...(pending.missingFacts ?? []), ...Object.keys(decisionFacts(def, node))]);
    for (const [name, value] of entries) {
      if (!allowed.has(name))
        return refuse('FACT_NOT_EXPECTED', `Fact "${name}" is not used by decision "${node.id}".`, {
          issues: [{ path: `/payload/facts/${name}`, message: 'not expected' }],
        });
      if (!isPlainValue(value))
        return refuse('INVALID_PAYLOAD', `Fact "${name}" must be a text, number, yes/no or a list.`, {
          issues: [{ path: `/payload/facts/${name}`, message: 'invalid value' }],
        });
    }
    return undefined;
  }
  if (event.name !== CONFIRM_EVENT) return refuse('EVENT_NOT_EXPECTED', 'Only a confirmation is expected.');
  if (payload.nodeId !== node.id) {
    return refuse(
      'DECISION_NOT_PENDING',
      `Decision step "${String(payload.nodeId)}" is not waiting for confirmation; "${node.id}" is.`,
      { step: node.id },
    );
  }
  const by = payload.by as Record<string, unknown> | undefined;
  if (!by || typeof by.userId !== 'string' || typeof by.username !== 'string')
    return refuse('CONFIRMED_BY_MISSING', 'A confirmation names the person who takes the decision.');
  const branch = payload.branch === undefined ? null : payload.branch;
  const option = pending.options?.find((o) => o.branch === branch);
  if (!option) {
    const choices = (pending.options ?? []).map((o) => o.branch ?? '(standaard)').join(', ');
    return refuse(
      'BRANCH_UNKNOWN',
      `Decision "${node.id}" has no branch ${JSON.stringify(branch)}; choose one of: ${choices}.`,
      { choices: pending.options?.map((o) => o.branch) },
    );
  }
  const reason = typeof payload.reason === 'string' ? payload.reason.trim() : '';
  if (reason.length > MAX_REASON)
    return refuse('REASON_TOO_LONG', `The reason may be at most ${MAX_REASON} characters.`);
  if (branch !== (pending.proposal?.branch ?? null) && reason.length < MIN_REASON) {
    return refuse(
      'REASON_REQUIRED',
      `Deviating from the proposal needs a reason of at least ${MIN_REASON} characters (Awb 3:46).`,
    );
  }
  return undefined;
}
