import type { Client } from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { temporal } from '@temporalio/proto';
import type { CaseSort } from '../../contract/cases';
import { orderedPage, sortKeyOf, type OrderedCursor, type Visibility } from '../../services/cases/case-order';
import { visibilityQuery } from '../../services/cases/case-query';
import { INTERPRETER_WORKFLOW } from '../../workflows/messages';
import { SA_CASE_REF, SA_NEXT_DEADLINE, SA_PROCESS, SA_STEP, SA_TENANT } from '../../workflows/search-attributes';
import { uniqueId } from './factories';

/**
 * Cases for the sorted case list (services/cases/case-order.ts), on any Temporal server: interpreter
 * workflows of a process of their own, started on a task queue no worker polls, so they keep the
 * search attributes given at start and the test chooses every deadline — 1 in 10 without one, the
 * cases with i % 7 or i % 11 = 0 sharing one instant (ties), the rest spread over two months, some
 * a millisecond apart — while the visibility store, its counts and range queries are the server's own.
 */

export const ORDER_BASE = Date.UTC(2027, 0, 1);
export const ORDER_SHARED_DEADLINE = Date.UTC(2027, 0, 15, 9, 0, 0, 0);

export function orderDeadlineOf(i: number): Date | undefined {
  if (i % 10 === 0) return undefined;
  if (i % 7 === 0 || i % 11 === 0) return new Date(ORDER_SHARED_DEADLINE);
  return new Date(ORDER_BASE + ((i * 7919) % 1440) * 3_600_000 + (i % 3) * 1);
}

export interface OrderRow {
  id: string;
  deadline: number | null;
  /** Start time in ns, exactly as visibility gives it. */
  startNs: bigint;
  step: string;
  running: boolean;
}

/** The order as the API documents it, written out independently of the service's comparator. */
export function expectedOrder(rows: OrderRow[], sort: CaseSort): string[] {
  const desc = sort.startsWith('-');
  const byDeadline = sort.endsWith('nextDeadline');
  const sign = desc ? -1 : 1;
  return [...rows]
    .sort((x, y) => {
      if (byDeadline) {
        if (x.deadline === null || y.deadline === null) {
          if (x.deadline !== y.deadline) return x.deadline === null ? 1 : -1;
        } else if (x.deadline !== y.deadline) return sign * (x.deadline - y.deadline);
      }
      if (x.startNs !== y.startNs) return sign * (x.startNs < y.startNs ? -1 : 1);
      return sign * (x.id < y.id ? -1 : 1);
    })
    .map((r) => r.id);
}

/** A process id of its own for one test run. */
export function orderProcessId(): string {
  return `volgorde-${uniqueId('p')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`.slice(0, 40);
}

/** The workflow id of case i (no names or BSN: the tenant, the process, a number). */
export const orderCaseId = (tenant: string, processId: string, i: number) =>
  `${tenant}-${processId}-${String(i).padStart(4, '0')}`;

/**
 * Starts `count` cases, `concurrency` at a time (the more at once, the more share a start
 * millisecond: the server stamps the start time), steps `stap-a` (i % 3 = 0) and `stap-b`;
 * terminates every 17th from 5 on (the status filter combines with the order).
 */
export async function startOrderCases(
  client: Client,
  tenant: string,
  processId: string,
  count: number,
  concurrency = 8,
): Promise<{ terminated: number }> {
  const taskQueue = `geen-worker-${uniqueId('q')}`;
  let next = 0;
  const starter = async () => {
    while (next < count) {
      const i = next++;
      const deadline = orderDeadlineOf(i);
      await client.workflow.start(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: orderCaseId(tenant, processId, i),
        args: [{}],
        typedSearchAttributes: [
          { key: SA_TENANT, value: tenant },
          { key: SA_PROCESS, value: processId },
          { key: SA_CASE_REF, value: `VOLGORDE-${i}` },
          { key: SA_STEP, value: i % 3 === 0 ? 'stap-a' : 'stap-b' },
          ...(deadline ? [{ key: SA_NEXT_DEADLINE, value: deadline }] : []),
        ],
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, starter));
  let terminated = 0;
  for (let i = 5; i < count; i += 17) {
    await client.workflow.getHandle(orderCaseId(tenant, processId, i)).terminate('test: een beëindigde zaak');
    terminated++;
  }
  return { terminated };
}

type Execution = temporal.api.workflow.v1.IWorkflowExecutionInfo;

/** Visibility's two calls (count, list) straight to the server, counting them. */
export function countingVisibility(client: Client, namespace: string): Visibility & { calls: number } {
  const v = {
    calls: 0,
    async count(query: string) {
      v.calls++;
      const res = await client.workflowService.countWorkflowExecutions({ namespace, query });
      return Number(res.count ?? 0);
    },
    async list(query: string, pageSize: number, token?: Uint8Array) {
      v.calls++;
      const res = await client.workflowService.listWorkflowExecutions({
        namespace,
        query,
        pageSize,
        nextPageToken: token,
      });
      return { executions: (res.executions ?? []) as Execution[], next: res.nextPageToken ?? undefined };
    },
  };
  return v;
}

/** Every case of the process as visibility has it: deadline, exact start time (ns), step, status. */
export async function orderRows(client: Client, namespace: string, tenant: string, processId: string) {
  const rows: OrderRow[] = [];
  let token: Uint8Array | undefined;
  do {
    const res = await client.workflowService.listWorkflowExecutions({
      namespace,
      query: visibilityQuery(tenant, { processId }, new Date()),
      pageSize: 1000,
      nextPageToken: token,
    });
    for (const wf of res.executions ?? []) {
      const attrs = decodeTypedSearchAttributes(wf.searchAttributes?.indexedFields);
      rows.push({
        id: wf.execution?.workflowId ?? '',
        deadline: attrs.get(SA_NEXT_DEADLINE)?.getTime() ?? null,
        startNs: BigInt(String(wf.startTime?.seconds ?? 0)) * 1_000_000_000n + BigInt(wf.startTime?.nanos ?? 0),
        step: attrs.get(SA_STEP) ?? '',
        running: wf.status === temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
      });
    }
    token = res.nextPageToken?.length ? res.nextPageToken : undefined;
  } while (token);
  return rows;
}

/**
 * Every page of one order straight from `orderedPage` (no HTTP): the workflow ids in page order, and
 * the visibility calls each page made. `maxRead` below a tie's size forces narrowing to one
 * millisecond and then on the start time.
 */
export async function walkOrdered(
  visibility: Visibility & { calls: number },
  base: string,
  sort: CaseSort,
  limit: number,
  maxRead?: number,
): Promise<{ ids: string[]; callsPerPage: number[] }> {
  const ids: string[] = [];
  const callsPerPage: number[] = [];
  let after: OrderedCursor | undefined;
  do {
    visibility.calls = 0;
    const page = await orderedPage({
      visibility,
      base,
      sort,
      limit,
      after,
      maxRead,
      keyOf: (wf) =>
        sortKeyOf(wf, decodeTypedSearchAttributes(wf.searchAttributes?.indexedFields).get(SA_NEXT_DEADLINE), sort),
    });
    callsPerPage.push(visibility.calls);
    ids.push(...page.rows.map((wf) => wf.execution?.workflowId ?? ''));
    after = page.next;
  } while (after);
  return { ids, callsPerPage };
}
