/**
 * A real Open Zaak and Open Notificaties for `npm run test:zgw` (docs/zgw.md, "Tegen Open Zaak testen"),
 * set up outside the repository under ~/.cache/doorstroom/zgw (or DOORSTROOM_ZGW_CACHE):
 *
 * - the sources of Open Zaak 1.20.0 and Open Notificaties 1.8.2 (the last releases on Python 3.11,
 *   released together on 3 April 2025), from a local mirror or `git clone` at those tags;
 * - a venv per app with its `requirements/production.txt` from PyPI;
 * - one PostgreSQL cluster with PostGIS (databases `openzaak` and `opennotificaties`) and one Redis
 *   (cache and the Celery broker of both apps — Open Notificaties' default RabbitMQ is not needed);
 * - `manage.py migrate`, then the apps' own `setup_configuration` (scripts/zgw-stack-*.yaml):
 *   Open Zaak sends its notifications to Open Notificaties, which checks clients against Open Zaak's
 *   Autorisaties API; the kanalen `zaken`, `besluiten`, `documenten`; Doorstroom's client id and
 *   secret; then a catalogus with a zaaktype (scripts/zgw-stack-catalogus.py);
 * - each app's web server (`manage.py runserver`) and Celery worker (notifications are sent by Celery).
 *
 * Every step leaves a marker, so a second run reuses what is there and only starts the processes.
 * `npx tsx scripts/zgw-stack.ts` sets up, starts, prints the stack as JSON and stops on Ctrl-C.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const OPEN_ZAAK_TAG = '1.20.0';
export const OPEN_NOTIFICATIES_TAG = '1.8.2';

const SCRIPTS = __dirname;

export interface ZgwStackOptions {
  cache?: string;
  /** Ports: PostgreSQL, Redis, Open Zaak, Open Notificaties. */
  ports?: { pg: number; redis: number; openZaak: number; openNotificaties: number };
  log?: (line: string) => void;
}

/** What the catalogus script made in Open Zaak (URLs). */
export interface ZgwCatalogus {
  catalogus: string;
  /** NAREIZIGER-HOTELVERBLIJF: started in Open Zaak; statustypen Aangemeld, Hotel geplaatst, Afgerond. */
  nareiziger: { zaaktype: string; statustypen: string[]; eigenschap: string };
  /** HUISVESTING-STATUSHOUDER (the fields below): started in Doorstroom and written back; Gekoppeld, Wacht op aanbod, Afgerond. */
  zaaktype: string;
  statustypen: string[];
  resultaattype: string;
  besluittype: string;
  informatieobjecttype: string;
  eigenschap: string;
}

export interface ZgwStack {
  openZaak: string;
  openNotificaties: string;
  /** Doorstroom's client in Open Zaak. */
  client: { id: string; secret: string };
  /** The client a test uses to play the other side (e.g. a zaaksysteem creating zaken): all autorisaties. */
  peer: { id: string; secret: string };
  bronorganisatie: string;
  catalogus: ZgwCatalogus;
  /** Setup time of this run in ms per step (a step skipped because it was done before: absent). */
  timings: Record<string, number>;
  /** The abonnement in Open Notificaties on kanaal zaken (zaaktype NAREIZIGER-HOTELVERBLIJF), to Doorstroom's callback. */
  subscribe(callbackUrl: string, authorization: string): Promise<void>;
  logs(): { openZaak: string; openNotificaties: string; openZaakCelery: string; openNotificatiesCelery: string };
  stop(): Promise<void>;
}

export const DOORSTROOM_CLIENT = {
  id: 'doorstroom-gm0363',
  secret: 'doorstroom-zgw-test-secret-0363-not-for-production',
};
const PEER_CLIENT = { id: 'zgw-test-zaaksysteem', secret: 'zgw-test-zaaksysteem-secret-not-for-production' };
const OZ_CLIENT = { id: 'open-zaak', secret: 'open-zaak-to-open-notificaties-secret' };
const ON_CLIENT = { id: 'open-notificaties', secret: 'open-notificaties-to-open-zaak-secret' };
export const BRONORGANISATIE = '002220647';
const ABONNEMENT_UUID = '5a1f6a52-3a36-4a7b-9f2e-2f6d1b0c0363';

export class ZgwStackError extends Error {}

function cacheDir(opts: ZgwStackOptions): string {
  return opts.cache ?? process.env.DOORSTROOM_ZGW_CACHE ?? path.join(os.homedir(), '.cache', 'doorstroom', 'zgw');
}

/** What a fresh machine must have first: the message names the Debian packages. */
export function checkPrerequisites(): { python: string; pgBin: string } {
  const missing: string[] = [];
  let python = '';
  for (const candidate of ['python3.11', 'python3']) {
    try {
      const v = execFileSync(candidate, ['-c', 'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2])'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim();
      if (v === '3.11') {
        python = candidate;
        break;
      }
    } catch {
      /* next */
    }
  }
  if (!python) missing.push('python3.11 with venv (Debian bookworm: python3 python3-venv; Open Zaak 1.20 needs 3.11)');
  const pgRoot = '/usr/lib/postgresql';
  const versions = existsSync(pgRoot) ? readdirSync(pgRoot).filter((v) => existsSync(`${pgRoot}/${v}/bin/initdb`)) : [];
  const pgVersion = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!pgVersion) missing.push('PostgreSQL (apt: postgresql)');
  else if (!existsSync(`/usr/share/postgresql/${pgVersion}/extension/postgis.control`))
    missing.push(`PostGIS for PostgreSQL ${pgVersion} (apt: postgresql-${pgVersion}-postgis-3)`);
  const has = (cmd: string) => {
    try {
      execFileSync('sh', ['-c', cmd], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (!has('command -v redis-server')) missing.push('Redis (apt: redis-server)');
  if (!has('ldconfig -p | grep -q libgdal')) missing.push('GDAL (apt: libgdal32 — GeoDjango in Open Zaak)');
  if (!has('command -v git')) missing.push('git');
  if (missing.length)
    throw new ZgwStackError(
      `zgw-stack: missing on this machine:\n  - ${missing.join('\n  - ')}\n(.ci/run installs them)`,
    );
  return { python, pgBin: `${pgRoot}/${pgVersion}/bin` };
}

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string }): string {
  try {
    const out = execFileSync(cmd, args, {
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    }).toString();
    writeFileSync(opts.logFile, out, { flag: 'a' });
    return out;
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
    writeFileSync(opts.logFile, `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`, { flag: 'a' });
    throw new ZgwStackError(
      `zgw-stack: ${path.basename(cmd)} ${args.slice(0, 3).join(' ')} failed (log: ${opts.logFile}):\n${(e.stderr?.toString() ?? e.message).slice(-2000)}`,
    );
  }
}

/** The app's sources at its tag: a local mirror (DOORSTROOM_ZGW_MIRRORS, /work/.mirror) or GitHub. */
function fetchSources(repo: string, tag: string, dir: string, logFile: string): void {
  const mirrors = (process.env.DOORSTROOM_ZGW_MIRRORS ?? '/work/.mirror').split(':');
  mkdirSync(dir, { recursive: true });
  for (const m of mirrors) {
    const gitDir = path.join(m, `open-zaak+${repo}`, 'repo');
    if (!existsSync(gitDir)) continue;
    execFileSync('sh', ['-c', `git --git-dir="${gitDir}" archive "${tag}" | tar -x -C "${dir}"`], { stdio: 'ignore' });
    return;
  }
  run('git', ['clone', '--quiet', '--depth', '1', '--branch', tag, `https://github.com/open-zaak/${repo}.git`, dir], {
    logFile,
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function waitHttp(url: string, timeoutMs: number, alive: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    if (!alive()) throw new ZgwStackError(`zgw-stack: ${what} exited before it answered`);
    if (Date.now() > deadline) throw new ZgwStackError(`zgw-stack: ${what} did not answer ${url} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function startZgwStack(opts: ZgwStackOptions = {}): Promise<ZgwStack> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const cache = cacheDir(opts);
  // DOORSTROOM_ZGW_PORTS=pg,redis,openZaak,openNotificaties: a second stack beside the first.
  const fromEnv = process.env.DOORSTROOM_ZGW_PORTS?.split(',').map(Number);
  const ports =
    opts.ports ??
    (fromEnv?.length === 4 && fromEnv.every((p) => Number.isInteger(p) && p > 0)
      ? { pg: fromEnv[0]!, redis: fromEnv[1]!, openZaak: fromEnv[2]!, openNotificaties: fromEnv[3]! }
      : { pg: 54410, redis: 6390, openZaak: 8610, openNotificaties: 8611 });
  const logs = path.join(cache, 'logs');
  mkdirSync(logs, { recursive: true });
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, marker: string | null, fn: () => T | Promise<T>): Promise<T | undefined> => {
    const file = marker ? path.join(cache, `.done-${marker}`) : null;
    if (file && existsSync(file)) return undefined;
    log(`zgw-stack: ${name} …`);
    const t0 = Date.now();
    const value = await fn();
    timings[name] = Date.now() - t0;
    log(`zgw-stack: ${name} done in ${Math.round(timings[name] / 1000)} s`);
    if (file) writeFileSync(file, new Date().toISOString());
    return value;
  };

  const { python, pgBin } = checkPrerequisites();
  const apps = [
    { key: 'oz', repo: 'open-zaak', tag: OPEN_ZAAK_TAG, db: 'openzaak', settings: 'openzaak.conf.production' },
    {
      key: 'on',
      repo: 'open-notificaties',
      tag: OPEN_NOTIFICATIES_TAG,
      db: 'opennotificaties',
      settings: 'nrc.conf.production',
    },
  ] as const;

  for (const app of apps) {
    const src = path.join(cache, `${app.key}-src`);
    await step(`${app.repo} ${app.tag}: sources`, `${app.key}-src-${app.tag}`, () => {
      rmSync(src, { recursive: true, force: true });
      fetchSources(app.repo, app.tag, src, path.join(logs, `${app.key}-git.log`));
    });
    const venv = path.join(cache, `${app.key}-venv`);
    await step(`${app.repo} ${app.tag}: venv and pip install (PyPI)`, `${app.key}-venv-${app.tag}`, () => {
      rmSync(venv, { recursive: true, force: true });
      run(python, ['-m', 'venv', venv], { logFile: path.join(logs, `${app.key}-pip.log`) });
      run(`${venv}/bin/python`, ['-m', 'pip', 'install', '--quiet', '-r', `${src}/requirements/production.txt`], {
        logFile: path.join(logs, `${app.key}-pip.log`),
      });
    });
  }

  // One PostgreSQL cluster (PostGIS) and one Redis, on their own ports. PostgreSQL refuses to run as
  // root: then the cluster belongs to the `postgres` OS user, in a directory it can reach (not /root).
  const root = process.getuid?.() === 0;
  const pgDir = process.env.DOORSTROOM_ZGW_PG_DIR ?? (root ? '/var/tmp/doorstroom-zgw-pg' : path.join(cache, 'pg'));
  const pgData = path.join(pgDir, 'data');
  const pgLog = path.join(pgDir, 'server.log');
  const asPg = (cmd: string, args: string[]) =>
    run(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, {
      logFile: path.join(logs, 'postgres.log'),
    });
  if (!existsSync(path.join(pgData, 'PG_VERSION')))
    await step('PostgreSQL cluster', null, () => {
      mkdirSync(pgDir, { recursive: true });
      if (root) execFileSync('chown', ['postgres:postgres', pgDir]);
      asPg(`${pgBin}/initdb`, ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
      for (const app of apps) rmSync(path.join(cache, `.done-db-${app.db}`), { force: true });
      for (const app of apps) rmSync(path.join(cache, `.done-${app.key}-migrate-${app.tag}`), { force: true });
    });
  let startedPg = false;
  if (!(await portOpen(ports.pg))) {
    asPg(`${pgBin}/pg_ctl`, [
      '-D',
      pgData,
      '-l',
      pgLog,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${ports.pg} -k ${pgDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
      'start',
    ]);
    startedPg = true;
  }
  const psql = (sql: string, db = 'postgres') =>
    run(`${pgBin}/psql`, ['-h', '127.0.0.1', '-p', String(ports.pg), '-U', 'postgres', '-d', db, '-qtAc', sql], {
      logFile: path.join(logs, 'postgres.log'),
    });
  for (const app of apps) {
    await step(`database ${app.db}`, `db-${app.db}`, () => {
      if (!psql(`SELECT 1 FROM pg_database WHERE datname='${app.db}'`).trim()) psql(`CREATE DATABASE ${app.db}`);
      psql('CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm;', app.db);
    });
  }
  let redis: ChildProcess | undefined;
  if (!(await portOpen(ports.redis))) {
    redis = spawn(
      'redis-server',
      ['--port', String(ports.redis), '--bind', '127.0.0.1', '--dir', cache, '--save', ''],
      {
        stdio: ['ignore', openSync(path.join(logs, 'redis.log'), 'a'), openSync(path.join(logs, 'redis.log'), 'a')],
      },
    );
    const t = Date.now();
    while (!(await portOpen(ports.redis))) {
      if (Date.now() - t > 10_000) throw new ZgwStackError('zgw-stack: redis-server did not start (logs/redis.log)');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const ozUrl = `http://127.0.0.1:${ports.openZaak}`;
  const onUrl = `http://127.0.0.1:${ports.openNotificaties}`;
  const envOf = (app: (typeof apps)[number]): NodeJS.ProcessEnv => {
    const src = path.join(cache, `${app.key}-src`);
    const redisDb = app.key === 'oz' ? 0 : 1;
    return {
      PATH: `${path.join(cache, `${app.key}-venv`)}/bin:${process.env.PATH ?? ''}`,
      HOME: process.env.HOME,
      LANG: 'C.UTF-8',
      PYTHONPATH: `${src}/src`,
      PYTHONUNBUFFERED: '1',
      DJANGO_SETTINGS_MODULE: app.settings,
      SECRET_KEY: `zgw-test-${app.key}-secret-key-not-for-production`,
      ALLOWED_HOSTS: '*',
      IS_HTTPS: 'no',
      DISABLE_2FA: 'true',
      DB_HOST: '127.0.0.1',
      DB_PORT: String(ports.pg),
      DB_NAME: app.db,
      DB_USER: 'postgres',
      DB_PASSWORD: '',
      CACHE_DEFAULT: `127.0.0.1:${ports.redis}/${redisDb}`,
      CACHE_AXES: `127.0.0.1:${ports.redis}/${redisDb}`,
      // open-api-framework reads the broker from CELERY_RESULT_BACKEND; Open Notificaties from CELERY_BROKER_URL.
      CELERY_BROKER_URL: `redis://127.0.0.1:${ports.redis}/${redisDb + 2}`,
      CELERY_RESULT_BACKEND: `redis://127.0.0.1:${ports.redis}/${redisDb + 2}`,
      SENDFILE_BACKEND: 'django_sendfile.backends.simple',
      OPENZAAK_DOMAIN: `127.0.0.1:${ports.openZaak}`,
      SITE_DOMAIN: app.key === 'oz' ? `127.0.0.1:${ports.openZaak}` : `127.0.0.1:${ports.openNotificaties}`,
      NOTIFICATIONS_DISABLED: 'false',
      LOG_NOTIFICATIONS_IN_DB: 'true',
      LOG_STDOUT: 'true',
      LOG_LEVEL: 'INFO',
      // Open Zaak refuses a datumStatusGezet in the future: both sides keep Dutch time.
      TZ: 'UTC',
    };
  };
  const manage = (app: (typeof apps)[number], args: string[], logName: string) =>
    run(
      `${path.join(cache, `${app.key}-venv`)}/bin/python`,
      [`${path.join(cache, `${app.key}-src`)}/src/manage.py`, ...args],
      {
        env: envOf(app),
        logFile: path.join(logs, logName),
      },
    );
  for (const app of apps) {
    await step(`${app.repo}: migrate`, `${app.key}-migrate-${app.tag}`, () =>
      manage(app, ['migrate', '--no-input'], `${app.key}-migrate.log`),
    );
  }

  // The apps' own configuration step, from the YAML templates beside this script.
  const values: Record<string, string> = {
    OZ_URL: ozUrl,
    ON_URL: onUrl,
    OZ_CLIENT_ID: OZ_CLIENT.id,
    OZ_CLIENT_SECRET: OZ_CLIENT.secret,
    ON_CLIENT_ID: ON_CLIENT.id,
    ON_CLIENT_SECRET: ON_CLIENT.secret,
    DOORSTROOM_CLIENT_ID: DOORSTROOM_CLIENT.id,
    DOORSTROOM_CLIENT_SECRET: DOORSTROOM_CLIENT.secret,
    PEER_CLIENT_ID: PEER_CLIENT.id,
    PEER_CLIENT_SECRET: PEER_CLIENT.secret,
  };
  const fill = (template: string, extra: Record<string, string> = {}) =>
    readFileSync(path.join(SCRIPTS, template), 'utf8').replace(/\$\{(\w+)\}/g, (_, k: string) => {
      const v = extra[k] ?? values[k];
      if (v === undefined) throw new ZgwStackError(`zgw-stack: ${template} names unknown \${${k}}`);
      return v;
    });
  for (const app of apps) {
    const yaml = fill(`zgw-stack-${app.key}.yaml`);
    const hash = createHash('sha256').update(yaml).digest('hex').slice(0, 12);
    const file = path.join(cache, `${app.key}-setup-configuration.yaml`);
    await step(`${app.repo}: setup_configuration`, `${app.key}-config-${hash}`, () => {
      writeFileSync(file, yaml);
      manage(app, ['setup_configuration', '--yaml-file', file], `${app.key}-setup-configuration.log`);
    });
  }
  const oz = apps[0];
  const on = apps[1];
  const catalogusFile = path.join(cache, 'catalogus.json');
  const catalogusScript = readFileSync(path.join(SCRIPTS, 'zgw-stack-catalogus.py'), 'utf8');
  const catalogusHash = createHash('sha256').update(catalogusScript).digest('hex').slice(0, 12);
  await step('Open Zaak: catalogus, zaaktype and Doorstroom autorisaties', `oz-catalogus-${catalogusHash}`, () => {
    const out = manage(
      oz,
      ['shell', '-c', catalogusScript.replace('__DOORSTROOM_CLIENT_ID__', DOORSTROOM_CLIENT.id)],
      'oz-catalogus.log',
    );
    const line = out.split('\n').find((l) => l.startsWith('CATALOGUS '));
    if (!line) throw new ZgwStackError(`zgw-stack: the catalogus script printed no result (logs/oz-catalogus.log)`);
    writeFileSync(catalogusFile, line.slice('CATALOGUS '.length));
  });
  const uuids = JSON.parse(readFileSync(catalogusFile, 'utf8')) as Record<string, string | string[]>;
  const ztc = `${ozUrl}/catalogi/api/v1`;
  const catalogus: ZgwCatalogus = {
    catalogus: `${ztc}/catalogussen/${uuids.catalogus as string}`,
    nareiziger: {
      zaaktype: `${ztc}/zaaktypen/${uuids.nareizigerZaaktype as string}`,
      statustypen: (uuids.nareizigerStatustypen as string[]).map((u) => `${ztc}/statustypen/${u}`),
      eigenschap: `${ztc}/eigenschappen/${uuids.nareizigerEigenschap as string}`,
    },
    zaaktype: `${ztc}/zaaktypen/${uuids.zaaktype as string}`,
    statustypen: (uuids.statustypen as string[]).map((u) => `${ztc}/statustypen/${u}`),
    resultaattype: `${ztc}/resultaattypen/${uuids.resultaattype as string}`,
    besluittype: `${ztc}/besluittypen/${uuids.besluittype as string}`,
    informatieobjecttype: `${ztc}/informatieobjecttypen/${uuids.informatieobjecttype as string}`,
    eigenschap: `${ztc}/eigenschappen/${uuids.eigenschap as string}`,
  };

  // The processes: web server and Celery worker per app.
  const children: ChildProcess[] = [];
  const logFiles = {
    openZaak: path.join(logs, 'oz-server.log'),
    openNotificaties: path.join(logs, 'on-server.log'),
    openZaakCelery: path.join(logs, 'oz-celery.log'),
    openNotificatiesCelery: path.join(logs, 'on-celery.log'),
  };
  const start = (app: (typeof apps)[number], args: string[], logFile: string, cwd?: string) => {
    // Where the apps' Celery workers touch their liveness and readiness files.
    mkdirSync(path.join(cache, `${app.key}-src`, 'tmp'), { recursive: true });
    const fd = openSync(logFile, 'w');
    const child = spawn(`${path.join(cache, `${app.key}-venv`)}/bin/python`, args, {
      env: envOf(app),
      cwd: cwd ?? path.join(cache, `${app.key}-src`, 'src'),
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    closeSync(fd);
    children.push(child);
    return child;
  };
  for (const [port, what] of [
    [ports.openZaak, 'Open Zaak'],
    [ports.openNotificaties, 'Open Notificaties'],
  ] as const) {
    if (await portOpen(port))
      throw new ZgwStackError(`zgw-stack: port ${port} for ${what} is taken (a stack left running?)`);
  }
  const t0 = Date.now();
  const ozWeb = start(oz, ['manage.py', 'runserver', '--noreload', `127.0.0.1:${ports.openZaak}`], logFiles.openZaak);
  const onWeb = start(
    on,
    ['manage.py', 'runserver', '--noreload', `127.0.0.1:${ports.openNotificaties}`],
    logFiles.openNotificaties,
  );
  const celery = (app: (typeof apps)[number], module: string, logFile: string) =>
    start(
      app,
      [
        '-m',
        'celery',
        '--app',
        module,
        'worker',
        '--loglevel',
        'INFO',
        '--concurrency',
        '1',
        '--pool',
        'solo',
        '--without-heartbeat',
        '--without-gossip',
        '--without-mingle',
      ],
      logFile,
    );
  celery(oz, 'openzaak', logFiles.openZaakCelery);
  celery(on, 'nrc.celery', logFiles.openNotificatiesCelery);
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
      }
    }
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve())),
    );
    redis?.kill('SIGTERM');
    if (startedPg) asPg(`${pgBin}/pg_ctl`, ['-D', pgData, '-m', 'fast', 'stop']);
  };
  try {
    await waitHttp(`${ozUrl}/zaken/api/v1/`, 120_000, () => ozWeb.exitCode === null, 'Open Zaak (logs/oz-server.log)');
    await waitHttp(
      `${onUrl}/api/v1/`,
      120_000,
      () => onWeb.exitCode === null,
      'Open Notificaties (logs/on-server.log)',
    );
    const celeryReady = (file: string) => readFileSync(file, 'utf8').includes('ready.');
    const deadline = Date.now() + 120_000;
    while (!celeryReady(logFiles.openZaakCelery) || !celeryReady(logFiles.openNotificatiesCelery)) {
      if (Date.now() > deadline)
        throw new ZgwStackError('zgw-stack: a Celery worker did not get ready (logs/*-celery.log)');
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  timings['start processes'] = Date.now() - t0;

  return {
    openZaak: ozUrl,
    openNotificaties: onUrl,
    client: { ...DOORSTROOM_CLIENT },
    peer: { ...PEER_CLIENT },
    bronorganisatie: BRONORGANISATIE,
    catalogus,
    timings,
    async subscribe(callbackUrl, authorization) {
      const file = path.join(cache, 'on-abonnement.yaml');
      writeFileSync(
        file,
        fill('zgw-stack-on-abonnement.yaml', {
          ABONNEMENT_UUID,
          CALLBACK_URL: callbackUrl,
          CALLBACK_AUTH: authorization,
          ZAAKTYPE: catalogus.nareiziger.zaaktype,
        }),
      );
      // Not execFileSync: the caller's event loop (a running Doorstroom, its HTTP clients) goes on meanwhile.
      const fd = openSync(path.join(logs, 'on-abonnement.log'), 'a');
      const child = spawn(
        `${path.join(cache, 'on-venv')}/bin/python`,
        [`${path.join(cache, 'on-src')}/src/manage.py`, 'setup_configuration', '--yaml-file', file],
        { env: envOf(on), stdio: ['ignore', fd, fd] },
      );
      closeSync(fd);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      if (code !== 0) throw new ZgwStackError(`zgw-stack: the abonnement was not configured (logs/on-abonnement.log)`);
    },
    logs: () => ({
      openZaak: readFileSync(logFiles.openZaak, 'utf8'),
      openNotificaties: readFileSync(logFiles.openNotificaties, 'utf8'),
      openZaakCelery: readFileSync(logFiles.openZaakCelery, 'utf8'),
      openNotificatiesCelery: readFileSync(logFiles.openNotificatiesCelery, 'utf8'),
    }),
    stop,
  };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const stack = await startZgwStack();
  const { timings, ...shown } = stack;
  console.log(JSON.stringify({ ...shown, subscribe: undefined, logs: undefined, stop: undefined }, null, 2));
  console.log(`zgw-stack: up in ${Math.round((Date.now() - t0) / 1000)} s`, JSON.stringify(timings));
  if (process.argv.includes('--setup-only')) {
    await stack.stop();
    return;
  }
  console.log('zgw-stack: running; Ctrl-C stops it');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await stack.stop();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof ZgwStackError ? err.message : err);
    process.exit(1);
  });
}
