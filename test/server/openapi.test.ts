import request from 'supertest';
import { buildOpenApiDocument, OPERATIONS } from '../../server/openapi/build-document';
import { ERROR_CODES } from '../../contract/error-codes';
import { startProduct, type RunningProduct } from '../support/runtime';

const sample: Record<string, string> = {
  processId: 'nareiziger-hotelverblijf',
  caseId: 'GM0363-nareiziger-hotelverblijf-000000000000000000000000',
  key: 'housing-priority',
  version: '1',
  tenantId: 'GM0363',
  userId: '00000000-0000-4000-8000-000000000000',
  keyId: '00000000-0000-4000-8000-000000000000',
};

describe('OpenAPI document', () => {
  let product: RunningProduct;
  beforeAll(async () => {
    product = await startProduct();
  }, 90_000);
  afterAll(async () => product?.stop(), 30_000);

  it('is served at /api/v1/openapi.json as OpenAPI 3.1 with unique operation ids', async () => {
    const res = await request(product.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const ids = OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(res.body.components.securitySchemes).toHaveProperty('apiKey');
  });

  it('documents only routes the server has: every operation answers with something other than "no such route"', async () => {
    for (const op of OPERATIONS) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name] ?? 'x');
      const res = await request(product.app)[op.method](`/api/v1${path}`).send({});
      const noRoute =
        res.status === 404 && res.body?.error?.code === 'NOT_FOUND' && /No API route/.test(res.body.error.message);
      expect({ op: `${op.method.toUpperCase()} ${op.path}`, noRoute }).toEqual({
        op: `${op.method.toUpperCase()} ${op.path}`,
        noRoute: false,
      });
    }
  });

  it('describes every error status of every operation with its codes and an example', () => {
    const doc = buildOpenApiDocument('test') as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    for (const op of OPERATIONS) {
      const responses = doc.paths[op.path]?.[op.method]?.responses ?? {};
      for (const code of op.errors) expect(responses[String(ERROR_CODES[code].status)]?.description).toContain(code);
      expect(responses['500']).toBeDefined();
    }
  });

  it('serves a readable reference page at /api/docs', async () => {
    const res = await request(product.app).get('/api/docs/').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });
});
