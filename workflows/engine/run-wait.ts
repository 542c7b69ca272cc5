import { condition } from '@temporalio/workflow';
import type { WaitNode } from '../dsl/schema';
import { acts } from './activity-proxies';
import { caseEventsOn, emitCaseEvent } from './case-events';
import type { CaseRun } from './case-run';
import { maybeContinueAsNew } from './continue-as-new';
import { toIsoInstant, waitDeadlines } from './deadlines';

/**
 * Waits for an accepted event or the node's timeout, firing reminders on the way; returns the next
 * node id. `resumed`: the previous run already computed this step's deadlines (continue-as-new).
 */
/** The step's `complete.next` once every one of its dates is set; undefined before (or without `complete`). */
function completed(node: WaitNode, run: CaseRun): string | undefined {
  if (!node.complete || !node.complete.dates.every((d) => run.state.dates[d] !== undefined)) return undefined;
  run.record({ type: 'task', nodeId: node.id, detail: node.complete.label.nl });
  return node.complete.next;
}

export async function runWait(node: WaitNode, run: CaseRun, resumed = false): Promise<string> {
  const { state, inbox } = run;
  const done = completed(node, run);
  if (done !== undefined) return done;
  const own = (d: { kind: string }): boolean => d.kind !== 'case';
  state.expectedEvents = node.events.map((e) => e.name);
  if (!resumed) {
    // Re-entering a step (a loop) does not repeat reminders it already sent, nor keep its cancelled ones.
    const sent = new Set(state.deadlines.filter((d) => own(d) && d.status === 'done').map((d) => d.id));
    state.deadlines = state.deadlines
      .filter((d) => !own(d) || (d.status !== 'pending' && !(d.nodeId === node.id && d.status === 'cancelled')))
      .concat(waitDeadlines(node, run.scope()).filter((d) => !sent.has(d.id)));
  }
  run.publish();
  for (;;) {
    if (inbox.items.length === 0) await maybeContinueAsNew(run, node.id);
    const due = state.deadlines.find((d) => own(d) && d.status === 'pending');
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
      const spec = node.events.find((e) => e.name === item.event.name);
      if (!spec) continue; // checkEvent guarantees a spec; kept for the type checker.
      for (const [variable, prop] of Object.entries(spec.assign ?? {}))
        state.variables[variable] = item.event.payload[prop];
      for (const [date, prop] of Object.entries(spec.dates ?? {})) {
        state.dates[date] = toIsoInstant(prop === 'now' ? 'now' : item.event.payload[prop], run.now());
      }
      run.record({ type: 'event-accepted', nodeId: node.id, event: spec.name });
      for (const d of state.deadlines) if (own(d) && d.status === 'pending') d.status = 'cancelled';
      inbox.accept(item.seq, spec.name);
      run.touch();
      return completed(node, run) ?? spec.next;
    }
    if (!due || new Date(due.at).getTime() > Date.now()) continue;
    due.status = 'done';
    if (due.kind === 'timeout') {
      run.record({ type: 'timeout', nodeId: node.id, detail: due.label });
      for (const d of state.deadlines) if (own(d) && d.status === 'pending') d.status = 'cancelled';
      if (caseEventsOn(run.state))
        await emitCaseEvent(run, 'case.deadline-passed', { deadline: { id: due.id, at: due.at } });
      return node.timeout?.next as string;
    }
    const reminder = node.reminders?.find((r) => `${node.id}:${r.id}` === due.id);
    run.record({ type: 'reminder', nodeId: node.id, detail: due.label });
    await acts.notify({
      tenant: state.tenant,
      caseId: state.caseId,
      processId: state.processId,
      nodeId: node.id,
      kind: 'reminder',
      template: typeof reminder?.notify?.template === 'string' ? reminder.notify.template : due.id,
      params: { deadline: due.at },
    });
    run.publish();
    if (caseEventsOn(run.state))
      await emitCaseEvent(run, 'case.deadline-approaching', { deadline: { id: due.id, at: due.at } });
  }
}
