import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';
import { builtInDefinitions } from '../../workflows/definitions';

const dir = path.join(__dirname, '..', 'fixtures', 'histories');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

// Recorded histories of earlier interpreter versions: a change that breaks determinism for a
// running case fails here. Never re-record a fixture to make this pass; use patched() instead.
describe('replay of recorded histories', () => {
  it('has fixtures to replay, for every built-in process', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
    for (const id of builtInDefinitions.keys()) expect(fixtures.some((f) => f.startsWith(id))).toBe(true);
  });

  it.each(fixtures)('%s replays without a determinism error', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    const bundle = await workflowBundle(require.resolve('../../workflows/interpreter'));
    // The workflow id scripts/record-histories.ts used: a parent derives its children's ids from it.
    const workflowId = `GM0363-fixture-${file.replace(/\.json$/, '')}`;
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId)).resolves.toBeUndefined();
  });
});
