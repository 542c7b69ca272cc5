import { condition } from '@temporalio/workflow';
import type { Deadline, PendingDecision } from '../case-state';
import { addDuration } from '../dsl/duration';
import type { DecisionNode } from '../dsl/schema';
import { acts } from './activity-proxies';
import { caseEventsOn, emitCaseEvent } from './case-events';
import { CONFIRM_EVENT, SUPPLY_FACTS_EVENT } from './decision-events';

export { CONFIRM_EVENT, SUPPLY_FACTS_EVENT } from './decision-events';
import type { CaseRun } from './case-run';

const DEFAULT_CONFIRM_WITHIN = 'P14D';
const DEFAULT_CONFIRM_REMINDERS = ['P7D'];

/** The confirmation's reminders and term, counted from the proposal. */
function confirmationDeadlines(node: DecisionNode, from: Date): Deadline[] {
  const reminders = (node.confirmReminders ?? DEFAULT_CONFIRM_REMINDERS).map((after, i): Deadline => ({
    id: `${node.id}:bevestigen-herinnering-${i + 1}`,
    kind: 'reminder',
    nodeId: node.id,
    label: 'Herinnering: voorstel voor het besluit bevestigen',
    at: addDuration(from, after).toISOString(),
    status: 'pending',
  }));
  const term: Deadline = {
    id: `${node.id}:bevestigen-termijn`,
    kind: 'timeout',
    nodeId: node.id,
    label: 'Termijn voor het bevestigen van het voorstel',
    at: addDuration(from, node.confirmWithin ?? DEFAULT_CONFIRM_WITHIN).toISOString(),
    status: 'pending',
  };
  return [...reminders, term].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Waits in a decision step for a person: missing facts (phase `facts`) or the confirmation of a
 * proposal (phase `confirmation`, with reminders and a term that, once passed, is recorded as missed
 * and escalated — the case keeps waiting, because only a person may decide). Returns the accepted
 * event's payload; the update validator and `CaseRun.checkEvent` have checked it.
 */
export async function awaitDecisionInput(
  node: DecisionNode,
  run: CaseRun,
  pending: Omit<PendingDecision, 'nodeId' | 'event' | 'since'>,
): Promise<Record<string, unknown>> {
  const { state, inbox } = run;
  const mine = (d: Deadline): boolean => d.nodeId === node.id && d.kind !== 'case';
  const event = pending.phase === 'facts' ? SUPPLY_FACTS_EVENT : CONFIRM_EVENT;
  state.pendingDecision = { nodeId: node.id, event, since: run.now().toISOString(), ...pending };
  state.expectedEvents = pending.phase === 'facts' ? [SUPPLY_FACTS_EVENT] : [];
  if (pending.phase === 'confirmation') {
    state.deadlines = state.deadlines
      .filter((d) => !(mine(d) && d.status === 'pending'))
      .concat(confirmationDeadlines(node, run.now()));
  }
  inbox.answerPending(state);
  run.publish();
  run.touch();
  for (;;) {
    const due = state.deadlines.find((d) => mine(d) && d.status === 'pending');
    const waitMs = due ? new Date(due.at).getTime() - Date.now() : undefined;
    if (waitMs === undefined) await condition(() => inbox.items.length > 0);
    else if (waitMs > 0) await condition(() => inbox.items.length > 0, waitMs);

    const item = inbox.items.shift();
    if (item) {
      const problem = run.checkEvent(item.event);
      if (problem) {
        run.record({
          type: 'event-rejected',
          nodeId: node.id,
          event: item.event.name,
          detail: problem.type ?? undefined,
        });
        inbox.reject(item.seq, problem);
        continue;
      }
      for (const d of state.deadlines) if (mine(d) && d.status === 'pending') d.status = 'cancelled';
      state.pendingDecision = undefined;
      state.expectedEvents = [];
      inbox.accept(item.seq, item.event.name);
      run.touch();
      return item.event.payload;
    }
    if (!due || new Date(due.at).getTime() > Date.now()) continue;
    const missed = due.kind === 'timeout';
    due.status = missed ? 'missed' : 'done';
    run.record({ type: missed ? 'deadline-missed' : 'reminder', nodeId: node.id, detail: due.label });
    await acts.notify({
      tenant: state.tenant,
      caseId: state.caseId,
      processId: state.processId,
      nodeId: node.id,
      kind: missed ? 'deadline-missed' : 'reminder',
      template: missed ? 'besluit-bevestigen-termijn-verstreken' : 'besluit-bevestigen-herinnering',
      params: { deadline: due.at },
    });
    run.publish();
    run.touch();
    if (caseEventsOn(run.state))
      await emitCaseEvent(run, missed ? 'case.deadline-passed' : 'case.deadline-approaching', {
        deadline: { id: due.id, at: due.at },
      });
  }
}
