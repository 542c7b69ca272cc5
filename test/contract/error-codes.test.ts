import Ajv from 'ajv';
import { ERROR_CODE_LIST, ERROR_CODES, ErrorBody, type ErrorCode } from '../../contract/error-codes';
import { ApiError } from '../../platform/errors';
import { buildOpenApiDocument, OPERATIONS } from '../../server/openapi/build-document';

describe('error codes: one union, one table', () => {
  it('refuses a code the contract does not list, at compile time', () => {
    // @ts-expect-error a misspelt code is not an ErrorCode
    const typo = new ApiError(404, 'CASE_NOT_FOUN', 'no such case');
    // @ts-expect-error an arbitrary string is not an ErrorCode either
    const anyString = (code: string) => new ApiError(400, code, 'x');
    const ok: ApiError = new ApiError(404, 'CASE_NOT_FOUND', 'no such case');
    expect([typo.code, typeof anyString, ok.code]).toEqual(['CASE_NOT_FOUN', 'function', 'CASE_NOT_FOUND']);
  });

  it('types the error body: its code is an ErrorCode', () => {
    const body: ErrorBody = new ApiError(409, 'CASE_CLOSED', 'ended').toJSON();
    const code: ErrorCode = body.error.code;
    // @ts-expect-error the body's code is not any string
    const wrong: ErrorBody = { error: { code: 'NOPE', message: 'x' } };
    expect([code, wrong.error.message]).toEqual(['CASE_CLOSED', 'x']);
  });

  it('gives every code an HTTP status and a description', () => {
    expect(ERROR_CODE_LIST).toEqual(Object.keys(ERROR_CODES));
    for (const code of ERROR_CODE_LIST) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(ERROR_CODES[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_CODES[code].description.length).toBeGreaterThan(10);
    }
  });

  it('validates what ApiError sends against the contract error body', () => {
    const validate = new Ajv({ strict: false }).compile(ErrorBody);
    for (const code of ERROR_CODE_LIST) {
      const body = new ApiError(ERROR_CODES[code].status, code, 'message', '/body/x', { any: 1 }).toJSON();
      expect(validate(body)).toBe(true);
    }
    expect(validate({ error: { code: 'NOT_A_CODE', message: 'm' } })).toBe(false);
  });

  it('generates the OpenAPI error schema and each operation error list from the same table', () => {
    const doc = buildOpenApiDocument('test') as {
      components: { schemas: { Error: { properties: { error: { properties: { code: { anyOf: object[] } } } } } } };
    };
    const listed = doc.components.schemas.Error.properties.error.properties.code.anyOf.map(
      (c) => (c as { const: string }).const,
    );
    expect(listed).toEqual(ERROR_CODE_LIST);
    for (const op of OPERATIONS) for (const code of op.errors) expect(ERROR_CODES).toHaveProperty(code);
  });
});
