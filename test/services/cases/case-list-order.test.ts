import request from 'supertest';
import type { temporal } from '@temporalio/proto';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { CASE_SORTS, type CaseSort } from '../../../contract/cases';
import { orderedPage, sortKeyOf, type OrderedCursor, type Visibility } from '../../../services/cases/case-order';
import { visibilityQuery } from '../../../services/cases/case-query';
import { INTERPRETER_WORKFLOW } from '../../../workflows/messages';
import { SA_CASE_REF, SA_NEXT_DEADLINE, SA_PROCESS, SA_STEP, SA_TENANT } from '../../../workflows/search-attributes';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { uniqueId } from '../../support/factories';

type Execution = temporal.api.workflow.v1.IWorkflowExecutionInfo;

// Cases of a process of their own, started as interpreter workflows on a task queue no worker
// polls: they keep the search attributes given at start, so the test chooses every deadline —
// 1 in 10 without one, 40 sharing one instant (ties), the rest spread over two months — while the
// visibility store, its counts and its range queries are the dev server's own (SQLite).
const CASES = 300;
const PROCESS = `volgorde-${uniqueId('p')
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}`.slice(0, 40);
const BASE = Date.UTC(2027, 0, 1);
const SHARED = Date.UTC(2027, 0, 15, 9, 0, 0, 0);

function deadlineOf(i: number): Date | undefined {
  if (i % 10 === 0) return undefined;
  if (i % 7 === 0 || i % 11 === 0) return new Date(SHARED);
  return new Date(BASE + ((i * 7919) % 1440) * 3_600_000 + (i % 3) * 1);
}

interface Seen {
  caseId: string;
  nextDeadline?: string;
  startedAt: string;
}

/** The order as the API documents it, written out independently of the service's comparator. */
function expectedOrder(rows: Array<{ id: string; deadline: number | null; startNs: bigint }>, sort: CaseSort) {
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

describe('case list order across pages (Temporal dev server, SQLite visibility)', () => {
  let product: RunningProduct;
  let all: Array<{ id: string; deadline: number | null; startNs: bigint; step: string; running: boolean }>;

  beforeAll(async () => {
    product = await startProduct();
    const client = product.runtime.client;
    const taskQueue = `geen-worker-${uniqueId('q')}`;
    let next = 0;
    const starter = async () => {
      while (next < CASES) {
        const i = next++;
        const deadline = deadlineOf(i);
        await client.workflow.start(INTERPRETER_WORKFLOW, {
          taskQueue,
          workflowId: `${TEST_TENANT}-${PROCESS}-${String(i).padStart(4, '0')}`,
          args: [{}],
          typedSearchAttributes: [
            { key: SA_TENANT, value: TEST_TENANT },
            { key: SA_PROCESS, value: PROCESS },
            { key: SA_CASE_REF, value: `VOLGORDE-${i}` },
            { key: SA_STEP, value: i % 3 === 0 ? 'stap-a' : 'stap-b' },
            ...(deadline ? [{ key: SA_NEXT_DEADLINE, value: deadline }] : []),
          ],
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, starter));
    // Some cases end: the status filter combines with the order.
    for (let i = 5; i < CASES; i += 17)
      await client.workflow
        .getHandle(`${TEST_TENANT}-${PROCESS}-${String(i).padStart(4, '0')}`)
        .terminate('test: een beëindigde zaak');
    const query = visibilityQuery(TEST_TENANT, { processId: PROCESS }, new Date());
    await eventually(async () => (await client.workflow.count(query)).count === CASES, 60_000);
    await eventually(
      async () =>
        (await client.workflow.count(`${query} AND ExecutionStatus = 'Terminated'`)).count ===
        Math.ceil((CASES - 5) / 17),
      60_000,
    );
    all = [];
    for await (const wf of client.workflow.list({ query })) {
      const startNs = BigInt(wf.startTime.getTime()) * 1_000_000n;
      all.push({
        id: wf.workflowId,
        deadline: wf.typedSearchAttributes.get(SA_NEXT_DEADLINE)?.getTime() ?? null,
        startNs,
        step: wf.typedSearchAttributes.get(SA_STEP) ?? '',
        running: wf.status.name === 'RUNNING',
      });
    }
    expect(all).toHaveLength(CASES);
  }, 240_000);
  afterAll(async () => {
    await product?.stop();
  }, 30_000);

  /** The exact start times (ns) as visibility gives them: the expected order's second key. */
  async function exactStarts(): Promise<Map<string, bigint>> {
    const out = new Map<string, bigint>();
    let token: Uint8Array | undefined;
    do {
      const res = await product.runtime.client.workflowService.listWorkflowExecutions({
        namespace: product.runtime.namespace,
        query: visibilityQuery(TEST_TENANT, { processId: PROCESS }, new Date()),
        pageSize: 1000,
        nextPageToken: token,
      });
      for (const wf of res.executions ?? [])
        out.set(
          wf.execution?.workflowId ?? '',
          BigInt(String(wf.startTime?.seconds ?? 0)) * 1_000_000_000n + BigInt(wf.startTime?.nanos ?? 0),
        );
      token = res.nextPageToken?.length ? res.nextPageToken : undefined;
    } while (token);
    return out;
  }

  it('walks every order page by page through GET /cases and finds the whole list in that order', async () => {
    const starts = await exactStarts();
    const rows = all.map((r) => ({ ...r, startNs: starts.get(r.id) ?? r.startNs }));
    for (const sort of CASE_SORTS) {
      for (const [filter, subset] of [
        [{}, rows],
        [{ step: 'stap-b', status: 'running' }, rows.filter((r) => r.step === 'stap-b' && r.running)],
      ] as const) {
        const seen: Seen[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res = await request(product.app)
            .get('/api/v1/cases')
            .set(product.auth)
            .query({ processId: PROCESS, ...filter, sort, limit: 23, ...(cursor ? { cursor } : {}) });
          expect(res.status).toBe(200);
          const page = res.body.cases as Seen[];
          expect(page.length).toBeLessThanOrEqual(23);
          seen.push(...page);
          cursor = res.body.nextCursor as string | null;
          pages++;
        } while (cursor && pages < 50);
        expect(seen.map((s) => s.caseId)).toEqual(expectedOrder(subset, sort));
      }
    }
  }, 300_000);

  it('bounds the visibility calls of a page, also when a range must be narrowed to one millisecond', async () => {
    const starts = await exactStarts();
    const rows = all.map((r) => ({ ...r, startNs: starts.get(r.id) ?? r.startNs }));
    const client = product.runtime.client;
    let calls = 0;
    const visibility: Visibility = {
      async count(query) {
        calls++;
        const res = await client.workflowService.countWorkflowExecutions({
          namespace: product.runtime.namespace,
          query,
        });
        return Number(res.count ?? 0);
      },
      async list(query, pageSize, token) {
        calls++;
        const res = await client.workflowService.listWorkflowExecutions({
          namespace: product.runtime.namespace,
          query,
          pageSize,
          nextPageToken: token,
        });
        return { executions: res.executions ?? [], next: res.nextPageToken ?? undefined };
      },
    };
    const base = visibilityQuery(TEST_TENANT, { processId: PROCESS }, new Date());
    const perPage: number[] = [];
    for (const sort of CASE_SORTS) {
      // maxRead 15 (below the 40 cases sharing a deadline) forces narrowing on the start time too.
      for (const [limit, maxRead] of [
        [10, 15],
        [50, undefined],
      ] as const) {
        const ids: string[] = [];
        let after: OrderedCursor | undefined;
        do {
          calls = 0;
          const page = await orderedPage({
            visibility,
            base,
            sort,
            limit,
            after,
            maxRead,
            keyOf: (wf: Execution) =>
              sortKeyOf(
                wf,
                decodeTypedSearchAttributes(wf.searchAttributes?.indexedFields).get(SA_NEXT_DEADLINE),
                sort,
              ),
          });
          perPage.push(calls);
          // Measured: at most 37 calls (a page inside the 40 cases sharing one deadline, read 15 at a
          // time); a count cuts the range to about a page, or at least by half.
          expect(calls).toBeLessThanOrEqual(45);
          ids.push(...page.rows.map((wf) => wf.execution?.workflowId ?? ''));
          after = page.next;
        } while (after);
        expect(ids).toEqual(expectedOrder(rows, sort));
      }
    }
    perPage.sort((a, b) => a - b);
    const median = perPage[Math.floor(perPage.length / 2)] as number;
    // Typical pages reuse the last page's range width: a handful of counts and one list.
    expect(median).toBeLessThanOrEqual(9);
    console.log(
      `visibility calls per page: median ${median}, max ${perPage[perPage.length - 1]} over ${perPage.length} pages`,
    );
  }, 300_000);

  it('refuses a cursor of another order, and a sort the API does not offer, with a coded 400', async () => {
    const first = await request(product.app)
      .get('/api/v1/cases')
      .set(product.auth)
      .query({ processId: PROCESS, sort: 'nextDeadline', limit: 5 });
    expect(first.status).toBe(200);
    const cursor = first.body.nextCursor as string;
    for (const query of [
      { processId: PROCESS, sort: 'startedAt', cursor },
      { processId: PROCESS, cursor },
      { processId: PROCESS, sort: 'caseRef' },
    ]) {
      const res = await request(product.app).get('/api/v1/cases').set(product.auth).query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.path).toMatch(/^\/query\/(cursor|sort)/);
    }
  }, 60_000);
});
