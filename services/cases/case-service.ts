import type { ProcessDefinition } from '../../workflows/dsl/schema';
import {
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import type { temporal } from '@temporalio/proto';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type {
  CaseEvent,
  CaseInput,
  CaseState,
  DecisionConfirmationRequest,
  EventContext,
  EventResult,
} from '../../workflows/case-state';
import type { CaseEventSubscriptions } from '../../workflows/case-event';
import { compileSchema, toIssues } from '../../workflows/dsl/ajv';
import { caseStateQuery, confirmDecisionUpdate, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import {
  SA_CASE_REF,
  SA_NEXT_DEADLINE,
  SA_OUTCOME,
  SA_PROCESS,
  SA_PROCESS_VERSION,
  SA_STEP,
  SA_TENANT,
} from '../../workflows/search-attributes';
import { visibilityQuery, type CaseFilter } from './case-query';
import { ApiError } from '../../platform/errors';
import type { ErrorCode } from '../../contract/error-codes';
import type { CaseList, CaseSort, CaseStateResponse, CaseSummary, ExecutionStatus } from '../../contract/cases';
import { caseIdFor, tenantOfCaseId } from './case-id';
import { openCursor, sealCursor } from './cursor';
import {
  decodeOrderedCursor,
  encodeOrderedCursor,
  isOrderedCursor,
  orderedPage,
  sortKeyOf,
  type Visibility,
} from './case-order';
import { createStepLabels } from './step-labels';
import { checkCaseReference } from './case-reference';
import { whileWorkflowTaskFails } from './workflow-task-retry';
import type { DefinitionSource } from './definition-source';

export interface CaseServiceDeps {
  client: Client;
  namespace: string;
  taskQueue: string;
  idSecret: Buffer;
  definitions: DefinitionSource;
  /**
   * Runs the Temporal calls of one request with a deadline, and answers 503 TEMPORAL_UNAVAILABLE
   * at once while Temporal is unreachable (server/temporal/temporal-availability.ts).
   */
  temporal?: { call<T>(fn: () => Promise<T>): Promise<T> };
  /**
   * What the municipality subscribes to now (services/webhooks/subscriptions.ts), given to the case
   * at start: it publishes case events (case.started included) only where someone listens. Absent:
   * the case asks at its first event.
   */
  caseEvents?: (tenant: string) => Promise<CaseEventSubscriptions>;
}

/** A case as the list shows it: the contract's type (contract/cases.ts). */
export type { CaseSummary };

/** Update failures from the interpreter, by type: the HTTP status and code a caller acts on. */
const EVENT_FAILURES: Record<string, { status: number; code: ErrorCode }> = {
  EVENT_NOT_EXPECTED: { status: 409, code: 'EVENT_NOT_EXPECTED' },
  CASE_NOT_WAITING: { status: 409, code: 'CASE_NOT_WAITING' },
  INVALID_PAYLOAD: { status: 422, code: 'INVALID_PAYLOAD' },
  DECISION_NOT_PENDING: { status: 409, code: 'DECISION_NOT_PENDING' },
  BRANCH_UNKNOWN: { status: 422, code: 'BRANCH_UNKNOWN' },
  REASON_REQUIRED: { status: 422, code: 'REASON_REQUIRED' },
  REASON_TOO_LONG: { status: 422, code: 'REASON_TOO_LONG' },
  FACT_NOT_EXPECTED: { status: 422, code: 'FACT_NOT_EXPECTED' },
  CONFIRMED_BY_MISSING: { status: 422, code: 'CONFIRMED_BY_MISSING' },
};

/** Starting, reading and moving cases: each case is one interpreter workflow in Temporal. */
export function createCaseService(deps: CaseServiceDeps) {
  const { client } = deps;
  const temporal = <T>(fn: () => Promise<T>): Promise<T> => (deps.temporal ? deps.temporal.call(fn) : fn());
  const stepLabels = createStepLabels(deps.definitions);
  // Each visibility call of a sorted page has its own deadline (a page makes several).
  const visibility: Visibility = {
    async count(query) {
      const res = await temporal(() =>
        client.workflowService.countWorkflowExecutions({ namespace: deps.namespace, query }),
      );
      return Number(res.count ?? 0);
    },
    async list(query, pageSize, token) {
      const res = await temporal(() =>
        client.workflowService.listWorkflowExecutions({
          namespace: deps.namespace,
          query,
          pageSize,
          nextPageToken: token,
        }),
      );
      return { executions: res.executions ?? [], next: res.nextPageToken ?? undefined };
    },
  };

  /** Summaries with each step's label from the case's own definition version. */
  async function labelled(tenant: string, executions: temporal.api.workflow.v1.IWorkflowExecutionInfo[]) {
    const rows = executions.map(summarise);
    const labels = await Promise.all(
      rows.map((r) => stepLabels(tenant, r.processId, r.processVersion, r.step).catch(() => undefined)),
    );
    return rows.map((r, i) => {
      const stepLabel = labels[i];
      return stepLabel ? { ...r, stepLabel } : r;
    });
  }

  async function ownedHandle(tenant: string, caseId: string) {
    const notFound = new ApiError(404, 'CASE_NOT_FOUND', `Case ${caseId} does not exist.`, '/params/caseId');
    if (tenantOfCaseId(caseId) !== tenant) throw notFound;
    const handle = client.workflow.getHandle(caseId);
    try {
      const description = await handle.describe();
      if (description.type !== INTERPRETER_WORKFLOW || description.typedSearchAttributes.get(SA_TENANT) !== tenant)
        throw notFound;
      return { handle, description };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound;
      throw err;
    }
  }

  /**
   * What the server tells a case beside an event or a confirmation (EventContext): what the
   * municipality subscribes to now, so the case need not ask the store itself. Empty when there is
   * no look-up or it fails: the event is not refused for it, and the case then asks, as before.
   */
  async function eventContext(tenant: string): Promise<EventContext> {
    if (!deps.caseEvents) return {};
    try {
      return { caseEvents: await deps.caseEvents(tenant) };
    } catch {
      return {};
    }
  }

  /** Sends an update to a running case and maps the interpreter's refusals to coded API errors. */
  function update(
    tenant: string,
    caseId: string,
    send: (handle: WorkflowHandle) => Promise<EventResult>,
    defaultPath = '/body/name',
  ): Promise<EventResult> {
    return temporal(() => updateNow(tenant, caseId, send, defaultPath));
  }

  async function updateNow(
    tenant: string,
    caseId: string,
    send: (handle: WorkflowHandle) => Promise<EventResult>,
    defaultPath: string,
  ): Promise<EventResult> {
    const { handle, description } = await ownedHandle(tenant, caseId);
    if (description.status.name !== 'RUNNING') {
      throw new ApiError(
        409,
        'CASE_CLOSED',
        `Case ${caseId} has ended (${description.status.name.toLowerCase()}); it accepts no events.`,
        defaultPath,
      );
    }
    try {
      // Refused as a whole while the case's workflow task is retried (a timeout under load): sent again.
      return await whileWorkflowTaskFails(caseId, () => send(handle));
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        const mapped = EVENT_FAILURES[err.cause.type ?? ''];
        if (mapped) {
          const detail = err.cause.details?.[0] as { issues?: Array<{ path: string }> } | undefined;
          const path = detail?.issues?.[0] ? `/body${detail.issues[0].path}` : defaultPath;
          throw new ApiError(mapped.status, mapped.code, err.cause.message, path, err.cause.details?.[0]);
        }
      }
      if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
        // The event may still be applied: the caller can read the case, or resend (a duplicate is refused as unexpected).
        throw new ApiError(
          504,
          'CASE_BUSY',
          `Case ${caseId} did not confirm the event in time; read the case to see whether it was applied.`,
          '/body/name',
        );
      }
      if (err instanceof WorkflowNotFoundError)
        throw new ApiError(409, 'CASE_CLOSED', `Case ${caseId} has ended; it accepts no events.`, '/body/name');
      throw err;
    }
  }

  return {
    /** The definition a new case of `processId` starts with in this municipality (an import reads its columns' rules from it). */
    definitionOf(tenant: string, processId: string): Promise<ProcessDefinition | undefined> {
      return deps.definitions.get(tenant, processId);
    },

    async start(
      tenant: string,
      processId: string,
      caseRef: string,
      data: Record<string, unknown>,
    ): Promise<{ caseId: string; created: boolean }> {
      checkCaseReference(caseRef);
      const definition = await deps.definitions.get(tenant, processId);
      if (!definition)
        throw new ApiError(
          404,
          'PROCESS_NOT_FOUND',
          `Process ${processId} is not published for ${tenant}.`,
          '/params/processId',
        );
      const validate = compileSchema(definition.inputSchema);
      if (!validate(data)) {
        const issues = toIssues(validate.errors, '/body/data');
        const first = issues[0] ?? { path: '/body/data', message: 'is invalid' };
        // At most 50 listed: 14,000 unknown properties made a 1 MB answer (test/server/worst-input.test.ts).
        throw new ApiError(400, 'INVALID_CASE_DATA', `${first.path}: ${first.message}`, first.path, {
          issues: issues.slice(0, 50),
        });
      }
      const caseId = caseIdFor(deps.idSecret, tenant, processId, caseRef);
      const caseEvents = await deps.caseEvents?.(tenant);
      const input: CaseInput = { tenant, caseRef, definition, data, ...(caseEvents ? { caseEvents } : {}) };
      let created = true;
      await temporal(async () => {
        try {
          await client.workflow.start(INTERPRETER_WORKFLOW, {
            taskQueue: deps.taskQueue,
            workflowId: caseId,
            args: [input],
            // A reference is used once, ever: a closed case with it is not started again either.
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: [
              { key: SA_TENANT, value: tenant },
              { key: SA_PROCESS, value: processId },
              { key: SA_CASE_REF, value: caseRef },
              { key: SA_STEP, value: definition.start },
            ],
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          created = false;
        }
      });
      return { caseId, created };
    },

    async get(tenant: string, caseId: string): Promise<CaseState & CaseStateResponse> {
      return temporal(async () => {
        const { handle } = await ownedHandle(tenant, caseId);
        return whileWorkflowTaskFails(caseId, () => handle.query(caseStateQuery));
      });
    },

    /** `updateId`: Temporal answers a repeated update id on the case with the first result (idempotent retries). */
    async sendEvent(
      tenant: string,
      caseId: string,
      event: CaseEvent,
      opts: { updateId?: string } = {},
    ): Promise<EventResult> {
      const context = await eventContext(tenant);
      return update(tenant, caseId, (handle) =>
        handle.executeUpdate(sendEventUpdate, {
          args: [event, context],
          ...(opts.updateId ? { updateId: opts.updateId } : {}),
        }),
      );
    },

    /** A case handler confirms or overrides the proposal of a waiting decision step. */
    async confirmDecision(tenant: string, caseId: string, req: DecisionConfirmationRequest): Promise<EventResult> {
      const context = await eventContext(tenant);
      return update(
        tenant,
        caseId,
        (handle) => handle.executeUpdate(confirmDecisionUpdate, { args: [req, context] }),
        '/body/branch',
      );
    },

    /**
     * One page of cases from Temporal visibility; `cursor` is the opaque token of the next page.
     * With `sort`, the whole list in that order, page after page (services/cases/case-order.ts);
     * without, Temporal's own order and page token.
     */
    async list(
      tenant: string,
      filter: CaseFilter,
      page: { limit: number; cursor?: string; sort?: CaseSort },
    ): Promise<CaseList> {
      const token = page.cursor ? openCursor(deps.idSecret, tenant, page.cursor) : undefined;
      const query = visibilityQuery(tenant, filter, new Date());
      if (page.sort) {
        const sort = page.sort;
        const after = token ? decodeOrderedCursor(token, sort) : undefined;
        const { rows, next } = await orderedPage({
          visibility,
          base: query,
          sort,
          limit: page.limit,
          after,
          keyOf: (wf) =>
            sortKeyOf(wf, decodeTypedSearchAttributes(wf.searchAttributes?.indexedFields).get(SA_NEXT_DEADLINE), sort),
        });
        return {
          cases: await labelled(tenant, rows),
          nextCursor: next ? sealCursor(deps.idSecret, tenant, encodeOrderedCursor(next)) : null,
        };
      }
      if (token && isOrderedCursor(token))
        throw new ApiError(
          400,
          'VALIDATION_FAILED',
          'cursor: it belongs to a sorted list; give the same sort, or start again without the cursor.',
          '/query/cursor',
        );
      const raw = await temporal(() =>
        client.workflowService.listWorkflowExecutions({
          namespace: deps.namespace,
          query,
          pageSize: page.limit,
          nextPageToken: token,
        }),
      );
      const next =
        raw.nextPageToken && raw.nextPageToken.length > 0
          ? sealCursor(deps.idSecret, tenant, Buffer.from(raw.nextPageToken))
          : null;
      return { cases: await labelled(tenant, raw.executions ?? []), nextCursor: next };
    },

    /** Cancels a running case; the workflow records the cancellation and ends. */
    async cancel(tenant: string, caseId: string): Promise<void> {
      await temporal(async () => {
        const { handle, description } = await ownedHandle(tenant, caseId);
        if (description.status.name !== 'RUNNING')
          throw new ApiError(409, 'CASE_CLOSED', `Case ${caseId} has ended already.`, '/params/caseId');
        await handle.cancel();
      });
    },

    /** Counts cases matching a filter (visibility count). */
    async count(tenant: string, filter: CaseFilter): Promise<number> {
      return (await temporal(() => client.workflow.count(visibilityQuery(tenant, filter, new Date())))).count;
    },
  };
}

const STATUS_NAMES: Record<number, ExecutionStatus> = {
  1: 'running',
  2: 'completed',
  3: 'failed',
  4: 'cancelled',
  5: 'terminated',
  6: 'continued_as_new',
  7: 'timed_out',
};

function summarise(wf: temporal.api.workflow.v1.IWorkflowExecutionInfo): CaseSummary {
  const sa = decodeTypedSearchAttributes(wf.searchAttributes?.indexedFields);
  const millis = (t: { seconds?: unknown; nanos?: number | null } | null | undefined): string | undefined =>
    t ? new Date(Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString() : undefined;
  const deadline = sa.get(SA_NEXT_DEADLINE);
  const version = Number(sa.get(SA_PROCESS_VERSION) ?? NaN);
  return {
    caseId: wf.execution?.workflowId ?? '',
    processId: sa.get(SA_PROCESS) ?? '',
    caseRef: sa.get(SA_CASE_REF) ?? '',
    step: sa.get(SA_STEP) ?? '',
    ...(Number.isInteger(version) && version > 0 ? { processVersion: version } : {}),
    status: STATUS_NAMES[Number(wf.status ?? 0)] ?? 'unknown',
    outcome: sa.get(SA_OUTCOME) || undefined,
    nextDeadline: deadline ? deadline.toISOString() : undefined,
    startedAt: millis(wf.startTime) ?? '',
    closedAt: millis(wf.closeTime),
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
