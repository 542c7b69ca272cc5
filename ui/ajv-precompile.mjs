import { createRequire } from 'node:module';

/**
 * The server's Content Security Policy forbids eval, and ajv compiles every schema with
 * `new Function`. So the schemas the browser needs (rule set, process definition) are compiled
 * here, at build time, to standalone code; in the bundle `ajv` is replaced by a shim that hands
 * out these validators by schema. Schemas only known at run time (event payload schemas) cannot
 * be compiled in the browser; the JSON Schema meta-schema is, so the shim can still tell an invalid
 * payload schema from a valid one (the editor reports it as the server would; the server validates
 * every save and every event).
 */
const require = createRequire(import.meta.url);
const PREFIX = 'virtual:ajv-precompiled';

/** @type {Array<{ options: Record<string, unknown>, formats?: string[], schema: () => Promise<object> }>} */
const TARGETS = [
  // rules/validation/schema-validator.ts
  {
    options: { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true },
    formats: ['date'],
    schema: async () => (await import('../rules/rule-set-schema')).RuleSetSchema,
  },
  // workflows/dsl/ajv.ts
  {
    options: { allErrors: true, strict: false },
    schema: async () => (await import('../workflows/dsl/schema')).ProcessDefinitionSchema,
  },
];

/** The meta-schema ajv checks every schema against before compiling it (ajv 8's default: draft-07). */
const META_SCHEMA = 'http://json-schema.org/draft-07/schema';

/** ajv's standalone output still says require(); Rollup wants imports. */
function toEsm(code) {
  const imports = [];
  const body = code.replace(/require\("([^"]+)"\)/g, (_, spec) => {
    const name = `__req${imports.length}`;
    imports.push(`import * as ${name} from ${JSON.stringify(spec)};`);
    return name;
  });
  return `${imports.join('\n')}\n${body.replace(/^"use strict";/, '')}`;
}

async function compile(target) {
  const Ajv = require('ajv').default;
  const addFormats = require('ajv-formats').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ ...target.options, code: { source: true, esm: true } });
  if (target.formats) addFormats(ajv, target.formats);
  else addFormats(ajv);
  const schema = await target.schema();
  return { key: JSON.stringify(schema), code: toEsm(standaloneCode(ajv, ajv.compile(schema))) };
}

async function compileMeta() {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
  return { code: toEsm(standaloneCode(ajv, ajv.getSchema(META_SCHEMA))) };
}

/** @returns {import('vite').Plugin} */
export function ajvPrecompile() {
  let compiled;
  // The meta-schema's validator comes last, after the targets.
  const all = () => (compiled ??= Promise.all([...TARGETS.map(compile), compileMeta()]));
  return {
    name: 'doorstroom-ajv-precompile',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const list = await all();
      const rest = id.slice(PREFIX.length + 1);
      if (rest.startsWith('/')) return list[Number(rest.slice(1))]?.code;
      const targets = list.slice(0, -1);
      return [
        ...list.map((_, i) => `import v${i} from '${PREFIX}/${i}';`),
        `export const validators = new Map([${targets.map((c, i) => `[${JSON.stringify(c.key)}, v${i}]`).join(', ')}]);`,
        `export const validateSchema = v${list.length - 1};`,
      ].join('\n');
    },
  };
}
