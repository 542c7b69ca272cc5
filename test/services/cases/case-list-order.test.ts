import request from 'supertest';
import { CASE_SORTS } from '../../../contract/cases';
import { visibilityQuery } from '../../../services/cases/case-query';
import {
  countingVisibility,
  expectedOrder,
  orderProcessId,
  orderRows,
  startOrderCases,
  walkOrdered,
  type OrderRow,
} from '../../support/case-order';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';

// Cases of a process of their own, started as interpreter workflows on a task queue no worker
// polls (test/support/case-order.ts): the test chooses every deadline — 1 in 10 without one, 40
// sharing one instant (ties), the rest spread over two months — while the visibility store, its
// counts and its range queries are the dev server's own (SQLite). The same cases on PostgreSQL
// visibility: test/cluster/cluster.test.ts.
const CASES = 300;
const PROCESS = orderProcessId();

interface Seen {
  caseId: string;
  nextDeadline?: string;
  startedAt: string;
}

describe('case list order across pages (Temporal dev server, SQLite visibility)', () => {
  let product: RunningProduct;
  let all: OrderRow[];

  beforeAll(async () => {
    product = await startProduct();
    const client = product.runtime.client;
    const { terminated } = await startOrderCases(client, TEST_TENANT, PROCESS, CASES);
    const query = visibilityQuery(TEST_TENANT, { processId: PROCESS }, new Date());
    await eventually(async () => (await client.workflow.count(query)).count === CASES, 60_000);
    await eventually(
      async () => (await client.workflow.count(`${query} AND ExecutionStatus = 'Terminated'`)).count === terminated,
      60_000,
    );
    all = await orderRows(client, product.runtime.namespace, TEST_TENANT, PROCESS);
    expect(all).toHaveLength(CASES);
  }, 240_000);
  afterAll(async () => {
    await product?.stop();
  }, 30_000);

  it('walks every order page by page through GET /cases and finds the whole list in that order', async () => {
    const rows = all;
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
    const rows = all;
    const visibility = countingVisibility(product.runtime.client, product.runtime.namespace);
    const base = visibilityQuery(TEST_TENANT, { processId: PROCESS }, new Date());
    const perPage: number[] = [];
    for (const sort of CASE_SORTS) {
      // maxRead 15 (below the 40 cases sharing a deadline) forces narrowing on the start time too.
      for (const [limit, maxRead] of [
        [10, 15],
        [50, undefined],
      ] as const) {
        const { ids, callsPerPage } = await walkOrdered(visibility, base, sort, limit, maxRead);
        perPage.push(...callsPerPage);
        // Measured: at most 37 calls (a page inside the 40 cases sharing one deadline, read 15 at a
        // time); a count cuts the range to about a page, or at least by half.
        expect(Math.max(...callsPerPage)).toBeLessThanOrEqual(45);
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
