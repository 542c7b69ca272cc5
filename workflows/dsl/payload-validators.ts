import type { ValidateFunction } from 'ajv';

/**
 * Payload and input schemas compiled for workflow code, once per worker instead of once per case.
 *
 * The SDK evaluates the workflow bundle's modules afresh for every workflow (also with
 * `reuseV8Context`), so a module-level ajv would be built, and each schema compiled again, by
 * every case that validates an event — measured at 8–21 ms of CPU per case for the first compile
 * (ajv compiles its meta-schema too) plus ajv's modules and generated code held per cached case.
 * The worker preloads this module (`bundlerOptions.preloadModules`, worker/worker-options.ts): a
 * preloaded module is evaluated once and shared by every workflow in the worker's V8 context, so
 * the ajv instance and the compiled validators below are too.
 *
 * Why that is safe: a validator is a pure function of its schema's content (ajv generates the same
 * code for the same schema; the cache is keyed by that content), it reads no clock, randomness or
 * workflow state, and its `errors` are read synchronously right after the call. The SDK deep-freezes
 * what a preloaded module reaches at load time; ajv keeps lazily filled fields on its code objects,
 * so ajv is NOT loaded then but on the first compile, from inside a workflow (`require` below), and
 * only this module's function is exported (the ajv instance stays in the closure, unfrozen).
 * Without preloading (replay, tests that bundle themselves) this module is evaluated per workflow
 * and behaves as the per-case cache did.
 */
let compile: ((schema: object) => ValidateFunction) | undefined;

/** The validator for a payload or input schema, compiled once per distinct content in this worker. */
export function compilePayloadSchema(schema: object): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  compile ??= (require('./ajv') as typeof import('./ajv')).compileSchema;
  return compile(schema);
}
