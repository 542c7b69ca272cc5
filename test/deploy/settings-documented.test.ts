import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { productSettings } from './support/known-settings';

/**
 * Every setting the product reads is in docs/deployment.md's settings table, and every name in that
 * table is one it reads; the deployment files (compose, Kubernetes) set the ones a cluster
 * deployment cannot do without. The settings are found in the code of the processes (platform,
 * services, server, worker, product): `env.NAME`, `env['NAME']`, and the names given to the two
 * helpers that read `env[name]` themselves (platform/config.ts `int('NAME', …)`,
 * platform/temporal/binaries.ts `locate('NAME', …)`) — a new helper of that kind fails the test until
 * it is named here.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DEPLOY = path.join(ROOT, 'deploy');
const PROCESS_DIRS = ['platform', 'services', 'server', 'worker', 'product'];

/** Read by the code, but not settings of the product (each with its reason). */
const NOT_SETTINGS: Record<string, string> = {
  PATH: "the operating system's search path: where the embedded mode looks for the temporal CLI",
};

/** The helpers that read `env[name]` with a name they are given, and how their calls name it. */
const INDIRECT_READERS: Record<string, RegExp> = {
  'platform/config.ts': /\bint\('([A-Z][A-Z0-9_]+)'/g,
  'platform/temporal/binaries.ts': /\blocate\('([A-Z][A-Z0-9_]+)'/g,
};

/**
 * What a deployment of several processes needs set, in every API replica and worker (else each
 * process falls back to something of its own, and they cannot share cases) — with the reason.
 */
const REQUIRED: Record<string, string> = {
  TEMPORAL_ADDRESS: 'without it each process starts its own Temporal dev server',
  TEMPORAL_NAMESPACE: "without it the cluster's `default` namespace",
  DATABASE_URL: 'without it each process has its own SQLite file',
  'DOORSTROOM_CODEC_KEYS|DOORSTROOM_CODEC_KEYS_FILE':
    'without either each process makes its own key: one cannot read what another wrote',
  DOORSTROOM_ID_SECRET: 'without it each process makes its own: the same reference gets another case id',
};
/** What an API replica also needs (in its container or its image). */
const REQUIRED_API: Record<string, string> = {
  HOST: 'the default 127.0.0.1 is not reachable from outside the container',
  DOORSTROOM_WORKER: 'API replicas run no worker of their own (false)',
};

/** The required names (`A|B`: either) that `set` lacks. */
const missing = (needed: Record<string, string>, set: Set<string>) =>
  Object.keys(needed).filter((n) => !n.split('|').some((alt) => set.has(alt)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

function readSettings(): Set<string> {
  const names = productSettings();
  for (const [file, pattern] of Object.entries(INDIRECT_READERS))
    for (const m of readFileSync(path.join(ROOT, file), 'utf8').matchAll(pattern)) names.add(m[1] as string);
  for (const name of Object.keys(NOT_SETTINGS)) names.delete(name);
  return names;
}

/** The names in the first column of the product's settings table (docs/deployment.md, "## Settings"). */
function documentedSettings(): Set<string> {
  const doc = readFileSync(path.join(ROOT, 'docs', 'deployment.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Settings\n'));
  if (!section) throw new Error('docs/deployment.md has no "## Settings" section');
  // The first table is the product's (| variable | API | worker | …); the next is the Temporal server's.
  const table = section.split(/\n\n/).find((block) => block.startsWith('| variable | API | worker |'));
  if (!table) throw new Error('docs/deployment.md: no "| variable | API | worker |" table under Settings');
  const names = new Set<string>();
  for (const line of table.split('\n').slice(2)) {
    const first = line.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(m[1] as string);
  }
  return names;
}

const YAML = { schema: yaml.YAML11_SCHEMA };
type Doc = Record<string, any>;

test('the scan finds settings read in every way the code reads them', () => {
  const read = readSettings();
  // env.NAME (config module), int('NAME') (config), locate('NAME') (binaries), modules reading their own.
  for (const name of ['TEMPORAL_ADDRESS', 'PORT', 'TEMPORAL_CLI_PATH', 'DATABASE_URL', 'DOORSTROOM_CODEC_KEYS_FILE'])
    expect(read).toContain(name);
  // Every computed read (`env[name]`) is inside one of the helpers named above.
  const computed = PROCESS_DIRS.flatMap(sourceFiles)
    .filter((file) => /\benv\[(?!['"])/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(ROOT, file))
    .sort();
  expect(computed).toEqual(Object.keys(INDIRECT_READERS).sort());
});

test("every setting the product reads is in docs/deployment.md's settings table, and the table names no other", () => {
  const read = readSettings();
  const documented = documentedSettings();
  expect([...read].filter((n) => !documented.has(n)).sort()).toEqual([]);
  expect([...documented].filter((n) => !read.has(n)).sort()).toEqual([]);
});

describe('the deployment files set what a cluster deployment needs', () => {
  const dockerfileEnv = [...readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8').matchAll(/^ENV (.+)$/gm)].flatMap(
    (m) => (m[1] as string).split(/\s+/).map((pair) => pair.split('=')[0] as string),
  );

  test('Kubernetes: both Deployments through their ConfigMap, secret and env (the API also HOST and DOORSTROOM_WORKER)', () => {
    const docs = ['doorstroom.yaml', 'secret.example.yaml'].flatMap((f) =>
      yaml.loadAll(readFileSync(path.join(DEPLOY, 'kubernetes', f), 'utf8'), YAML).filter((d): d is Doc => d != null),
    );
    const keysOf = (kind: string, name: string): string[] => {
      const d = docs.find((x) => x.kind === kind && x.metadata.name === name);
      return d ? Object.keys({ ...d.data, ...d.stringData }) : [];
    };
    const deployments = docs.filter((d) => d.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['doorstroom-api', 'doorstroom-worker']);
    for (const d of deployments) {
      for (const c of d.spec.template.spec.containers as Doc[]) {
        const set = new Set<string>([
          ...dockerfileEnv,
          ...((c.env ?? []) as Doc[]).map((e) => e.name as string),
          ...((c.envFrom ?? []) as Doc[]).flatMap((e) =>
            e.configMapRef
              ? keysOf('ConfigMap', e.configMapRef.name)
              : e.secretRef
                ? keysOf('Secret', e.secretRef.name)
                : [],
          ),
        ]);
        const needed = d.metadata.name === 'doorstroom-api' ? { ...REQUIRED, ...REQUIRED_API } : REQUIRED;
        expect(missing(needed, set)).toEqual([]);
      }
    }
    const api = deployments.find((d) => d.metadata.name === 'doorstroom-api') as Doc;
    expect(api.spec.template.spec.containers[0].env).toContainEqual({ name: 'DOORSTROOM_WORKER', value: 'false' });
  });

  test('compose: the api and worker services (the API also HOST and DOORSTROOM_WORKER=false)', () => {
    // `${VAR:-default}` read as compose does when VAR is unset; `${VAR:?}` (required of the operator) stays.
    const text = readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8').replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
    const compose = yaml.load(text, YAML) as Doc;
    for (const [name, needed] of [
      ['api', { ...REQUIRED, ...REQUIRED_API }],
      ['worker', REQUIRED],
    ] as const) {
      const env = (compose.services[name].environment ?? {}) as Record<string, unknown>;
      const set = new Set([...dockerfileEnv, ...Object.keys(env)]);
      expect(missing(needed, set)).toEqual([]);
      // A secret is the operator's to give: compose refuses to start without it.
      for (const secret of ['DOORSTROOM_CODEC_KEYS', 'DOORSTROOM_ID_SECRET'])
        expect(String(env[secret])).toMatch(/:\?}/);
    }
    expect(compose.services.api.environment.DOORSTROOM_WORKER).toBe('false');
  });
});
