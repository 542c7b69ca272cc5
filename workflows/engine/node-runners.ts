import type { NodeKind, NodeOfKind } from '../dsl/schema';
import { resolveParams } from '../dsl/references';
import { actions } from './actions';
import { caseEventsOn, emitCaseEvent } from './case-events';
import { acts } from './activity-proxies';
import type { CaseRun } from './case-run';
import { runCheck } from './run-check';
import { runDecision } from './run-decision';
import { runSubprocess } from './run-subprocess';
import { runWait } from './run-wait';

/** The next node's id, or null when the case has ended. */
type NodeRunner<K extends NodeKind> = (node: NodeOfKind<K>, run: CaseRun) => Promise<string | null>;

/** How each node kind runs: the mapped type makes a forgotten kind a compile error. */
export const nodeRunners: { [K in NodeKind]: NodeRunner<K> } = {
  async task(node, run) {
    const params = resolveParams(node.params, run.scope());
    const detail = await actions[node.action](node, params, {
      state: run.state,
      scope: run.scope(),
      now: run.now(),
      acts: {
        notify: acts.notify,
        recordPlacement: acts.recordPlacement,
        resolveDefinition: run.lookups.resolveDefinition,
      },
      // A linked case of the same municipality starts knowing its subscriptions (start patch 3), as a subprocess does.
      ...(run.fewerTasks && run.input.caseEvents ? { caseEvents: run.input.caseEvents } : {}),
    });
    run.record({ type: 'task', nodeId: node.id, detail });
    // New dates may start case deadlines: wake their watcher (only this action, so other tasks replay as recorded).
    if (node.action === 'set-dates') run.touch();
    return node.next;
  },
  async wait(node, run) {
    run.state.expectedEvents = node.events.map((e) => e.name);
    run.inbox.answerPending(run.state);
    return runWait(node, run);
  },
  decision: (node, run) => runDecision(node, run),
  check: async (node, run) => Promise.resolve(runCheck(node, run)),
  async subprocess(node, run) {
    // The case now waits on its child, possibly for months: answer the event that brought it here,
    // and refuse events queued on the way (they belong to the child case now).
    run.inbox.answerPending(run.state);
    run.inbox.rejectRemaining('The case waits on a subprocess; send events to the subprocess case (see children).');
    return runSubprocess(node, run);
  },
  async end(node, run) {
    const { state } = run;
    state.outcome = node.outcome;
    state.status = 'completed';
    state.currentStep = node.id;
    for (const d of state.deadlines) if (d.kind === 'case' && d.status === 'pending') d.status = 'cancelled';
    run.record({ type: 'completed', nodeId: node.id, detail: node.outcome });
    run.publish();
    if (caseEventsOn(run.state)) await emitCaseEvent(run, 'case.completed', { outcome: node.outcome });
    run.inbox.answerPending(state);
    run.touch();
    return null;
  },
};
