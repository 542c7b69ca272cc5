import { ApplicationFailure } from '@temporalio/workflow';
import type { DecisionNode } from '../dsl/schema';
import { decisionFacts } from '../dsl/declarations';
import { readSource } from '../dsl/references';
import { acts } from './activity-proxies';
import type { CaseRun } from './case-run';

/**
 * How decisions ran before confirmation existed (cases recorded before the patch in run-decision.ts
 * replay through here): asks the municipality's rule set (an activity: rule sets live in storage, and the answer is
 * then recorded in history, so replay never re-evaluates) and follows the first branch whose
 * event fired, else `otherwise`. The decision record is what an objection re-checks.
 */
export async function applyDecisionAtOnce(node: DecisionNode, run: CaseRun): Promise<string> {
  const { state } = run;
  const scope = run.scope();
  const peildatum = state.dates[node.peildatum]?.slice(0, 10);
  if (!peildatum) {
    throw ApplicationFailure.nonRetryable(
      `Decision "${node.id}": case date "${node.peildatum}" (peildatum) is not set`,
      'PEILDATUM_MISSING',
    );
  }
  const facts: Record<string, unknown> = {};
  for (const [fact, src] of Object.entries(decisionFacts(run.definition, node))) {
    const value = readSource(src, scope);
    if (value !== undefined) facts[fact] = value;
  }
  const outcome = await acts.evaluateDecision({
    tenant: state.tenant,
    caseId: state.caseId,
    nodeId: node.id,
    kind: node.ruleSetKind,
    peildatum,
    facts,
  });
  const fired = new Set(outcome.events.map((e) => e.type));
  const branch = node.branches.find((b) => fired.has(b.event));
  const next = branch?.next ?? node.otherwise;
  if (next === undefined) {
    throw ApplicationFailure.nonRetryable(
      `Decision "${node.id}": no branch for events [${[...fired].join(', ')}] and no default`,
      'DECISION_UNCOVERED',
    );
  }
  state.decisions.push({
    nodeId: node.id,
    at: run.now().toISOString(),
    ruleSetKind: node.ruleSetKind,
    ruleSetId: outcome.ruleSetId,
    ruleSetVersion: outcome.ruleSetVersion,
    peildatum,
    facts,
    events: outcome.events,
    explanation: outcome.explanation,
    branch: branch?.event ?? null,
    next,
  });
  run.record({
    type: 'decision',
    nodeId: node.id,
    event: branch?.event,
    detail: `${outcome.ruleSetId} v${outcome.ruleSetVersion} op ${peildatum}: ${branch ? branch.event : 'standaard'}`,
  });
  return next;
}
