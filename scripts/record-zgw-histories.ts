import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { handToZgwSync } from '../services/zgw/zgw-sync-start';
import { zgwSyncWorkflowId } from '../workflows/zgw-sync-input';
import { createTestStore } from '../test/support/postgres';
import { createRecordingWorker, createTimeSkippingEnv } from '../test/support/temporal';
import { createFakeZgw, fakeZgwWriteBack, hotelCaseEvents } from '../test/support/zgw-fake';

/**
 * Records the ZGW sync workflow's replay fixtures in test/fixtures/histories-zgw (the interpreter's
 * are in test/fixtures/histories). Like scripts/record-histories.ts it never overwrites a file: a
 * fixture exists to prove running syncs — which live as long as their case — keep replaying.
 */
async function main(): Promise<void> {
  const out = path.join(__dirname, '..', 'test', 'fixtures', 'histories-zgw');
  mkdirSync(out, { recursive: true });
  const env = await createTimeSkippingEnv();
  const t = await createTestStore('sqlite');
  const fake = createFakeZgw();
  const taskQueue = 'record-zgw';
  const zgw = await fakeZgwWriteBack(t.store, fake, { caseRefOf: () => undefined });
  const { worker } = await createRecordingWorker(env, taskQueue, {}, { zgw });
  const scenarios = [{ file: 'zgw-sync-v1-gehuisvest', caseId: 'GM0363-nareiziger-hotelverblijf-fixture-zgw-1' }];
  try {
    await worker.runUntil(async () => {
      for (const s of scenarios) {
        const file = path.join(out, `${s.file}.json`);
        if (existsSync(file)) {
          console.log(`kept ${file}`);
          continue;
        }
        const retry = { initialIntervalMs: 1_000, maximumIntervalMs: 2_000, maximumAttempts: 3 };
        for (const e of hotelCaseEvents(s.caseId))
          await handToZgwSync({ client: env.client, taskQueue, retry }, ['nareiziger-hotelverblijf'], e);
        const handle = env.client.workflow.getHandle(zgwSyncWorkflowId(s.caseId));
        await handle.result();
        writeFileSync(file, historyToJSON(await handle.fetchHistory()));
        console.log(`recorded ${file}`);
      }
    });
  } finally {
    await env.teardown();
    await t.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
