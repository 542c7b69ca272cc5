import { Type } from '@sinclair/typebox';
import { refusalOf as refusal } from '../../support/api-error';
import { check, MAX_LISTED_ERRORS } from '../../../server/routes/validate';

/**
 * A refusal lists at most MAX_LISTED_ERRORS errors and counts the rest: a query string of 1,000
 * unknown parameters was answered with 57 kB of errors (and cost the server past its CPU budget).
 */
const Query = Type.Object({ status: Type.Optional(Type.String()) }, { additionalProperties: false });
const Body = Type.Object({ a: Type.Array(Type.Integer()) }, { additionalProperties: false });

describe('the errors a refusal lists', () => {
  it('lists the first errors of 1,000 unknown query parameters and counts the others', () => {
    const query = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`u${i}`, String(i)]));
    const e = refusal(() => check(Query, 'query', query));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.path).toBe('/query/u0');
    const details = e.details as { errors: Array<{ path: string; message: string }>; more?: number };
    expect(details.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(details.errors[0]).toEqual({ path: '/query/u0', message: 'unknown property u0' });
    expect(details.more).toBe(1_000 - MAX_LISTED_ERRORS);
  });

  it('lists every error and no count when there are few', () => {
    const e = refusal(() => check(Body, 'body', { a: ['x', 'y'], b: 1 }));
    const details = e.details as { errors: Array<{ path: string }>; more?: number };
    expect(details.errors.map((x) => x.path).sort()).toEqual(['/body/a/0', '/body/a/1', '/body/b']);
    expect(details).not.toHaveProperty('more');
  });

  it('counts exactly at the limit', () => {
    const body = { a: Array.from({ length: MAX_LISTED_ERRORS + 1 }, () => 'x') };
    const details = refusal(() => check(Body, 'body', body)).details as { errors: unknown[]; more?: number };
    expect(details.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(details.more).toBe(1);
  });
});
