import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from './activities';
import type { CaseEvent, CaseInput, CaseState, EventResult, HistoryEntry } from './case-state';
import { compileSchema, toIssues } from './dsl/ajv';
import type { ProcessNode, WaitNode } from './dsl/schema';
import { actions } from './engine/actions';
import { toIsoInstant, waitDeadlines } from './engine/deadlines';
import { caseStateQuery, sendEventUpdate } from './messages';
import { SA_CASE_REF, SA_NEXT_DEADLINE, SA_OUTCOME, SA_PROCESS, SA_STEP, SA_TENANT } from './search-attributes';

const { notify } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

interface Inbox {
  seq: number;
  event: CaseEvent;
}

/**
 * The one generic workflow: walks the process definition given in its input. Everything that
 * decides the path is in the definition snapshot, so a running case keeps its version and
 * replays deterministically; `Date.now()` is workflow time here.
 */
export async function processInterpreter(input: CaseInput): Promise<CaseState> {
  const { definition } = input;
  const nodes = new Map<string, ProcessNode>(definition.nodes.map((n) => [n.id, n]));
  const now = (): Date => new Date(Date.now());
  const state: CaseState = {
    caseId: workflowInfo().workflowId,
    tenant: input.tenant,
    caseRef: input.caseRef,
    processId: definition.id,
    processVersion: definition.version,
    status: 'running',
    currentStep: null,
    expectedEvents: [],
    data: input.data,
    variables: {},
    dates: { caseStarted: now().toISOString() },
    deadlines: [],
    history: [],
  };
  const record = (entry: Omit<HistoryEntry, 'at'>): void => {
    state.history.push({ at: now().toISOString(), ...entry });
  };

  const inbox: Inbox[] = [];
  const results = new Map<number, EventResult | ApplicationFailure>();
  let nextSeq = 1;

  // Accepted events are answered once the case has moved on to its next waiting point or its end.
  const pendingResults: Array<{ seq: number; event: string }> = [];
  const answerPending = (): void => {
    for (const { seq, event } of pendingResults.splice(0)) {
      results.set(seq, { accepted: true, event, currentStep: state.currentStep, status: state.status, outcome: state.outcome });
    }
  };

  setHandler(caseStateQuery, () => state);
  setHandler(
    sendEventUpdate,
    async (event) => {
      const seq = nextSeq++;
      inbox.push({ seq, event });
      await condition(() => results.has(seq));
      const result = results.get(seq) as EventResult | ApplicationFailure;
      results.delete(seq);
      if (result instanceof ApplicationFailure) throw result;
      return result;
    },
    {
      validator: (event) => {
        const problem = checkEvent(event);
        if (problem) throw problem;
      },
    },
  );

  function currentWait(): WaitNode | undefined {
    const node = state.currentStep ? nodes.get(state.currentStep) : undefined;
    return node?.kind === 'wait' ? node : undefined;
  }

  /** Why an event cannot be accepted now, or undefined when it can. */
  function checkEvent(event: CaseEvent): ApplicationFailure | undefined {
    const wait = currentWait();
    if (state.status !== 'running' || !wait) {
      return ApplicationFailure.create({ type: 'CASE_NOT_WAITING', message: 'The case is not waiting for events now.', nonRetryable: true });
    }
    const spec = wait.events.find((e) => e.name === event.name);
    if (!spec) {
      return ApplicationFailure.create({
        type: 'EVENT_NOT_EXPECTED',
        message: `Event "${event.name}" is not expected in step "${wait.id}"; expected: ${wait.events.map((e) => e.name).join(', ')}.`,
        details: [{ step: wait.id, expected: wait.events.map((e) => e.name) }],
        nonRetryable: true,
      });
    }
    const validate = compileSchema(spec.payloadSchema);
    if (!validate(event.payload)) {
      const issues = toIssues(validate.errors, '/payload');
      return ApplicationFailure.create({
        type: 'INVALID_PAYLOAD',
        message: `Payload of "${event.name}" is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
        details: [{ issues }],
        nonRetryable: true,
      });
    }
    return undefined;
  }

  function publishSearchAttributes(): void {
    const pending = state.deadlines.filter((d) => d.status === 'pending').map((d) => d.at).sort();
    upsertSearchAttributes([
      { key: SA_TENANT, value: state.tenant },
      { key: SA_PROCESS, value: state.processId },
      { key: SA_CASE_REF, value: state.caseRef },
      { key: SA_STEP, value: state.currentStep ?? '' },
      { key: SA_NEXT_DEADLINE, value: pending[0] ? new Date(pending[0]) : null },
      { key: SA_OUTCOME, value: state.outcome ?? null },
    ]);
  }

  /** Waits for an accepted event or the node's timeout, firing reminders on the way; returns the next node id. */
  async function runWait(node: WaitNode): Promise<string> {
    state.expectedEvents = node.events.map((e) => e.name);
    state.deadlines = state.deadlines.filter((d) => d.status !== 'pending').concat(waitDeadlines(node, state.dates));
    publishSearchAttributes();
    for (;;) {
      const due = state.deadlines.find((d) => d.status === 'pending');
      const waitMs = due ? new Date(due.at).getTime() - Date.now() : undefined;
      if (waitMs === undefined) await condition(() => inbox.length > 0);
      else if (waitMs > 0) await condition(() => inbox.length > 0, waitMs);

      const item = inbox.shift();
      if (item) {
        const problem = checkEvent(item.event);
        if (problem) {
          record({ type: 'event-rejected', nodeId: node.id, event: item.event.name, detail: problem.type ?? undefined });
          results.set(item.seq, problem);
          continue;
        }
        const spec = node.events.find((e) => e.name === item.event.name);
        if (!spec) continue; // checkEvent guarantees a spec; kept for the type checker.
        for (const [variable, prop] of Object.entries(spec.assign ?? {})) state.variables[variable] = item.event.payload[prop];
        for (const [date, prop] of Object.entries(spec.dates ?? {})) {
          state.dates[date] = toIsoInstant(prop === 'now' ? 'now' : item.event.payload[prop], now());
        }
        record({ type: 'event-accepted', nodeId: node.id, event: spec.name });
        for (const d of state.deadlines) if (d.status === 'pending') d.status = 'cancelled';
        pendingResults.push({ seq: item.seq, event: spec.name });
        return spec.next;
      }
      if (!due || new Date(due.at).getTime() > Date.now()) continue;
      due.status = 'done';
      if (due.kind === 'timeout') {
        record({ type: 'timeout', nodeId: node.id, detail: due.label });
        for (const d of state.deadlines) if (d.status === 'pending') d.status = 'cancelled';
        return node.timeout?.next as string;
      }
      const reminder = node.reminders?.find((r) => `${node.id}:${r.id}` === due.id);
      record({ type: 'reminder', nodeId: node.id, detail: due.label });
      await notify({
        tenant: state.tenant,
        caseId: state.caseId,
        processId: state.processId,
        nodeId: node.id,
        kind: 'reminder',
        template: typeof reminder?.notify?.template === 'string' ? reminder.notify.template : due.id,
        params: { deadline: due.at },
      });
      publishSearchAttributes();
    }
  }

  let nodeId = definition.start;
  record({ type: 'case-started', nodeId });
  for (;;) {
    const node = nodes.get(nodeId);
    if (!node) throw ApplicationFailure.nonRetryable(`Definition ${definition.id} v${definition.version}: node "${nodeId}" does not exist`, 'DEFINITION_BROKEN');
    state.currentStep = node.id;
    state.expectedEvents = [];
    record({ type: 'step-entered', nodeId: node.id });
    if (node.kind === 'end') {
      state.outcome = node.outcome;
      state.status = 'completed';
      state.currentStep = node.id;
      record({ type: 'completed', nodeId: node.id, detail: node.outcome });
      publishSearchAttributes();
      answerPending();
      break;
    }
    if (node.kind === 'task') {
      const detail = await actions[node.action](node, { state, notify });
      record({ type: 'task', nodeId: node.id, detail });
      nodeId = node.next;
      continue;
    }
    state.expectedEvents = node.events.map((e) => e.name);
    answerPending();
    nodeId = await runWait(node);
  }

  // Events that arrive after the end are rejected by the validator; wait for handlers in flight.
  for (const item of inbox.splice(0)) {
    results.set(item.seq, ApplicationFailure.create({ type: 'CASE_NOT_WAITING', message: 'The case has ended.', nonRetryable: true }));
  }
  await condition(allHandlersFinished);
  return state;
}
