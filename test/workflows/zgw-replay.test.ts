import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';
import { zgwSyncWorkflowId } from '../../workflows/zgw-sync-input';

const dir = path.join(__dirname, '..', 'fixtures', 'histories-zgw');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

// Recorded histories of the ZGW sync workflow (scripts/record-zgw-histories.ts): it runs as long as
// its case, so a change that breaks determinism for a running sync fails here. Never re-record a
// fixture to make this pass; use patched() instead.
describe('replay of recorded ZGW sync histories', () => {
  it('has a fixture to replay', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(1);
  });

  it.each(fixtures)('%s replays without a determinism error', async (file) => {
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Parameters<typeof historyFromJSON>[0];
    const history = historyFromJSON(json);
    const bundle = await workflowBundle(require.resolve('../../workflows/index'));
    const workflowId = zgwSyncWorkflowId('GM0363-nareiziger-hotelverblijf-fixture-zgw-1');
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId)).resolves.toBeUndefined();
  });
});
