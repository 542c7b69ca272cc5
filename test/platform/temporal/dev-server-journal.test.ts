import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Connection } from '@temporalio/client';
import { startDevServer } from '../../../platform/temporal/dev-server';
import { freePort } from '../../../platform/temporal/free-port';
import { tempDataDir } from '../../support/runtime';
import { silentLog } from '../../support/temporal';

// Issue 13: the embedded Temporal keeps its SQLite file with a write-ahead log (one append and one
// fsync per commit; readers such as visibility and describe do not wait for writers). Asked of the
// file itself, after the server has written to it, not of our arguments.
describe('the embedded Temporal dev server’s SQLite journal', () => {
  async function journalOf(journalMode?: 'wal' | 'delete'): Promise<{ mode: string; commandLine: string }> {
    const dataDir = path.join(tempDataDir(), 'temporal');
    const dev = await startDevServer({
      cliPath: process.env.TEMPORAL_CLI_PATH,
      dataDir,
      port: await freePort(),
      namespace: 'default',
      log: silentLog,
      ...(journalMode ? { journalMode } : {}),
    });
    try {
      const connection = await Connection.connect({ address: dev.address });
      // One write through the server, so the file is the server's, not an empty one.
      await connection.workflowService.updateNamespace({ namespace: 'default', updateInfo: { description: 'proef' } });
      await connection.close();
      // synchronous is per connection, not stored in the file: read it from the running server's arguments.
      const commandLine = readFileSync(`/proc/${dev.pid}/cmdline`, 'utf8').split('\0').join(' ');
      const db = new Database(path.join(dataDir, 'temporal.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return { mode: String(db.pragma('journal_mode', { simple: true })), commandLine };
      } finally {
        db.close();
      }
    } finally {
      await dev.stop();
    }
  }

  it('is a write-ahead log by default, every commit synced (synchronous FULL)', async () => {
    const { mode, commandLine } = await journalOf();
    expect(mode).toBe('wal');
    expect(commandLine).toContain('--sqlite-pragma synchronous=full');
  }, 120_000);

  it('is SQLite’s rollback journal when asked (benchmarks compare the two)', async () => {
    expect((await journalOf('delete')).mode).toBe('delete');
  }, 120_000);
});
