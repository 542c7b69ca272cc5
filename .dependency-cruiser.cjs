/**
 * Layers point one way (docs/architecture.md):
 *   domain (rules/, workflows/, contract/) ← platform/ ← services/ ← worker/ and server/ ← product/
 * The browser app (ui/src) sees the domain and the contract only. Type imports count as imports:
 * a type that two layers need lives in the lower one.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const LAYERS = ['contract', 'rules', 'workflows', 'platform', 'services', 'worker', 'server', 'product'];
const above = {
  domain: '^(platform|services|worker|server|product|ui)/',
  platform: '^(services|worker|server|product|ui)/',
  services: '^(worker|server|product|ui)/',
  worker: '^(server|product|ui)/',
  server: '^(worker|product|ui)/',
};

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain (case state, events, the DSL, rules, the API contract) depends on no layer above it.',
      severity: 'error',
      from: { path: '^(contract|rules|workflows)/' },
      to: { path: above.domain },
    },
    {
      name: 'platform-below-services',
      comment: 'Store, Temporal runtime, codec, configuration, log and egress know nothing of services.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: above.platform },
    },
    {
      name: 'services-below-entry-points',
      comment:
        'Services (webhooks, alerts, quota, versions, sources…) are used by the worker and the HTTP server, never the other way.',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: above.services },
    },
    {
      name: 'worker-without-http',
      comment: 'The worker never imports the HTTP app.',
      severity: 'error',
      from: { path: '^worker/' },
      to: { path: above.worker },
    },
    {
      name: 'http-without-worker',
      comment: 'The HTTP server is routes and the OpenAPI document; the product entry composes it with the worker.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: above.server },
    },
    {
      name: 'ui-sees-domain-and-contract',
      comment: 'The browser app imports the domain and the contract only (types or pure code), never server code.',
      severity: 'error',
      from: { path: '^ui/src/' },
      to: { path: '^(platform|services|worker|server|product)/' },
    },
    {
      name: 'no-tests-in-source',
      severity: 'error',
      from: { path: `^(${LAYERS.join('|')}|ui/src)/` },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-circular',
      comment: 'No cycles, type-only ones included.',
      severity: 'error',
      from: { path: `^(${LAYERS.join('|')}|ui/src)/` },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|ui/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
