import { api, listening, type ProductProcess } from '../support/product-process';
import { uniqueId } from '../support/factories';
import { attempt, burst, eachLimited, isAccepted, recordFigures, type Attempt, type Sent } from './support/burst';
import { addPerson, finishRuleSetContent, signIn, type Session } from './support/people';
import {
  bound,
  hotelData,
  spawnReadyProduct,
  startProductUnderFault,
  untilAnswered,
  waitFor,
} from './support/product-under-fault';
import { readStore, subscribeReceiver, verifyWebhooks, type WebhookWatch } from './support/ledger-and-webhooks';

const STARTS = 60;
/** Four-eyes publications of rule sets, sent between the first starts (every third request), around the SIGTERM. */
const PUBLISHES = 12;
/** Jest's limit is a safety net only: every wait inside has its own bound (at the suite's pace) and message. */
const TEST_TIMEOUT_MS = 1_500_000;

type Item = { kind: 'start'; caseRef: string } | { kind: 'publish'; key: string };

/** A designer writes a rule set per key from the seeded template and offers it for review; an approver will publish. */
async function prepareReviews(base: string, admin: Session, keys: string[]) {
  const designer = await addPerson(base, admin, 'ontwerper', ['designer']);
  const approver = await addPerson(base, admin, 'fiatteur', ['approver']);
  const seeded = await api(base, 'GET', '/rulesets/housing-priority/versions/1', undefined, designer.headers);
  if (seeded.status !== 200) throw new Error(`seeded rule set: ${seeded.status} ${JSON.stringify(seeded.body)}`);
  const content = finishRuleSetContent(seeded.body.content as Record<string, unknown>);
  for (const key of keys) {
    const created = await api(
      base,
      'POST',
      '/rulesets',
      { key, name: `Storingstest ${key}`, content: { ...content, id: key } },
      designer.headers,
    );
    if (created.status !== 201) throw new Error(`rule set ${key}: ${created.status} ${JSON.stringify(created.body)}`);
    const submitted = await api(
      base,
      'POST',
      `/rulesets/${key}/versions/1/submit`,
      { comment: 'klaar voor publicatie' },
      designer.headers,
    );
    if (submitted.status !== 200)
      throw new Error(`submit ${key}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  }
  return { designer, approver };
}

/** The audit entries of one rule set's version 1, by action. */
async function auditOf(base: string, admin: Session, key: string): Promise<Record<string, number>> {
  const res = await untilAnswered(() =>
    api(
      base,
      'GET',
      `/audit?targetType=ruleset&targetId=${encodeURIComponent(key)}&limit=100`,
      undefined,
      admin.headers,
    ),
  );
  expect(res.status).toBe(200);
  const counts: Record<string, number> = {};
  for (const e of res.body.items as Array<{ action: string }>) counts[e.action] = (counts[e.action] ?? 0) + 1;
  return counts;
}

describe('SIGTERM of the API during a burst of starts and publications', () => {
  it(
    'drains the requests in flight (no 500, no unhandled error), refuses new connections, exits 0; after a restart every accepted start exists once, refused ones were never applied, and every publication is whole or absent',
    async () => {
      const t0 = Date.now();
      const p = await startProductUnderFault();
      const startedMs = Date.now() - t0;
      let second: ProductProcess | undefined;
      let watch: WebhookWatch | undefined;
      try {
        const admin = await signIn(p.proc.url);
        // A municipal system hears of every case started: the worker in the product stops with it.
        watch = await subscribeReceiver(p.proc.url, admin);
        const keys = Array.from({ length: PUBLISHES }, (_, i) => `storing-${i + 1}`);
        const { approver } = await prepareReviews(p.proc.url, admin, keys);
        const preparedMs = Date.now() - t0;
        const items: Item[] = [];
        for (let i = 0, k = 0; i < STARTS; i += 1) {
          items.push({ kind: 'start', caseRef: uniqueId('ZAAK') });
          if (i % 2 === 1 && k < keys.length) items.push({ kind: 'publish', key: keys[k++] as string });
        }
        let stopped: Promise<number | null> | undefined;
        let stopAt = 0;
        const sent = await burst(
          items,
          (item) =>
            item.kind === 'start'
              ? attempt(
                  p.proc.url,
                  'POST',
                  '/processes/nareiziger-hotelverblijf/cases',
                  { caseRef: item.caseRef, data: hotelData },
                  p.auth,
                )
              : attempt(
                  p.proc.url,
                  'POST',
                  `/rulesets/${item.key}/versions/1/approve`,
                  { comment: 'akkoord (vier ogen)' },
                  approver.headers,
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

        // The same data directory, the same key and sessions: the product as an operator restarts it.
        const restartAt = Date.now();
        second = await spawnReadyProduct(p.env);
        const restartMs = Date.now() - restartAt;
        const url = second.url;
        const starts = sent.filter((s): s is Sent<Item & { kind: 'start' }> => s.item.kind === 'start');
        const publishes = sent.filter((s): s is Sent<Item & { kind: 'publish' }> => s.item.kind === 'publish');
        let lost = 0;
        let duplicated = 0;
        let refusedButApplied = 0;
        let resetButApplied = 0;
        const states = new Map<string, { status: string; history?: Array<{ type: string }> }>();
        await eachLimited(starts, 4, async (s) => {
          const first = s.attempts[0];
          const again = await untilAnswered(() =>
            api(
              url,
              'POST',
              '/processes/nareiziger-hotelverblijf/cases',
              { caseRef: s.item.caseRef, data: hotelData },
              p.auth,
            ),
          );
          expect([200, 201]).toContain(again.status);
          // A start is idempotent on caseRef: 200 means it existed before, 201 that it did not.
          const existedBefore = again.status === 200;
          if (first && isAccepted(first) && !existedBefore) lost += 1;
          if (first?.status === 'refused' && existedBefore) refusedButApplied += 1;
          if (first?.status === 'reset' && existedBefore) resetButApplied += 1;
          // Settled: in its first waiting step (the webhooks it implies are known then).
          const state = await waitFor(
            `case ${again.body.caseId} in its first step`,
            async () => {
              const res = await untilAnswered(() => api(url, 'GET', `/cases/${again.body.caseId}`, undefined, p.auth));
              return res.status === 200 && typeof res.body.currentStep === 'string' && res;
            },
            bound(60_000),
            250,
          );
          states.set(again.body.caseId as string, state.body);
          const startedEntries = (state.body.history as Array<{ type: string }>).filter(
            (h) => h.type === 'case-started',
          ).length;
          if (startedEntries !== 1) duplicated += 1;
        });

        // A publication is one transaction: published with its approval and publication in the audit
        // trail, or still in review with neither. An answered 200 is published; a refused one is not.
        const publication = { published: 0, inReview: 0, half: 0, lostPublish: 0, refusedButPublished: 0 };
        for (const s of publishes) {
          const first = s.attempts[0] as Attempt;
          const version = await api(url, 'GET', `/rulesets/${s.item.key}/versions/1`, undefined, approver.headers);
          expect(version.status).toBe(200);
          const audit = await auditOf(url, admin, s.item.key);
          const published = version.body.status === 'published';
          const whole = published
            ? audit['version.approve'] === 1 &&
              audit['version.publish'] === 1 &&
              version.body.reviewedBy !== null &&
              version.body.effectiveFrom !== null &&
              version.body.publishedAt !== null
            : version.body.status === 'in_review' &&
              !audit['version.approve'] &&
              !audit['version.publish'] &&
              version.body.reviewedBy === null &&
              version.body.publishedAt === null;
          if (!whole) {
            publication.half += 1;
            console.log('half publication', s.item.key, version.body, audit, s.attempts);
          }
          if (published) publication.published += 1;
          else publication.inReview += 1;
          if (isAccepted(first) && !published) publication.lostPublish += 1;
          if (first.status === 'refused' && published) publication.refusedButPublished += 1;
          // After the restart the state is usable: what is in review can be published, what is published cannot be again.
          const again = await api(
            url,
            'POST',
            `/rulesets/${s.item.key}/versions/1/approve`,
            { comment: 'na herstart' },
            approver.headers,
          );
          expect({ key: s.item.key, status: again.status, code: again.body?.error?.code }).toEqual(
            published
              ? { key: s.item.key, status: 409, code: 'INVALID_TRANSITION' }
              : { key: s.item.key, status: 200, code: undefined },
          );
        }
        // Webhooks: every case.started and case.step-entered the histories imply reached the receiver
        // (at least once, one stable id), also those whose delivery the SIGTERM cut off.
        const webhooks = await verifyWebhooks(readStore(p.env.DATA_DIR as string), watch, states, bound(180_000));
        const figures = {
          starts: STARTS,
          acceptedBeforeExit: starts.filter((s) => s.attempts.some(isAccepted)).length,
          refusedConnection: starts.filter((s) => s.attempts[0]?.status === 'refused').length,
          resetConnection: starts.filter((s) => s.attempts[0]?.status === 'reset').length,
          resetButApplied,
          lost,
          duplicated,
          refusedButApplied,
          publishes: PUBLISHES,
          publishesAnswered200: publishes.filter((s) => s.attempts.some(isAccepted)).length,
          publishesRefusedConnection: publishes.filter((s) => s.attempts[0]?.status === 'refused').length,
          publishesReset: publishes.filter((s) => s.attempts[0]?.status === 'reset').length,
          ...publication,
          ...webhooks,
          stopMs,
          phasesMs: { started: startedMs, prepared: preparedMs, restart: restartMs, total: Date.now() - t0 },
          statuses: Object.fromEntries(
            [...new Set(all.map((a) => String(a.status)))].map((k) => [
              k,
              all.filter((a) => String(a.status) === k).length,
            ]),
          ),
        };
        recordFigures('api-sigterm-during-starts', figures);
        expect(figures).toMatchObject({
          lost: 0,
          duplicated: 0,
          refusedButApplied: 0,
          half: 0,
          lostPublish: 0,
          refusedButPublished: 0,
          webhooksLost: 0,
          webhookIdMismatch: 0,
        });
        expect(second.output()).not.toMatch(/unhandled error|uncaught|"level":50/i);
      } finally {
        if (p.proc.child.exitCode === null) await p.proc.stop('SIGTERM');
        if (second) expect(await second.stop('SIGTERM')).toBe(0);
        await watch?.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
