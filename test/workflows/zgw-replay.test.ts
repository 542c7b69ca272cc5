import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';
import { zgwSyncWorkflowId } from '../../workflows/zgw-sync-input';

const dir = path.join(__dirname, '..', 'fixtures', 'histories-zgw');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

/** The workflow id a fixture was recorded under (scripts/record-zgw-histories.ts); the workflows do not read it. */
function workflowIdOf(file: string): string {
  if (file.startsWith('zgw-notificatie-')) return `zgw-notificatie-GM0363-${file.replace(/\.json$/, '')}`;
  const n = file.includes('geannuleerd') ? 2 : 1;
  return zgwSyncWorkflowId(`GM0363-nareiziger-hotelverblijf-fixture-zgw-${n}`);
}

// Recorded histories of the ZGW workflows (scripts/record-zgw-histories.ts): the sync workflow runs as
// long as its case, a notification workflow retries for about half an hour, so a change that breaks
// determinism for a running one fails here. Never re-record a fixture to make this pass; use
// patched() instead.
describe('replay of recorded ZGW workflow histories', () => {
  it('has fixtures of both workflows: the sync (completed and cancelled case) and the notification (start and event path)', () => {
    expect(fixtures).toEqual(
      expect.arrayContaining([
        'zgw-sync-v1-gehuisvest.json',
        'zgw-sync-v2-geannuleerd.json',
        'zgw-notificatie-v1-zaak-start-zaak.json',
        'zgw-notificatie-v1-status-stuurt-gebeurtenis.json',
      ]),
    );
  });

  it.each(fixtures)('%s replays without a determinism error', async (file) => {
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Parameters<typeof historyFromJSON>[0];
    const history = historyFromJSON(json);
    const bundle = await workflowBundle(require.resolve('../../workflows/index'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowIdOf(file)),
    ).resolves.toBeUndefined();
  });
});
