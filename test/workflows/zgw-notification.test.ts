import { randomBytes } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import type { MappingAction, NotificatieBody } from '../../contract/notificaties';
import { caseIdFor } from '../../services/cases/case-id';
import { builtInDefinitionSource } from '../../services/cases/definition-source';
import { createCaseService, type CaseService } from '../../services/cases/case-service';
import type { NotificatieOutcomeRecord } from '../../services/notificaties/notificatie-log';
import { notificationKey, notificationWorkflowId } from '../../services/notificaties/notification-key';
import { createNotificationWorkflows } from '../../services/notificaties/notification-workflows';
import { createZgwClient } from '../../services/zgw/zgw-client';
import { createActivityRegistry } from '../../worker/activity-registry';
import { createZgwNotificationActivities } from '../../worker/activities/zgw-notification';
import { caseStateQuery } from '../../workflows/messages';
import type { ZgwNotificationOutcome } from '../../workflows/zgw-notification-input';
import { testActivityDeps } from '../support/activity-deps';
import { startFakeZgw, STATUSTYPE_OTHER, type FakeZgw } from '../support/fake-zgw';
import { uniqueId } from '../support/factories';
import { createTimeSkippingEnv, waitForStep, workflowBundle } from '../support/temporal';

jest.setTimeout(120_000);

const TENANT = 'GM0363';
const PROCESS = 'nareiziger-hotelverblijf';

/** The mapping of the issue: the case's data from the zaak and its eigenschappen, not from kenmerken. */
const startAction: MappingAction = {
  kind: 'start-case',
  processId: PROCESS,
  data: {
    municipality: { value: TENANT },
    householdSize: { from: 'eigenschap:huishoudgrootte', as: 'integer' },
    registrationDate: { from: 'zaak.startdatum' },
  },
};
const hotelAction = (statustype: string): MappingAction => ({
  kind: 'send-event',
  processId: PROCESS,
  eventName: 'hotel-geplaatst',
  payload: { placementDate: { from: 'status.datumStatusGezet' }, hotelMunicipality: { value: 'GM0344' } },
  when: { 'status.statustype': [statustype] },
});

describe('zgwNotification: the zaak behind a notification read by a workflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let zgw: FakeZgw;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueId('zgw-notificatie');
  const idSecret = randomBytes(32);
  const recorded: Array<{ tenant: string; key: string; outcome: NotificatieOutcomeRecord }> = [];
  const caseIdOf = (t: string, p: string, ref: string) => caseIdFor(idSecret, t, p, ref);
  let cases: CaseService;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    zgw = await startFakeZgw();
    cases = createCaseService({
      client: env.client,
      namespace: env.namespace ?? 'default',
      taskQueue,
      idSecret,
      definitions: builtInDefinitionSource,
    });
    const activities = {
      ...createActivityRegistry(testActivityDeps()),
      ...createZgwNotificationActivities({
        notificaties: {
          // Plain fetch over real HTTP to the fake Zaken API (the guard is zgw-connection's concern).
          zgwClientFor: async () =>
            createZgwClient({ bases: zgw.bases, clientId: 'doorstroom-gm0363', secret: 'geheim-0363' }, fetch),
          cases: () => cases,
          caseIdOf,
          recordOutcome: async (tenant, key, outcome) => void recorded.push({ tenant, key, outcome }),
        },
      }),
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      workflowBundle: await workflowBundle(require.resolve('./support/zgw-notification-workflows')),
      activities,
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await zgw?.stop();
    await env?.teardown();
  });
  beforeEach(() => {
    zgw.seen.length = 0;
    recorded.length = 0;
  });

  /** The notification of the issue, as Open Notificaties sends it when the zaak is created. */
  const zaakCreated = (aanmaakdatum = new Date().toISOString()): NotificatieBody => ({
    kanaal: 'zaken',
    hoofdObject: zgw.zaakUrl,
    resource: 'zaak',
    resourceUrl: zgw.zaakUrl,
    actie: 'create',
    aanmaakdatum,
    kenmerken: {
      bronorganisatie: '002220647',
      zaaktype: `${zgw.bases.catalogi}/zaaktypen/0119dd4e`,
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
    },
  });
  const statusCreated = (): NotificatieBody => ({
    ...zaakCreated(),
    resource: 'status',
    resourceUrl: zgw.statusUrl,
  });

  const fast = { initialIntervalMs: 1_000, backoffCoefficient: 2, maximumIntervalMs: 10_000, maximumAttempts: 5 };
  async function run(
    n: NotificatieBody,
    actions: MappingAction[],
  ): Promise<{ outcome: ZgwNotificationOutcome; id: string }> {
    const key = notificationKey(TENANT, n);
    const starter = createNotificationWorkflows({ client: env.client, taskQueue, retry: fast });
    const candidates = actions.map((action, i) => ({ mappingId: `00000000-0000-4000-8000-00000000000${i}`, action }));
    expect(await starter.start({ tenant: TENANT, key, notification: n, candidates })).toEqual({ duplicate: false });
    // The same notification again is the same workflow.
    expect(await starter.start({ tenant: TENANT, key, notification: n, candidates })).toEqual({ duplicate: true });
    const id = notificationWorkflowId(TENANT, key);
    expect(id).toMatch(/^zgw-notificatie-GM0363-[0-9a-f]{40}$/);
    // A plain client: waiting on it does not skip time, so the started case's own timers stay where they are.
    const plain = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
    const outcome = (await plain.workflow.getHandle(id).result()) as ZgwNotificationOutcome;
    expect(recorded).toEqual([expect.objectContaining({ tenant: TENANT, key })]);
    return { outcome, id };
  }

  const caseRef = `zgw-${'d4d8b0c2-2f6e-4c8a-9a51-8f3a6f0b7c11'}`;
  const caseId = () => caseIdOf(TENANT, PROCESS, caseRef);

  it('a zaak that cannot be read (503) is read again, and the case starts once it answers', async () => {
    zgw.fail('/zaken/api/v1/zaken/', 503, 2);
    const { outcome } = await run(zaakCreated(), [startAction]);
    expect(outcome).toEqual({ result: 'case-started', mappingId: expect.any(String), caseId: caseId() });
    expect(zgw.seen.filter((s) => s === `GET /zaken/api/v1/zaken/d4d8b0c2-2f6e-4c8a-9a51-8f3a6f0b7c11`)).toHaveLength(
      3,
    );
  });

  it('starts the case from the zaak: startdatum and the eigenschap huishoudgrootte, converted; a second zaak notification finds it', async () => {
    // The case started by the previous test (same zaak): this notification (another aanmaakdatum) finds it.
    const handle = env.client.workflow.getHandle(caseId());
    const state = await waitForStep(handle, 'wacht-op-hotelplaatsing');
    expect(state.data).toMatchObject({ municipality: TENANT, householdSize: 4, registrationDate: '2026-11-29' });
    const { outcome, id } = await run(zaakCreated('2026-11-29T18:00:00Z'), [startAction]);
    expect(outcome).toMatchObject({ result: 'case-exists', caseId: caseId() });
    expect(zgw.seen).toEqual([
      'GET /zaken/api/v1/zaken/d4d8b0c2-2f6e-4c8a-9a51-8f3a6f0b7c11',
      'GET /zaken/api/v1/zaken/d4d8b0c2-2f6e-4c8a-9a51-8f3a6f0b7c11/zaakeigenschappen',
      'GET /zaken/api/v1/statussen/5a5d5fe1-7a0c-4b42-8d1d-6c3b1c1f3a11',
      'GET /zaken/api/v1/rollen',
    ]);
    // The history keeps what the mapping reads, never the rol's BSN or another eigenschap's name.
    const history = historyToJSON(await env.client.workflow.getHandle(id).fetchHistory());
    const payloads = decodeAll(history);
    expect(payloads).toContain('huishoudgrootte');
    for (const secret of ['999993653', 'Jansen', 'naam referent']) expect(history + payloads).not.toContain(secret);
  });

  it('a status notification of the mapped statustype sends the event, with the notification as idempotency key', async () => {
    const n = statusCreated();
    const { outcome } = await run(n, [hotelAction(zgw.statustype)]);
    expect(outcome).toEqual({ result: 'event-sent', mappingId: expect.any(String), caseId: caseId() });
    const state = await env.client.workflow.getHandle(caseId()).query(caseStateQuery);
    expect(state.currentStep).toBe('coa-betaalde-periode');
    expect(state.dates.hotelStart).toBe('2026-11-30T00:00:00.000Z');
    // A retried attempt sends with the same update id: answered with the first result, applied once
    // (a second hotel-geplaatst would be refused here as not expected).
    const again = await cases.sendEvent(
      TENANT,
      caseId(),
      { name: 'hotel-geplaatst', payload: { placementDate: '2026-11-30', hotelMunicipality: 'GM0344' } },
      { updateId: `notificatie-${notificationKey(TENANT, n)}` },
    );
    expect(again).toMatchObject({ accepted: true, event: 'hotel-geplaatst', currentStep: 'coa-betaalde-periode' });
    const after = await env.client.workflow.getHandle(caseId()).query(caseStateQuery);
    expect(after.history.filter((h) => h.event === 'hotel-geplaatst')).toHaveLength(1);
  });

  it('a status notification of another statustype is ignored, recorded with its reason', async () => {
    const { outcome } = await run(statusCreated(), [hotelAction(`${zgw.bases.catalogi}/${STATUSTYPE_OTHER}`)]);
    expect(outcome).toEqual({
      result: 'ignored',
      mappingId: expect.any(String),
      caseId: null,
      ignoreReason: 'conditions',
    });
    expect(recorded[0]!.outcome).toMatchObject({ result: 'ignored', ignoreReason: 'conditions' });
  });

  it('a zaak the Zaken API does not know (404) ends at once as failed with its code, not retried', async () => {
    zgw.fail('/zaken/api/v1/zaken/', 404, 1);
    const { outcome } = await run(zaakCreated(), [startAction]);
    expect(outcome).toEqual({
      result: 'failed',
      mappingId: expect.any(String),
      caseId: null,
      errorCode: 'ZGW_REFUSED',
      httpStatus: 404,
    });
    expect(zgw.seen).toEqual(['GET /zaken/api/v1/zaken/d4d8b0c2-2f6e-4c8a-9a51-8f3a6f0b7c11']);
    expect(recorded[0]!.outcome).toMatchObject({ result: 'failed', errorCode: 'ZGW_REFUSED', httpStatus: 404 });
  });
});

/** Temporal payloads are base64 in the history's JSON: decode every `data` field to search it. */
function decodeAll(json: string): string {
  const out: string[] = [];
  for (const m of json.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g))
    out.push(Buffer.from(m[1]!, 'base64').toString('utf8'));
  return out.join('\n');
}
