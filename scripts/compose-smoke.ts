import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureTemporalServer, TEMPORAL_SERVER_CACHE, TEMPORAL_SERVER_VERSION } from './temporal-server';

/**
 * `npm run test:deploy`: deploy/compose.yaml run for real, as docs/deployment.md tells an operator.
 *
 * 1. Images. The product image is built from deploy/Dockerfile by `docker compose build`. Images
 *    the compose file takes from a registry are used when present on this machine; when absent
 *    (a machine that reaches no registry) local stand-ins are built once and kept (`docker image
 *    ls 'doorstroom-standin/*'`), and handed to compose through its image variables
 *    (POSTGRES_IMAGE, TEMPORAL_IMAGE, TEMPORAL_ADMIN_TOOLS_IMAGE):
 *    - `debian:bookworm-slim`: `debootstrap --variant=minbase bookworm`, imported;
 *    - `node:20-bookworm-slim` (the Dockerfile's FROM): that + this machine's Node 20 and npm, a user
 *      `node` (uid 1000), Node's headers (npm_config_nodedir: node-gyp builds better-sqlite3 without
 *      downloading them), this machine's NODE_EXTRA_CA_CERTS when set — a stand-in for the official
 *      image, not the same;
 *    - `doorstroom-standin/postgres:15`: Debian's PostgreSQL 15 with an entrypoint that reads
 *      POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB as the official image does;
 *    - `doorstroom-standin/temporal-server:1.30.8` and `…/temporal-admin-tools:1.30.8`: the Temporal
 *      server and temporal-sql-tool that `npm run test:cluster` builds (scripts/temporal-server.ts), the
 *      schemas of the same module at /etc/temporal/schema, and the `temporal` CLI of `.tools/venv`.
 * 2. `docker compose up -d` with a fresh `.env` (random secrets), then: both API replicas answer
 *    `/readyz`; the administrator signs in and makes an API key; a case is started through replica
 *    1, takes an event through replica 2, and both replicas show the same step; the case list on
 *    replica 2 finds it (PostgreSQL visibility); two workers run. Then `down -v`. Timings on stdout.
 *
 * Options: `--images-only` builds the stand-ins and stops; `--ref <git ref>` builds and runs that commit (a `git archive` in a temporary directory)
 * instead of the working tree; `--keep` leaves the stack running (remove it with the `down -v`
 * command printed at the end). Needs a Docker daemon and the compose plugin v2; not in `.ci/run`.
 */

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(os.homedir(), '.cache', 'doorstroom', 'compose-smoke');
const PROJECT = 'doorstroom-smoke';
const TENANT = 'GM0000';
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const TEMPORAL_TAG = TEMPORAL_SERVER_VERSION.replace(/^v/, '');
const STANDIN_LABEL = 'org.doorstroom.stand-in=true';

const IMAGES = {
  debian: 'debian:bookworm-slim',
  node: 'node:20-bookworm-slim',
  postgres: { official: 'postgres:16', standIn: 'doorstroom-standin/postgres:15' },
  temporal: {
    official: `temporalio/server:${TEMPORAL_TAG}`,
    standIn: `doorstroom-standin/temporal-server:${TEMPORAL_TAG}`,
  },
  adminTools: {
    official: `temporalio/admin-tools:${TEMPORAL_TAG}`,
    standIn: `doorstroom-standin/temporal-admin-tools:${TEMPORAL_TAG}`,
  },
};

const timings: Array<[string, number]> = [];
async function timed<T>(what: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = Date.now();
  console.log(`▶ ${what}`);
  const value = await fn();
  const seconds = (Date.now() - t0) / 1000;
  timings.push([what, seconds]);
  console.log(`✓ ${what} (${seconds.toFixed(1)} s)`);
  return value;
}

function run(cmd: string, args: string[], options: SpawnSyncOptions & { quiet?: boolean } = {}): string {
  const res = spawnSync(cmd, args, {
    encoding: 'utf8',
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (res.error) throw res.error;
  if (res.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed (exit ${res.status})${res.stderr ? `:\n${String(res.stderr)}` : ''}`,
    );
  return String(res.stdout ?? '');
}

const docker = (args: string[], options: SpawnSyncOptions & { quiet?: boolean } = {}) => run('docker', args, options);

function imageExists(image: string): boolean {
  return spawnSync('docker', ['image', 'inspect', image], { stdio: 'ignore' }).status === 0;
}

/** A small build context in the cache: the files given, and a Dockerfile. */
function buildStandIn(image: string, dockerfile: string, files: Record<string, string> = {}) {
  const context = path.join(CACHE, image.replace(/[/:]/g, '_'));
  rmSync(context, { recursive: true, force: true });
  mkdirSync(context, { recursive: true });
  for (const [name, from] of Object.entries(files)) {
    if (from.startsWith('inline:'))
      writeFileSync(path.join(context, name), from.slice('inline:'.length), { mode: 0o755 });
    else cpSync(from, path.join(context, name), { recursive: true, dereference: true });
  }
  writeFileSync(path.join(context, 'Dockerfile'), `${dockerfile.trim()}\nLABEL ${STANDIN_LABEL}\n`);
  // The classic builder: these contexts need no .dockerignore, and it needs no buildx plugin.
  docker(['build', '--quiet', '-t', image, context], { env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  rmSync(context, { recursive: true, force: true });
}

function debianBase() {
  if (imageExists(IMAGES.debian)) return;
  if (spawnSync('debootstrap', ['--version'], { stdio: 'ignore' }).status !== 0)
    throw new Error(
      `${IMAGES.debian} is not on this machine and debootstrap is not installed (apt-get install debootstrap)`,
    );
  const rootfs = path.join(CACHE, 'rootfs');
  rmSync(rootfs, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  run('debootstrap', ['--variant=minbase', 'bookworm', rootfs, 'http://deb.debian.org/debian'], { quiet: true });
  // As the official image: the three suites, no package lists or downloaded packages kept.
  rmSync(path.join(rootfs, 'etc/apt/sources.list'), { force: true });
  writeFileSync(
    path.join(rootfs, 'etc/apt/sources.list.d/debian.sources'),
    'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\n' +
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n' +
      'Types: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\n' +
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n',
  );
  for (const dir of ['var/lib/apt/lists', 'var/cache/apt/archives'])
    run('find', [path.join(rootfs, dir), '-type', 'f', '-delete']);
  const tar = spawnSync('tar', ['-C', rootfs, '-c', '.'], { maxBuffer: 1024 * 1024 * 1024 });
  if (tar.status !== 0) throw new Error(`tar of ${rootfs} failed`);
  docker(
    [
      'import',
      '--change',
      'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      '--change',
      'CMD ["bash"]',
      '--change',
      `LABEL ${STANDIN_LABEL}`,
      '-',
      IMAGES.debian,
    ],
    { input: tar.stdout, stdio: ['pipe', 'ignore', 'inherit'] },
  );
  rmSync(rootfs, { recursive: true, force: true });
}

function nodeBase() {
  if (imageExists(IMAGES.node)) return;
  const major = process.versions.node.split('.')[0];
  if (major !== '20')
    throw new Error(`${IMAGES.node} needs Node 20 on this machine for its stand-in; this is ${process.version}`);
  const npmDir = path.resolve(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
  if (!existsSync(path.join(npmDir, 'bin', 'npm-cli.js'))) throw new Error(`npm not found at ${npmDir}`);
  const headers = path.resolve(path.dirname(process.execPath), '..', 'include', 'node');
  if (!existsSync(path.join(headers, 'node.h'))) throw new Error(`Node's headers not found at ${headers}`);
  // A machine that trusts extra CAs (a TLS-inspecting proxy to the npm registry) gives them to the
  // stand-in too, or `npm ci` in deploy/Dockerfile fails with SELF_SIGNED_CERT_IN_CHAIN.
  const extraCa = process.env.NODE_EXTRA_CA_CERTS;
  buildStandIn(
    IMAGES.node,
    `
FROM ${IMAGES.debian}
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY include /usr/local/include/node
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && node --version && npm --version
ENV NODE_VERSION=${process.versions.node}
# node-gyp (better-sqlite3 without a prebuilt binary) uses these headers instead of downloading them.
ENV npm_config_nodedir=/usr/local
${extraCa ? 'COPY extra-ca.crt /usr/local/share/extra-ca.crt\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/extra-ca.crt' : ''}
CMD ["node"]`,
    { node: process.execPath, npm: npmDir, include: headers, ...(extraCa ? { 'extra-ca.crt': extraCa } : {}) },
  );
}

/** What the official postgres image's entrypoint does with POSTGRES_USER/_PASSWORD/_DB, in short. */
const POSTGRES_ENTRYPOINT = `#!/bin/sh
set -e
PGDATA="\${PGDATA:-/var/lib/postgresql/data}"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\\n' "\${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > "$pwfile"
  initdb -D "$PGDATA" --username="\${POSTGRES_USER:-postgres}" --pwfile="$pwfile" -E UTF8 \\
    --auth-local=trust --auth-host=scram-sha-256 > /dev/null
  rm -f "$pwfile"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  db="\${POSTGRES_DB:-\${POSTGRES_USER:-postgres}}"
  if [ "$db" != postgres ]; then
    echo "CREATE DATABASE \\"$db\\";" | postgres --single -D "$PGDATA" postgres > /dev/null
  fi
fi
exec postgres -D "$PGDATA" "$@"
`;

function postgresImage(): string {
  if (process.env.POSTGRES_IMAGE) return process.env.POSTGRES_IMAGE;
  if (imageExists(IMAGES.postgres.official)) return IMAGES.postgres.official;
  if (!imageExists(IMAGES.postgres.standIn))
    buildStandIn(
      IMAGES.postgres.standIn,
      `
FROM ${IMAGES.debian}
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql-common > /dev/null \\
 && sed -ri 's/#?(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf \\
 && apt-get install -y -qq --no-install-recommends postgresql-15 > /dev/null && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
VOLUME /var/lib/postgresql/data
EXPOSE 5432
ENTRYPOINT ["docker-entrypoint.sh"]`,
      { 'entrypoint.sh': `inline:${POSTGRES_ENTRYPOINT}` },
    );
  return IMAGES.postgres.standIn;
}

function temporalImages(): { server: string; adminTools: string } {
  const wanted = {
    server:
      process.env.TEMPORAL_IMAGE ?? (imageExists(IMAGES.temporal.official) ? IMAGES.temporal.official : undefined),
    adminTools:
      process.env.TEMPORAL_ADMIN_TOOLS_IMAGE ??
      (imageExists(IMAGES.adminTools.official) ? IMAGES.adminTools.official : undefined),
  };
  if (wanted.server && wanted.adminTools) return { server: wanted.server, adminTools: wanted.adminTools };
  const needServer = !wanted.server && !imageExists(IMAGES.temporal.standIn);
  const needTools = !wanted.adminTools && !imageExists(IMAGES.adminTools.standIn);
  if (needServer || needTools) {
    const bin = ensureTemporalServer((line) => console.log(line));
    if (needServer)
      buildStandIn(
        IMAGES.temporal.standIn,
        `
FROM ${IMAGES.debian}
RUN groupadd --gid 1000 temporal && useradd --uid 1000 --gid temporal temporal
COPY temporal-server /usr/local/bin/temporal-server
WORKDIR /etc/temporal
USER temporal
ENTRYPOINT ["temporal-server", "start"]`,
        { 'temporal-server': bin.server },
      );
    if (needTools) {
      // The schemas of the module the server was built from, where the official image has them.
      const mod = JSON.parse(
        run('go', ['mod', 'download', '-json', `go.temporal.io/server@${TEMPORAL_SERVER_VERSION}`], {
          quiet: true,
          cwd: os.tmpdir(),
          env: { ...process.env, GOFLAGS: '-mod=mod' },
        }),
      ) as { Dir: string };
      const cli = process.env.TEMPORAL_CLI_PATH ?? path.join(ROOT, '.tools', 'venv', 'bin', 'temporal');
      if (!existsSync(cli)) throw new Error(`the temporal CLI is not at ${cli} (npm run setup, or TEMPORAL_CLI_PATH)`);
      buildStandIn(
        IMAGES.adminTools.standIn,
        `
FROM ${IMAGES.debian}
RUN groupadd --gid 1000 temporal && useradd --uid 1000 --gid temporal temporal
COPY temporal-sql-tool temporal /usr/local/bin/
COPY schema /etc/temporal/schema
WORKDIR /etc/temporal
USER temporal
CMD ["sh", "-c", "trap exit INT HUP TERM; sleep infinity"]`,
        { 'temporal-sql-tool': bin.sql, temporal: cli, schema: path.join(mod.Dir, 'schema') },
      );
    }
  }
  return {
    server: wanted.server ?? IMAGES.temporal.standIn,
    adminTools: wanted.adminTools ?? IMAGES.adminTools.standIn,
  };
}

/** The first of a few port pairs that nothing on this machine listens on. */
async function freePortPair(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
    });
  for (const first of [3000, 13000, 23000, 33000, 43000])
    if ((await free(first)) && (await free(first + 1))) return first;
  throw new Error('no free port pair found for the two API replicas');
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `waited ${timeoutMs / 1000} s for ${what}${lastError ? ` (last: ${(lastError as Error).message})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 1000));
  }
}

type Body = Record<string, unknown>;

interface Answer {
  status: number;
  body: Body;
  headers: Headers;
}

async function api(base: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/v1${route}`, {
    method,
    signal: AbortSignal.timeout(30_000),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body, headers: res.headers };
}

function expectAnswer(what: string, res: Answer, status: number[], check: (body: Body) => boolean = () => true) {
  if (!status.includes(res.status) || !check(res.body))
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Again while the answer is 503 (a worker that is not polling yet, Temporal still starting). */
async function answered(fn: () => Promise<Answer>): Promise<Answer> {
  let last: Answer | undefined;
  await waitFor(
    'an answer other than 503/504',
    async () => {
      last = await fn();
      return last.status !== 503 && last.status !== 504;
    },
    120_000,
  );
  return last as Answer;
}

function sourceTree(ref: string | undefined): { dir: string; cleanup: () => void } {
  if (!ref) return { dir: ROOT, cleanup: () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'doorstroom-compose-'));
  const archive = spawnSync('git', ['-C', ROOT, 'archive', ref], { maxBuffer: 1024 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${String(archive.stderr)}`);
  run('tar', ['-x', '-C', dir], { input: archive.stdout, stdio: ['pipe', 'inherit', 'inherit'] });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function main() {
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  const refAt = args.indexOf('--ref');
  const ref = refAt >= 0 ? args[refAt + 1] : undefined;
  const started = Date.now();
  // Waiting on fetch alone does not keep Node's event loop alive: without this the process ended,
  // exit 0, while the replicas were still starting.
  const keepAlive = setInterval(() => undefined, 60_000);

  console.log(`docker ${docker(['version', '--format', '{{.Server.Version}}'], { quiet: true }).trim()}`);

  const images = await timed('base and stand-in images (built once, then cached)', () => {
    debianBase();
    nodeBase();
    return { postgres: postgresImage(), ...temporalImages() };
  });
  console.log(`images: postgres ${images.postgres}, temporal ${images.server}, admin tools ${images.adminTools}`);
  if (args.includes('--images-only')) return;
  console.log(`docker compose ${docker(['compose', 'version', '--short'], { quiet: true }).trim()}`);

  const source = sourceTree(ref);
  const composeFile = path.join(source.dir, 'deploy', 'compose.yaml');
  const envDir = mkdtempSync(path.join(os.tmpdir(), 'doorstroom-compose-env-'));
  const envFile = path.join(envDir, '.env');
  const firstPort = await freePortPair();
  const secrets = {
    POSTGRES_PASSWORD: randomBytes(16).toString('hex'),
    DOORSTROOM_CODEC_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    DOORSTROOM_ID_SECRET: randomBytes(32).toString('hex'),
    DOORSTROOM_ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
    DOORSTROOM_PUBLIC_URL: `http://localhost:${firstPort}`,
  };
  const env = {
    ...secrets,
    DOORSTROOM_IMAGE: process.env.DOORSTROOM_IMAGE ?? `doorstroom:${PACKAGE_VERSION}`,
    POSTGRES_IMAGE: images.postgres,
    TEMPORAL_IMAGE: images.server,
    TEMPORAL_ADMIN_TOOLS_IMAGE: images.adminTools,
    DOORSTROOM_HTTP_PORTS: `${firstPort}-${firstPort + 1}`,
  };
  writeFileSync(
    envFile,
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n',
    { mode: 0o600 },
  );
  const compose = (rest: string[], options: SpawnSyncOptions & { quiet?: boolean } = {}) =>
    docker(['compose', '-p', PROJECT, '-f', composeFile, '--env-file', envFile, ...rest], options);

  let ok = false;
  try {
    await timed(`docker compose build (${ref ? `git ${ref}` : 'working tree'}, deploy/Dockerfile)`, () =>
      compose(['build']),
    );
    await timed('docker compose up -d', () => compose(['up', '-d', '--quiet-pull']));
    const replicas = [1, 2].map((index) => {
      const published = compose(['port', '--index', String(index), 'api', '3000'], { quiet: true }).trim();
      return `http://127.0.0.1:${published.slice(published.lastIndexOf(':') + 1)}`;
    });
    console.log(`API replicas: ${replicas.join(', ')}`);
    await timed('both API replicas ready (/readyz 200)', () =>
      Promise.all(
        replicas.map((base) =>
          waitFor(
            `${base}/readyz`,
            async () => (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) })).status === 200,
            300_000,
          ),
        ),
      ),
    );
    const [a, b] = replicas as [string, string];

    const auth = await timed('sign in as the first administrator and make an API key (replica 1)', async () => {
      const login = await api(a, 'POST', '/auth/login', {
        tenant: TENANT,
        username: 'admin',
        password: secrets.DOORSTROOM_ADMIN_PASSWORD,
      });
      expectAnswer('login', login, [200]);
      const session = {
        cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
        'x-csrf-token': String(login.body.csrfToken),
      };
      const key = await api(
        a,
        'POST',
        '/api-keys',
        { name: 'zaaksysteem', permissions: ['cases:start', 'cases:events', 'cases:read'] },
        session,
      );
      expectAnswer('API key', key, [201], (body) => typeof body.secret === 'string');
      return { authorization: `Bearer ${String(key.body.secret)}` };
    });

    const today = new Date().toISOString().slice(0, 10);
    const caseRef = `ZAAK-SMOKE-${randomBytes(4).toString('hex')}`;
    const caseId = await timed('start a case (replica 1)', async () => {
      const res = await answered(() =>
        api(
          a,
          'POST',
          '/processes/nareiziger-hotelverblijf/cases',
          { caseRef, data: { municipality: TENANT, householdSize: 2, registrationDate: today } },
          auth,
        ),
      );
      expectAnswer('start', res, [201], (body) => typeof body.caseId === 'string');
      return String(res.body.caseId);
    });
    await timed('send an event to that case (replica 2)', async () => {
      const res = await answered(() =>
        api(
          b,
          'POST',
          `/cases/${caseId}/events`,
          { name: 'hotel-geplaatst', payload: { placementDate: today, hotelMunicipality: TENANT } },
          auth,
        ),
      );
      expectAnswer(
        'event',
        res,
        [200],
        (body) => body.accepted === true && body.currentStep === 'coa-betaalde-periode',
      );
    });
    await timed('read the case back on both replicas', async () => {
      for (const base of [a, b]) {
        const res = await api(base, 'GET', `/cases/${caseId}`, undefined, auth);
        expectAnswer(
          `case on ${base}`,
          res,
          [200],
          (body) => body.status === 'running' && body.currentStep === 'coa-betaalde-periode',
        );
      }
    });
    await timed('the case list on replica 2 finds it (PostgreSQL visibility)', () =>
      waitFor(
        'the case in the list',
        async () => {
          const res = await api(b, 'GET', '/cases?step=coa-betaalde-periode', undefined, auth);
          return (
            res.status === 200 && ((res.body.cases ?? []) as Array<{ caseId: string }>).some((c) => c.caseId === caseId)
          );
        },
        60_000,
      ),
    );
    await timed('two workers running', () => {
      const running = compose(['ps', '--status', 'running', '--format', '{{.Service}}'], { quiet: true })
        .split('\n')
        .filter((s) => s === 'worker').length;
      if (running !== 2) throw new Error(`${running} workers running, expected 2`);
    });
    ok = true;
  } catch (err) {
    console.error(`✗ ${(err as Error).message}`);
    console.error('--- docker compose ps -a');
    spawnSync('docker', ['compose', '-p', PROJECT, '-f', composeFile, '--env-file', envFile, 'ps', '-a'], {
      stdio: 'inherit',
    });
    console.error('--- docker compose logs (last 60 lines per service)');
    spawnSync('docker', ['compose', '-p', PROJECT, '-f', composeFile, '--env-file', envFile, 'logs', '--tail', '60'], {
      stdio: 'inherit',
    });
  } finally {
    if (keep) {
      console.log(
        `left running; remove with: docker compose -p ${PROJECT} -f ${composeFile} --env-file ${envFile} down -v`,
      );
    } else {
      await timed('docker compose down -v', () => compose(['down', '-v', '--remove-orphans'], { quiet: true }));
      rmSync(envDir, { recursive: true, force: true });
      source.cleanup();
    }
  }
  clearInterval(keepAlive);
  console.log('\ntimings:');
  for (const [what, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(7)} s  ${what}`);
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  total`);
  if (!ok) process.exit(1);
  console.log(`compose smoke passed (temporal server build cache: ${TEMPORAL_SERVER_CACHE})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
