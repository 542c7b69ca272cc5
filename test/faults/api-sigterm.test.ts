import { api, listening, type ProductProcess } from '../support/product-process';
import { uniqueId } from '../support/factories';
import { attempt, burst, isAccepted, recordFigures } from './support/burst';
import { spawnProduct } from '../support/product-process';
import { hotelData, startProductUnderFault, untilAnswered } from './support/product-under-fault';

const STARTS = 60;

describe('SIGTERM of the API during a burst of starts', () => {
  it('drains the requests in flight (no 500, no unhandled error), refuses new connections, exits 0; after a restart every accepted start exists once and refused ones were never applied', async () => {
    const p = await startProductUnderFault();
    let second: ProductProcess | undefined;
    try {
      const caseRefs = Array.from({ length: STARTS }, () => uniqueId('ZAAK'));
      let stopped: Promise<number | null> | undefined;
      let stopAt = 0;
      const sent = await burst(
        caseRefs,
        (caseRef) =>
          attempt(
            p.proc.url,
            'POST',
            '/processes/nareiziger-hotelverblijf/cases',
            { caseRef, data: hotelData },
            p.auth,
          ),
        {
          concurrency: 8,
          onAnswer: (n) => {
            if (n === 15) {
              stopAt = Date.now();
              stopped = p.proc.stop('SIGTERM');
            }
          },
        },
      );
      const exitCode = await stopped;
      if (exitCode !== 0) console.log(p.proc.output().slice(-3000));
      const stopMs = Date.now() - stopAt;
      expect(exitCode).toBe(0);
      expect(await listening(Number(p.env.TEMPORAL_DEV_PORT))).toBe(false);
      const all = sent.flatMap((s) => s.attempts);
      expect(all.filter((a) => typeof a.status === 'number' && a.status >= 500)).toEqual([]);
      expect(p.proc.output()).not.toMatch(/unhandled error|uncaught|Channel has been shut down|"level":50/i);

      // The same data directory, the same key: the product as an operator restarts it.
      second = await spawnProduct(p.env);
      const url = second.url;
      let lost = 0;
      let duplicated = 0;
      let refusedButApplied = 0;
      let resetButApplied = 0;
      for (const s of sent) {
        const first = s.attempts[0];
        const again = await untilAnswered(() =>
          api(url, 'POST', '/processes/nareiziger-hotelverblijf/cases', { caseRef: s.item, data: hotelData }, p.auth),
        );
        expect([200, 201]).toContain(again.status);
        // A start is idempotent on caseRef: 200 means it existed before, 201 that it did not.
        const existedBefore = again.status === 200;
        if (first && isAccepted(first) && !existedBefore) lost += 1;
        if (first?.status === 'refused' && existedBefore) refusedButApplied += 1;
        if (first?.status === 'reset' && existedBefore) resetButApplied += 1;
        const state = await untilAnswered(() => api(url, 'GET', `/cases/${again.body.caseId}`, undefined, p.auth));
        const startedEntries = (state.body.history as Array<{ type: string }>).filter(
          (h) => h.type === 'case-started',
        ).length;
        if (startedEntries !== 1) duplicated += 1;
      }
      const figures = {
        starts: STARTS,
        acceptedBeforeExit: sent.filter((s) => s.attempts.some(isAccepted)).length,
        refusedConnection: sent.filter((s) => s.attempts[0]?.status === 'refused').length,
        resetConnection: sent.filter((s) => s.attempts[0]?.status === 'reset').length,
        resetButApplied,
        lost,
        duplicated,
        refusedButApplied,
        stopMs,
        statuses: Object.fromEntries(
          [...new Set(all.map((a) => String(a.status)))].map((k) => [
            k,
            all.filter((a) => String(a.status) === k).length,
          ]),
        ),
      };
      recordFigures('api-sigterm-during-starts', figures);
      expect(figures).toMatchObject({ lost: 0, duplicated: 0, refusedButApplied: 0 });
    } finally {
      if (p.proc.child.exitCode === null) await p.proc.stop('SIGTERM');
      if (second) expect(await second.stop('SIGTERM')).toBe(0);
    }
  });
});
