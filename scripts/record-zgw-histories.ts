import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { MappingAction, NotificatieBody } from '../contract/notificaties';
import { caseIdFor } from '../services/cases/case-id';
import { createCaseService } from '../services/cases/case-service';
import { builtInDefinitionSource } from '../services/cases/definition-source';
import { notificationKey, notificationWorkflowId } from '../services/notificaties/notification-key';
import { createNotificationWorkflows } from '../services/notificaties/notification-workflows';
import { createZgwClient } from '../services/zgw/zgw-client';
import { handToZgwSync } from '../services/zgw/zgw-sync-start';
import type { PublishedCaseEvent } from '../workflows/case-event';
import type { ZgwNotificationOutcome } from '../workflows/zgw-notification-input';
import { zgwSyncWorkflowId } from '../workflows/zgw-sync-input';
import { startFakeZgw, type FakeZgw } from '../test/support/fake-zgw';
import { createTestStore } from '../test/support/postgres';
import { createRecordingWorker, createTimeSkippingEnv, waitForStep } from '../test/support/temporal';
import { createFakeZgw, fakeZgwWriteBack, hotelCancelledEvents, hotelCaseEvents } from '../test/support/zgw-fake';

/**
 * Records the replay fixtures of the ZGW workflows in test/fixtures/histories-zgw (the
 * interpreter's are in test/fixtures/histories): the sync workflow (it lives as long as its case)
 * and the notification workflow (it retries for about half an hour, so a deploy meets running
 * ones). Like scripts/record-histories.ts it never overwrites a file: a fixture exists to prove
 * that running workflows keep replaying. test/workflows/zgw-replay.test.ts replays them.
 */
const TENANT = 'GM0363';
const PROCESS = 'nareiziger-hotelverblijf';

/** The sync fixtures: the case's events, handed over as the publisher does. */
const syncScenarios: Array<{
  file: string;
  caseId: string;
  events: (caseId: string) => Array<PublishedCaseEvent & { id: string }>;
}> = [
  { file: 'zgw-sync-v1-gehuisvest', caseId: `${TENANT}-${PROCESS}-fixture-zgw-1`, events: (id) => hotelCaseEvents(id) },
  { file: 'zgw-sync-v2-geannuleerd', caseId: `${TENANT}-${PROCESS}-fixture-zgw-2`, events: hotelCancelledEvents },
];

/** The notification fixtures, in this order: the zaak starts the case, then its status moves it. */
const notificationScenarios = (
  zgw: FakeZgw,
): Array<{ file: string; notification: NotificatieBody; action: MappingAction; expect: string }> => {
  const zaakCreated: NotificatieBody = {
    kanaal: 'zaken',
    hoofdObject: zgw.zaakUrl,
    resource: 'zaak',
    resourceUrl: zgw.zaakUrl,
    actie: 'create',
    aanmaakdatum: '2026-11-29T18:00:00Z',
    kenmerken: {
      bronorganisatie: '002220647',
      zaaktype: `${zgw.bases.catalogi}/zaaktypen/0119dd4e`,
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
    },
  };
  return [
    {
      file: 'zgw-notificatie-v1-zaak-start-zaak',
      notification: zaakCreated,
      action: {
        kind: 'start-case',
        processId: PROCESS,
        data: {
          municipality: { value: TENANT },
          householdSize: { from: 'eigenschap:huishoudgrootte', as: 'integer' },
          registrationDate: { from: 'zaak.startdatum' },
        },
      },
      expect: 'case-started',
    },
    {
      file: 'zgw-notificatie-v1-status-stuurt-gebeurtenis',
      notification: { ...zaakCreated, resource: 'status', resourceUrl: zgw.statusUrl },
      action: {
        kind: 'send-event',
        processId: PROCESS,
        eventName: 'hotel-geplaatst',
        payload: { placementDate: { from: 'status.datumStatusGezet' }, hotelMunicipality: { value: 'GM0344' } },
        when: { 'status.statustype': [zgw.statustype] },
      },
      expect: 'event-sent',
    },
  ];
};

async function recordSync(env: TestWorkflowEnvironment, out: string, taskQueue: string): Promise<void> {
  for (const s of syncScenarios) {
    const file = path.join(out, `${s.file}.json`);
    if (existsSync(file)) {
      console.log(`kept ${file}`);
      continue;
    }
    const retry = { initialIntervalMs: 1_000, maximumIntervalMs: 2_000, maximumAttempts: 3 };
    for (const e of s.events(s.caseId)) await handToZgwSync({ client: env.client, taskQueue, retry }, [PROCESS], e);
    const handle = env.client.workflow.getHandle(zgwSyncWorkflowId(s.caseId));
    await handle.result();
    writeFileSync(file, historyToJSON(await handle.fetchHistory()));
    console.log(`recorded ${file}`);
  }
}

async function recordNotifications(
  env: TestWorkflowEnvironment,
  out: string,
  taskQueue: string,
  zgw: FakeZgw,
  caseIdOf: (tenant: string, processId: string, caseRef: string) => string,
): Promise<void> {
  const starter = createNotificationWorkflows({
    client: env.client,
    taskQueue,
    retry: { initialIntervalMs: 1_000, backoffCoefficient: 2, maximumIntervalMs: 10_000, maximumAttempts: 5 },
  });
  // A plain client: waiting on it does not skip time, so the started case's own timers stay put.
  const plain = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const caseId = caseIdOf(TENANT, PROCESS, `zgw-${new URL(zgw.zaakUrl).pathname.split('/').pop()!}`);
  for (const s of notificationScenarios(zgw)) {
    const file = path.join(out, `${s.file}.json`);
    if (existsSync(file)) {
      console.log(`kept ${file}`);
      continue;
    }
    const key = notificationKey(TENANT, s.notification);
    const candidates = [{ mappingId: '00000000-0000-4000-8000-000000000001', action: s.action }];
    await starter.start({ tenant: TENANT, key, notification: s.notification, candidates });
    const handle = plain.workflow.getHandle(notificationWorkflowId(TENANT, key));
    const outcome = (await handle.result()) as ZgwNotificationOutcome;
    if (outcome.result !== s.expect) throw new Error(`${s.file}: ${JSON.stringify(outcome)}, expected ${s.expect}`);
    if (s.expect === 'case-started')
      await waitForStep(env.client.workflow.getHandle(caseId), 'wacht-op-hotelplaatsing');
    writeFileSync(file, historyToJSON(await handle.fetchHistory()));
    console.log(`recorded ${file}`);
  }
}

async function main(): Promise<void> {
  const out = path.join(__dirname, '..', 'test', 'fixtures', 'histories-zgw');
  mkdirSync(out, { recursive: true });
  const env = await createTimeSkippingEnv();
  const t = await createTestStore('sqlite');
  const fake = createFakeZgw();
  const zgwHttp = await startFakeZgw();
  const taskQueue = 'record-zgw';
  const idSecret = randomBytes(32);
  const caseIdOf = (tenant: string, processId: string, ref: string) => caseIdFor(idSecret, tenant, processId, ref);
  const cases = createCaseService({
    client: env.client,
    namespace: env.namespace ?? 'default',
    taskQueue,
    idSecret,
    definitions: builtInDefinitionSource,
  });
  const zgw = await fakeZgwWriteBack(t.store, fake, { caseRefOf: () => undefined });
  const { worker } = await createRecordingWorker(
    env,
    taskQueue,
    {},
    {
      zgw,
      notificaties: {
        zgwClientFor: () =>
          Promise.resolve(
            createZgwClient({ bases: zgwHttp.bases, clientId: 'doorstroom-gm0363', secret: 'geheim-0363' }, fetch),
          ),
        cases: () => cases,
        caseIdOf,
        recordOutcome: () => Promise.resolve(),
      },
    },
  );
  try {
    await worker.runUntil(async () => {
      await recordSync(env, out, taskQueue);
      await recordNotifications(env, out, taskQueue, zgwHttp, caseIdOf);
    });
  } finally {
    await zgwHttp.stop();
    await env.teardown();
    await t.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
