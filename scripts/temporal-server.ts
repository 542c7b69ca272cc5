import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Temporal server (not the dev server) that `npm run test:cluster` and `npm run bench:cluster`
 * run: `go.temporal.io/server` built with the Go toolchain into a cache outside the repository.
 * v1.30.x builds with Go 1.2x; later versions need a newer Go than these machines have.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.30.8';
/** Latest schema versions of this server's embedded PostgreSQL 12+ schemas (schema/postgresql/v12/version.go). */
export const TEMPORAL_SCHEMA_VERSION = '1.18';
export const TEMPORAL_VISIBILITY_SCHEMA_VERSION = '1.13';

export const TEMPORAL_SERVER_CACHE =
  process.env.DOORSTROOM_TEMPORAL_SERVER_CACHE ?? path.join(os.homedir(), '.cache', 'doorstroom', 'temporal-server');

export interface TemporalServerBinaries {
  /** `cmd/server`: `server --config-file … start`. */
  server: string;
  /** `cmd/tools/sql`: temporal-sql-tool, sets up the schemas. */
  sql: string;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The cached binaries; builds them when missing (`go install`, a few minutes on two cores, longer
 * with a cold module download), telling the person waiting why.
 */
export function ensureTemporalServer(log: (line: string) => void = (l) => console.error(l)): TemporalServerBinaries {
  const bin = path.join(TEMPORAL_SERVER_CACHE, 'bin');
  const found = { server: path.join(bin, 'server'), sql: path.join(bin, 'sql') };
  if (executable(found.server) && executable(found.sql)) return found;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0)
    throw new Error(
      `The Temporal server is not built yet (${bin}) and Go is not installed: install Go 1.23 or later, ` +
        `or put a temporal server and temporal-sql-tool ${TEMPORAL_SERVER_VERSION} there as server and sql.`,
    );
  mkdirSync(bin, { recursive: true });
  log(
    `Building the Temporal server ${TEMPORAL_SERVER_VERSION} (cmd/server and cmd/tools/sql) into ${bin}. ` +
      'This happens once per machine and takes up to 30 minutes on two busy cores (measured: 30 min 15 s with the module download); ' +
      'later runs use the cache.',
  );
  const started = Date.now();
  for (const pkg of ['cmd/server', 'cmd/tools/sql']) {
    const build = spawnSync('go', ['install', `go.temporal.io/server/${pkg}@${TEMPORAL_SERVER_VERSION}`], {
      env: { ...process.env, GOBIN: bin, GOFLAGS: '-trimpath' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`go install go.temporal.io/server/${pkg} failed (exit ${build.status})`);
  }
  log(`Temporal server built in ${Math.round((Date.now() - started) / 1000)} s.`);
  if (!executable(found.server) || !executable(found.sql))
    throw new Error(`go install finished but ${found.server} or ${found.sql} is missing`);
  return found;
}

if (require.main === module) {
  const found = ensureTemporalServer();
  console.log(`${found.server}\n${found.sql}`);
}
