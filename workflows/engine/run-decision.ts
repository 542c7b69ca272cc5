import { ApplicationFailure, patched } from '@temporalio/workflow';
import type { DecisionActor, DecisionRecord } from '../case-state';
import { decisionFacts } from '../dsl/declarations';
import { readSource } from '../dsl/references';
import type { DecisionNode } from '../dsl/schema';
import { acts } from './activity-proxies';
import { applyDecisionAtOnce } from './apply-decision-at-once';
import { caseEventsOn, emitCaseEvent } from './case-events';
import type { CaseRun } from './case-run';
import { awaitDecisionInput } from './decision-input';
import { patchesAtStart } from './patches-at-start';

/** Cases recorded before proposals and confirmation existed replay the old decision path. */
export const DECISION_CONFIRMATION_PATCH = 'doorstroom-decision-confirmation';

/**
 * The facts of a decision: mapped from the case, then the facts a person supplied in this step
 * (gegevens aanvullen), which win: they complete an unknown fact or correct one of the wrong type.
 */
function gatherFacts(node: DecisionNode, run: CaseRun): Record<string, unknown> {
  const scope = run.scope();
  const facts: Record<string, unknown> = {};
  for (const [fact, src] of Object.entries(decisionFacts(run.definition, node))) {
    const value = readSource(src, scope);
    if (value !== undefined) facts[fact] = value;
  }
  return { ...facts, ...(run.state.suppliedFacts?.[node.id] ?? {}) };
}

/** The branches a case handler may choose: every branch, and the default (null) when there is one. */
function branchOptions(node: DecisionNode): Array<{ branch: string | null; next: string }> {
  const options: Array<{ branch: string | null; next: string }> = node.branches.map((b) => ({
    branch: b.event,
    next: b.next,
  }));
  if (node.otherwise !== undefined) options.push({ branch: null, next: node.otherwise });
  return options;
}

/**
 * A decision step: the municipality's rule set (an activity, local in cases with start patch 3:
 * rule sets live in storage, and the answer is then in history, so replay never re-evaluates)
 * proposes; a person decides.
 * - Unknown needed facts make the outcome `onvolledig`: the step waits for them (gegevens
 *   aanvullen) and evaluates again — an unknown fact is never a "no".
 * - With confirmation `required` (the default) the proposal waits for a case handler, who confirms
 *   it or chooses another branch with a reason; the besluit is then rendered from the record.
 * - With `none` (procedural routing only, see the validator) the outcome applies at once.
 */
export async function runDecision(node: DecisionNode, run: CaseRun): Promise<string> {
  if (!(patchesAtStart(run.state) || patched(DECISION_CONFIRMATION_PATCH))) return applyDecisionAtOnce(node, run);
  const { state } = run;
  const startedOrSet = state.dates[node.peildatum];
  const peildatum = startedOrSet === undefined ? undefined : run.calendarDay(startedOrSet);
  if (!peildatum) {
    throw ApplicationFailure.nonRetryable(
      `Decision "${node.id}": case date "${node.peildatum}" (peildatum) is not set`,
      'PEILDATUM_MISSING',
    );
  }
  for (;;) {
    const facts = gatherFacts(node, run);
    const outcome = await run.lookups.evaluateDecision({
      tenant: state.tenant,
      caseId: state.caseId,
      nodeId: node.id,
      kind: node.ruleSetKind,
      peildatum,
      facts,
    });
    const base = {
      nodeId: node.id,
      at: run.now().toISOString(),
      ruleSetKind: node.ruleSetKind,
      ruleSetId: outcome.ruleSetId,
      ruleSetVersion: outcome.ruleSetVersion,
      peildatum,
      facts,
      events: outcome.events,
      explanation: outcome.explanation,
    };
    if (outcome.status === 'incomplete') {
      const missingFacts = outcome.missingFacts ?? [];
      state.decisions.push({ ...base, branch: null, next: '', status: 'incomplete', missingFacts });
      run.record({ type: 'decision', nodeId: node.id, detail: `onvolledig: ${missingFacts.join(', ')}` });
      if (caseEventsOn(run.state)) await emitCaseEvent(run, 'decision.incomplete', { decision: { nodeId: node.id } });
      const payload = await awaitDecisionInput(node, run, { phase: 'facts', missingFacts });
      state.suppliedFacts = {
        ...(state.suppliedFacts ?? {}),
        [node.id]: { ...(state.suppliedFacts?.[node.id] ?? {}), ...(payload.facts as Record<string, unknown>) },
      };
      run.record({
        type: 'event-accepted',
        nodeId: node.id,
        event: 'gegevens-aanvullen',
        detail: Object.keys(payload.facts as object).join(', '),
      });
      continue;
    }
    const fired = new Set(outcome.events.map((e) => e.type));
    const proposed = node.branches.find((b) => fired.has(b.event));
    const next = proposed?.next ?? node.otherwise;
    if (next === undefined) {
      throw ApplicationFailure.nonRetryable(
        `Decision "${node.id}": no branch for events [${[...fired].join(', ')}] and no default`,
        'DECISION_UNCOVERED',
      );
    }
    const proposal = { branch: proposed?.event ?? null, next };
    const record: DecisionRecord = {
      ...base,
      ...proposal,
      proposal,
      status: node.confirmation === 'none' ? 'automatic' : 'proposed',
    };
    state.decisions.push(record);
    const summary = `${outcome.ruleSetId} v${outcome.ruleSetVersion} op ${peildatum}: ${proposal.branch ?? 'standaard'}`;
    if (node.confirmation === 'none') {
      run.record({ type: 'decision', nodeId: node.id, event: proposal.branch ?? undefined, detail: summary });
      return next;
    }
    run.record({
      type: 'decision',
      nodeId: node.id,
      event: proposal.branch ?? undefined,
      detail: `voorstel ${summary}`,
    });
    if (caseEventsOn(run.state))
      await emitCaseEvent(run, 'decision.proposed', { decision: { nodeId: node.id, branch: proposal.branch } });
    const options = branchOptions(node);
    const input = await awaitDecisionInput(node, run, { phase: 'confirmation', proposal, options });
    const chosen = options.find((o) => o.branch === (input.branch ?? null)) ?? proposal;
    const deviated = chosen.branch !== proposal.branch;
    record.branch = chosen.branch;
    record.next = chosen.next;
    record.status = 'confirmed';
    record.confirmation = {
      by: input.by as DecisionActor,
      at: run.now().toISOString(),
      branch: chosen.branch,
      next: chosen.next,
      deviated,
      ...(typeof input.reason === 'string' && input.reason.trim() !== '' ? { reason: input.reason.trim() } : {}),
    };
    run.record({
      type: 'decision',
      nodeId: node.id,
      event: chosen.branch ?? undefined,
      detail: deviated ? 'afgeweken van het voorstel' : 'voorstel bevestigd',
    });
    if (caseEventsOn(run.state))
      await emitCaseEvent(run, 'decision.confirmed', {
        decision: { nodeId: node.id, branch: chosen.branch, deviated },
      });
    const besluit = await acts.issueBesluit({
      tenant: state.tenant,
      caseId: state.caseId,
      caseRef: state.caseRef,
      processId: state.processId,
      decision: record,
    });
    if (besluit) {
      record.besluit = besluit;
      run.record({ type: 'task', nodeId: node.id, detail: 'besluit opgesteld' });
      if (caseEventsOn(run.state))
        await emitCaseEvent(run, 'besluit.created', {
          decision: { nodeId: node.id, branch: chosen.branch, besluitId: besluit.id },
        });
    }
    return chosen.next;
  }
}
