import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { startDevServer, type DevServer } from '../../../platform/temporal/dev-server';
import { freePort } from '../../../platform/temporal/free-port';
import { registerSearchAttributes } from '../../../platform/temporal/register-search-attributes';
import { TemporalUnavailableError } from '../../../platform/errors';
import { createCaseService } from '../../../services/cases/case-service';
import { caseIdFor } from '../../../services/cases/case-id';
import { isWorkflowTaskFailing } from '../../../services/cases/workflow-task-retry';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../../../workflows/messages';
import { SA_TENANT } from '../../../workflows/search-attributes';
import { builtInDefinitionSource } from '../../../services/cases/definition-source';
import { tempDataDir, TEST_TENANT } from '../../support/runtime';
import { uniqueId } from '../../support/factories';
import { silentLog } from '../../support/temporal';

// Issue 13: under load a placement answered 500 INTERNAL. The product's error line: "Workflow Update
// failed: 9 FAILED_PRECONDITION: Unable to perform workflow execution update due to Workflow Task in
// failed state" — a case whose workflow task timed out is refused updates (and queries) until the
// next attempt completes. A real dev server, a worker whose task fails, then one whose task completes.
describe('a case whose workflow task is being retried', () => {
  let dev: DevServer;
  let connection: Connection;
  let native: NativeConnection;
  let client: Client;
  const taskQueue = `task-retry-${randomBytes(4).toString('hex')}`;
  const idSecret = randomBytes(32);
  const bundle = (file: string) => path.join(__dirname, 'support', file);

  beforeAll(async () => {
    dev = await startDevServer({
      cliPath: process.env.TEMPORAL_CLI_PATH,
      dataDir: path.join(tempDataDir(), 'temporal'),
      port: await freePort(),
      namespace: 'default',
      log: silentLog,
    });
    connection = await Connection.connect({ address: dev.address });
    native = await NativeConnection.connect({ address: dev.address });
    await registerSearchAttributes(connection, 'default');
    client = new Client({ connection });
  }, 180_000);
  afterAll(async () => {
    await native?.close();
    await connection?.close();
    await dev?.stop();
  });

  const cases = () =>
    createCaseService({ client, namespace: 'default', taskQueue, idSecret, definitions: builtInDefinitionSource });

  /** A case started on a worker whose task fails; resolves once its task is on a retry (attempt 2 or later). */
  async function failingCase(): Promise<string> {
    const caseId = caseIdFor(idSecret, TEST_TENANT, 'proef', uniqueId('ZAAK'));
    const handle = await client.workflow.start(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: caseId,
      args: [],
      // A short task timeout: the task given up by the failing worker comes back to the next one quickly.
      workflowTaskTimeout: '2s',
      typedSearchAttributes: [{ key: SA_TENANT, value: TEST_TENANT }],
    });
    const limit = Date.now() + 60_000;
    for (;;) {
      const attempt = (await handle.describe()).raw.pendingWorkflowTask?.attempt ?? 0;
      if (attempt >= 2) return caseId;
      if (Date.now() > limit) throw new Error(`the case's task was not retried within 60 s (attempt ${attempt})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('an event answers 503 TEMPORAL_UNAVAILABLE with Retry-After (nothing applied), not 500', async () => {
    const failing = await Worker.create({
      connection: native,
      taskQueue,
      workflowsPath: bundle('failing-task-workflow.ts'),
    });
    await failing.runUntil(async () => {
      const caseId = await failingCase();
      // The server's refusal, as the product met it under load.
      const raw = await client.workflow
        .getHandle(caseId)
        .executeUpdate(sendEventUpdate, { args: [{ name: 'hotel-geplaatst', payload: {} }] })
        .catch((e: unknown) => e);
      expect(isWorkflowTaskFailing(raw)).toBe(true);
      const event = await cases()
        .sendEvent(TEST_TENANT, caseId, { name: 'hotel-geplaatst', payload: {} })
        .catch((e: unknown) => e);
      expect(event).toBeInstanceOf(TemporalUnavailableError);
      expect(event).toMatchObject({ status: 503, code: 'TEMPORAL_UNAVAILABLE', retryAfterSeconds: 5 });
    });
  }, 240_000);

  it('an event sent while the task fails goes through once a worker completes it, and is applied once', async () => {
    const failing = await Worker.create({
      connection: native,
      taskQueue,
      workflowsPath: bundle('failing-task-workflow.ts'),
    });
    const caseId = await failing.runUntil(failingCase);
    // Sent while the task fails and before the healthy worker runs: sent again inside the
    // request, and by the caller after a 503 (nothing was applied then).
    const answers: string[] = [];
    const sent = (async () => {
      for (const limit = Date.now() + 120_000; ;) {
        try {
          return await cases().sendEvent(TEST_TENANT, caseId, { name: 'hotel-geplaatst', payload: {} });
        } catch (err) {
          answers.push((err as { code?: string }).code ?? String(err));
          if (!(err instanceof TemporalUnavailableError) || Date.now() > limit) throw err;
        }
      }
    })();
    const healthy = await Worker.create({
      connection: native,
      taskQueue,
      workflowsPath: bundle('healthy-task-workflow.ts'),
    });
    await healthy.runUntil(async () => {
      await expect(sent).resolves.toMatchObject({ accepted: true, event: 'hotel-geplaatst' });
      const state = (await cases().get(TEST_TENANT, caseId)) as unknown as { history: Array<{ event?: string }> };
      expect(state.history.filter((h) => h.event === 'hotel-geplaatst')).toHaveLength(1);
      expect(answers.every((a) => a === 'TEMPORAL_UNAVAILABLE')).toBe(true);
    });
  }, 240_000);
});
