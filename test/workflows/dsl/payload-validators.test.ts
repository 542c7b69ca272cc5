import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions } from '../../../worker/worker-options';
import { compilePayloadSchema } from '../../../workflows/dsl/payload-validators';
import { toIssues } from '../../../workflows/dsl/schema-issues';

const offer = {
  type: 'object',
  required: ['offerId'],
  additionalProperties: false,
  properties: { offerId: { type: 'string', maxLength: 64 }, availableFrom: { type: 'string', format: 'date' } },
};

describe('payload validators shared by a worker', () => {
  it('compiles a schema once per distinct content: an equal copy gets the same validator, another schema its own', () => {
    const first = compilePayloadSchema(offer);
    expect(compilePayloadSchema(JSON.parse(JSON.stringify(offer)) as object)).toBe(first);
    expect(compilePayloadSchema({ ...offer, required: [] })).not.toBe(first);
  });

  it('validates as the product does: required and unknown fields, and dates within 1900–2100, with JSON pointers', () => {
    const validate = compilePayloadSchema(offer);
    expect(validate({ offerId: 'A-1', availableFrom: '2027-01-15' })).toBe(true);
    expect(validate({ availableFrom: '9999-01-01', extra: 1 })).toBe(false);
    const issues = toIssues(validate.errors, '/payload');
    expect(issues.map((i) => i.path).sort()).toEqual(['/payload/availableFrom', '/payload/extra', '/payload/offerId']);
    expect(issues.find((i) => i.path === '/payload/availableFrom')?.message).toMatch(
      /^moet een geldige datum tussen 1900 en 2100 zijn/,
    );
  });

  it('is preloaded into the workflow bundle, and the workflow code reaches ajv only through it (lazily)', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../../workflows/index'),
      ...workflowBundlerOptions,
      logger: {
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
        log: () => undefined,
      },
    });
    const preload = /exports\.preloadModules = function preloadModules\(\) \{([\s\S]*?)\n\}/.exec(code)?.[1] ?? '';
    expect(preload).toMatch(/payload-validators/);
    // Each module of the bundle by its id; which ones require a given module.
    const modules = code
      .split(/\n\/\*\*\*\/ "/)
      .slice(1)
      .map((chunk) => [chunk.slice(0, chunk.indexOf('"')), chunk] as const);
    const requiring = (id: string) => modules.filter(([, body]) => body.includes(`"${id}")`)).map(([name]) => name);
    // Of the workflow code only dsl/ajv.ts imports ajv, and only payload-validators requires dsl/ajv.ts (on first use).
    expect(requiring('./node_modules/ajv/dist/ajv.js').filter((m) => m.startsWith('./workflows/'))).toEqual([
      './workflows/dsl/ajv.ts',
    ]);
    expect(requiring('./workflows/dsl/ajv.ts')).toEqual(['./workflows/dsl/payload-validators.ts']);
  }, 120_000);
});
