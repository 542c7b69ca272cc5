import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { handToZgwSync } from '../../services/zgw/zgw-sync-start';
import { listZgwWrites } from '../../services/zgw/zgw-sync-store';
import type { PublishedCaseEvent } from '../../workflows/case-event';
import { zgwSyncWorkflowId, type ZgwRetryPolicy, type ZgwSyncResult } from '../../workflows/zgw-sync-input';
import type { CaseState } from '../../workflows/case-state';
import { createTestStore, type TestStore } from '../support/postgres';
import { createRecordingWorker, createTimeSkippingEnv } from '../support/temporal';
import { buildCaseView } from '../../services/monitor/case-view';
import { saveZgwSettings } from '../../services/zgw/zgw-settings';
import { CANCELLED_TOELICHTING } from '../../services/zgw/zgw-write-back';
import {
  createFakeZgw,
  FAKE_BASES,
  FAKE_LINK,
  fakeZgwWriteBack,
  hotelCancelledEvents,
  hotelCaseEvents,
} from '../support/zgw-fake';
import { hotelDefinition } from '../support/factories';

jest.setTimeout(120_000);

const TENANT = 'GM0363';
const PROCESS = 'nareiziger-hotelverblijf';
const CAT = FAKE_BASES.catalogi;
const LINK = FAKE_LINK;
/** Production's policy shape, in seconds (the test server skips the waits). */
const FAST: Partial<ZgwRetryPolicy> = { initialIntervalMs: 1_000, maximumIntervalMs: 2_000, maximumAttempts: 3 };

let seq = 0;
const newCaseId = () => `${TENANT}-${PROCESS}-${(++seq).toString(16).padStart(24, '0')}`;
const caseEvents = hotelCaseEvents;

describe('ZGW sync workflow (time-skipping test server, SQLite store)', () => {
  let env: TestWorkflowEnvironment;
  let t: TestStore;
  let worker: Worker;
  let running: Promise<void>;
  const fake = createFakeZgw();
  const caseRefs = new Map<string, string>();
  const taskQueue = 'zgw-sync-test';

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    t = await createTestStore('sqlite');
    const zgw = await fakeZgwWriteBack(t.store, fake, { caseRefOf: (caseId) => caseRefs.get(caseId) });
    ({ worker } = await createRecordingWorker(env, taskQueue, {}, { zgw }));
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await t?.dispose();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  const hand = (event: PublishedCaseEvent & { id: string }) =>
    handToZgwSync({ client: env.client, taskQueue, retry: FAST }, [PROCESS], event);
  const runAll = async (events: Array<PublishedCaseEvent & { id: string }>): Promise<ZgwSyncResult> => {
    for (const e of events) await hand(e);
    return env.client.workflow.getHandle(zgwSyncWorkflowId(events[0]!.caseId)).result() as Promise<ZgwSyncResult>;
  };

  it('creates the zaak, sets the mapped status, registers the besluit with its PDF linked to zaak and besluit, and closes the zaak', async () => {
    const caseId = newCaseId();
    const result = await runAll(caseEvents(caseId));

    expect(fake.posts()).toEqual([
      'zaken',
      'statussen',
      'besluiten',
      'enkelvoudiginformatieobjecten',
      'besluitinformatieobjecten',
      'zaakinformatieobjecten',
      'resultaten',
      'statussen',
    ]);
    const [zaak, status, besluit, document, , , resultaat, eind] = fake.requests.map((r) => r.body!);
    expect(zaak).toEqual({
      zaaktype: LINK.zaaktype,
      bronorganisatie: '002220647',
      verantwoordelijkeOrganisatie: '002220647',
      startdatum: '2026-11-30', // 23:30 UTC is the 30th in the Netherlands
      omschrijving: `Doorstroom: ${PROCESS}`,
    });
    expect(status).toEqual({
      zaak: result.zaakUrl,
      statustype: `${CAT}/statustypen/1`,
      datumStatusGezet: '2026-11-30T08:00:00.000Z',
    });
    expect(besluit).toMatchObject({ besluittype: LINK.besluittype, datum: '2026-11-30', zaak: result.zaakUrl });
    expect(document).toMatchObject({
      informatieobjecttype: LINK.informatieobjecttype,
      formaat: 'application/pdf',
      inhoud: Buffer.from('%PDF-1.7\n%besluit\n').toString('base64'),
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
      indicatieGebruiksrecht: false,
    });
    expect(resultaat).toEqual({ zaak: result.zaakUrl, resultaattype: LINK.resultaattype });
    expect(eind).toMatchObject({ zaak: result.zaakUrl, statustype: LINK.eindstatustype });
    expect(fake.requests.every((r) => r.authorization?.startsWith('Bearer ey'))).toBe(true);
    expect(result).toMatchObject({ processed: 5, failed: [] });

    const writes = await listZgwWrites(t.store.db, TENANT, caseId);
    expect(writes.map((w) => [w.kind, w.state])).toEqual(
      expect.arrayContaining([
        ['zaak-created', 'done'],
        ['status-set', 'done'],
        ['besluit-registered', 'done'],
        ['document-stored', 'done'],
        ['resultaat-set', 'done'],
        ['zaak-closed', 'done'],
      ]),
    );
    const audit = await t.store.db.selectFrom('audit_events').selectAll().where('target_id', '=', caseId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'zgw.besluit-registered',
        'zgw.document-linked',
        'zgw.document-linked',
        'zgw.document-stored',
        'zgw.resultaat-set',
        'zgw.status-set',
        'zgw.zaak-closed',
        'zgw.zaak-created',
      ].sort(),
    );
    // References only: no PDF bytes, no reference of the case, no names.
    expect(JSON.stringify(audit)).not.toMatch(/dossier-2026|JVBER|Utrecht/);
  });

  it('links the zaak the case came from (caseRef zgw-<uuid>) after reading it, and uses the outcome’s own resultaattype', async () => {
    const caseId = newCaseId();
    const uuid = 'd4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1';
    caseRefs.set(caseId, `zgw-${uuid}`);
    fake.addZaak(uuid);
    const result = await runAll(caseEvents(caseId, 'beeindigd'));
    expect(fake.requests[0]).toMatchObject({ method: 'GET', url: `${FAKE_BASES.zaken}/zaken/${uuid}` });
    expect(fake.posts()).not.toContain('zaken');
    expect(result.zaakUrl).toBe(`${FAKE_BASES.zaken}/zaken/${uuid}`);
    expect(fake.requests.find((r) => r.url.endsWith('/resultaten'))?.body).toEqual({
      zaak: result.zaakUrl,
      resultaattype: `${CAT}/resultaattypen/9`,
    });
    const writes = await listZgwWrites(t.store.db, TENANT, caseId);
    expect(writes.find((w) => w.key === 'zaak')).toMatchObject({ kind: 'zaak-linked', state: 'done' });
  });

  it('retries an unreachable API (503) with the activity retry policy and creates the status once', async () => {
    const caseId = newCaseId();
    fake.failNext('/statussen', 503);
    fake.failNext('/statussen', 503);
    const result = await runAll(caseEvents(caseId));
    expect(result.failed).toEqual([]);
    const statusPosts = fake.requests.filter((r) => r.url.endsWith('/statussen'));
    expect(statusPosts).toHaveLength(4); // three attempts for the step, one eindstatus
    const writes = await listZgwWrites(t.store.db, TENANT, caseId);
    expect(writes.find((w) => w.kind === 'status-set')).toMatchObject({ state: 'done', attempts: 3, errorCode: null });
  });

  it('records a write that keeps failing as failing with its code, and goes on with the next events: the case is never held up', async () => {
    const caseId = newCaseId();
    fake.failNext('/besluiten', 400); // a refusal: not retried
    for (let i = 0; i < 3; i++) fake.failNext('/resultaten', 503); // unreachable for all three attempts
    const result = await runAll(caseEvents(caseId));
    expect(result.failed.map((f) => f.eventId)).toEqual([`${caseId}:1:3:besluit`, `${caseId}:1:4:done`]);
    expect(fake.requests.filter((r) => r.url.endsWith('/besluiten'))).toHaveLength(1);
    expect(fake.requests.filter((r) => r.url.endsWith('/resultaten'))).toHaveLength(3);
    const writes = await listZgwWrites(t.store.db, TENANT, caseId);
    expect(writes.find((w) => w.kind === 'besluit-registered')).toMatchObject({
      state: 'failing',
      errorCode: 'ZGW_REFUSED',
      attempts: 1,
    });
    expect(writes.find((w) => w.kind === 'resultaat-set')).toMatchObject({
      state: 'failing',
      errorCode: 'ZGW_UNAVAILABLE',
      attempts: 3,
    });
    expect(writes.find((w) => w.kind === 'zaak-closed')).toBeUndefined();
  });

  it('is idempotent: an event signalled twice is written once, and replaying the whole case in a new run writes nothing', async () => {
    const caseId = newCaseId();
    const events = caseEvents(caseId);
    await hand(events[0]!);
    await hand(events[0]!);
    await runAll(events);
    expect(fake.posts().filter((p) => p === 'zaken')).toHaveLength(1);
    expect(fake.posts()).toHaveLength(8);

    fake.requests.length = 0;
    const again = await runAll(events); // the sync ended; signalWithStart begins a new run
    expect(fake.posts()).toEqual([]);
    expect(again.zaakUrl).toBeDefined();
  });

  it('does nothing for a process without a link, and never starts a sync for it', async () => {
    const other = { ...caseEvents(newCaseId())[0]!, processId: 'inburgering' };
    expect(await handToZgwSync({ client: env.client, taskQueue }, [PROCESS], other)).toBeUndefined();
    expect(fake.requests).toEqual([]);
  });
  it('a cancelled case closes its zaak: the resultaattype for a cancelled case with a fixed toelichting, then the eindstatus, and the sync ends', async () => {
    const caseId = newCaseId();
    const result = await runAll(hotelCancelledEvents(caseId));
    expect(result).toMatchObject({ processed: 4, failed: [] });
    expect(fake.posts()).toEqual(['zaken', 'statussen', 'resultaten', 'statussen']);
    const [, , resultaat, eind] = fake.requests.map((r) => r.body!);
    expect(resultaat).toEqual({
      zaak: result.zaakUrl,
      resultaattype: LINK.cancelledResultaattype,
      toelichting: CANCELLED_TOELICHTING,
    });
    expect(eind).toEqual({
      zaak: result.zaakUrl,
      statustype: LINK.eindstatustype,
      datumStatusGezet: '2026-11-30T10:00:00.000Z',
    });
    const writes = await listZgwWrites(t.store.db, TENANT, caseId);
    expect(writes.filter((w) => w.key === 'resultaat' || w.key === 'eindstatus').map((w) => [w.kind, w.state])).toEqual(
      [
        ['resultaat-set', 'done'],
        ['zaak-cancelled', 'done'],
      ],
    );
    const audit = await t.store.db.selectFrom('audit_events').selectAll().where('target_id', '=', caseId).execute();
    expect(audit.map((a) => a.action)).toContain('zgw.zaak-cancelled');
    // The timeline says it in words.
    const view = buildCaseView(cancelledState(caseId), hotelDefinition(), 'cancelled', false, writes);
    expect(view.timeline.map((e) => e.text.nl)).toContain('Zaak afgesloten in het zaaksysteem als geannuleerd');
  });

  it('without a resultaattype for a cancelled case the zaak stays open, and the timeline says so and why (once, in Dutch)', async () => {
    const caseId = newCaseId();
    const { cancelledResultaattype: _none, ...withoutCancel } = LINK;
    await relink(withoutCancel);
    try {
      const events = hotelCancelledEvents(caseId);
      const result = await runAll(events);
      expect(result).toMatchObject({ processed: 4, failed: [] });
      expect(fake.posts()).toEqual(['zaken', 'statussen']);
      // The event again (a new run): still nothing sent, still one note.
      await runAll([events.at(-1)!]);
      expect(fake.posts()).toEqual(['zaken', 'statussen']);
      const writes = await listZgwWrites(t.store.db, TENANT, caseId);
      expect(writes.filter((w) => w.kind === 'zaak-left-open')).toEqual([
        expect.objectContaining({ key: 'zaak-open', state: 'done', url: null }),
      ]);
      const view = buildCaseView(cancelledState(caseId), hotelDefinition(), 'cancelled', false, writes);
      expect(view.timeline.map((e) => [e.type, e.text.nl])).toContainEqual([
        'zgw-zaak-left-open',
        'Zaak blijft open in het zaaksysteem: voor een geannuleerde zaak is geen resultaattype ingesteld (Beheer → ZGW-koppeling)',
      ]);
      const audit = await t.store.db.selectFrom('audit_events').selectAll().where('target_id', '=', caseId).execute();
      expect(audit.filter((a) => a.action === 'zgw.zaak-left-open')).toHaveLength(1);
    } finally {
      await relink(LINK);
    }
  });

  /** Saves the municipality's link anew (the write-back reads it per write). */
  async function relink(link: Record<string, unknown>): Promise<void> {
    await saveZgwSettings(
      { store: t.store, box: t.store.secrets },
      TENANT,
      {
        zakenUrl: FAKE_BASES.zaken,
        catalogiUrl: FAKE_BASES.catalogi,
        besluitenUrl: FAKE_BASES.besluiten,
        documentenUrl: FAKE_BASES.documenten,
        clientId: 'doorstroom-gm0363',
        bronorganisatie: '002220647',
        processLinks: [link as typeof LINK],
        enabled: true,
      },
      { kind: 'user', id: 'beheerder' },
      'test',
      new Date().toISOString(),
    );
  }
});

/** The case's own state as the monitor reads it: started, waiting for its hotel, cancelled. */
function cancelledState(caseId: string): CaseState {
  return {
    caseId,
    tenant: TENANT,
    caseRef: 'dossier-2026-0042',
    processId: PROCESS,
    processVersion: 1,
    status: 'cancelled',
    currentStep: 'wacht-op-hotelplaatsing',
    expectedEvents: [],
    data: {},
    variables: {},
    dates: {},
    deadlines: [],
    history: [
      { at: '2026-11-29T23:30:00.000Z', type: 'case-started' },
      { at: '2026-11-30T08:00:00.000Z', type: 'step-entered', nodeId: 'wacht-op-hotelplaatsing' },
      { at: '2026-11-30T10:00:00.000Z', type: 'cancelled', nodeId: 'wacht-op-hotelplaatsing' },
    ],
    decisions: [],
    children: [],
    placements: [],
    runs: 0,
    historyDropped: 0,
  };
}
