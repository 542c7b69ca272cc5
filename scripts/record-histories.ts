import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { processInterpreter } from '../workflows/interpreter';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../workflows/messages';
import { createRecordingWorker, createTimeSkippingEnv } from '../test/support/temporal';
import { dateOf, hotelCaseInput } from '../test/support/factories';

/**
 * Records the replay fixtures in test/fixtures/histories. Run it only to ADD a fixture for new
 * behaviour; never re-record an existing one to make a replay test pass — that test exists to
 * prove old cases keep replaying after a code change (use patched() instead).
 */
async function main(): Promise<void> {
  const env = await createTimeSkippingEnv();
  const { worker } = await createRecordingWorker(env, 'record');
  const out = path.join(__dirname, '..', 'test', 'fixtures', 'histories');
  await worker.runUntil(async () => {
    for (const scenario of ['gehuisvest', 'har-overdracht'] as const) {
      const workflowId = `fixture-hotelverblijf-${scenario}`;
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, { taskQueue: 'record', workflowId, args: [hotelCaseInput({ caseRef: `ZAAK-FIXTURE-${scenario}` })] });
      await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'hotel-geplaatst', payload: { placementDate: dateOf(await env.currentTimeMs()), hotelMunicipality: 'GM0363' } }] });
      if (scenario === 'gehuisvest') {
        await env.sleep('100 days');
        await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: dateOf(await env.currentTimeMs()) } }] });
      }
      await handle.result();
      const file = path.join(out, `nareiziger-hotelverblijf-v1-${scenario}.json`);
      writeFileSync(file, historyToJSON(await handle.fetchHistory()));
      console.log(`recorded ${file}`);
    }
  });
  await env.teardown();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
