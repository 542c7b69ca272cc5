import { Type } from '@sinclair/typebox';
import { refusalOf } from '../../support/api-error';
import { check, MAX_BODY_DEPTH, MAX_OBJECT_PROPERTIES } from '../../../server/routes/validate';

const Body = Type.Object(
  { name: Type.String({ maxLength: 10 }), data: Type.Unknown() },
  { additionalProperties: false },
);

const refusal = (body: unknown) => refusalOf(() => check(Body, 'body', body));

describe('the body guard before the schema checks', () => {
  it('refuses an object wider than the limit at its own path, before any schema check', () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_OBJECT_PROPERTIES + 1 }, (_, i) => [`k${i}`, i]));
    const err = refusal({ name: 'a', data: { lijst: [{ x: 1 }, wide] } });
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.path).toBe('/body/data/lijst/1');
    expect(err.message).toContain(`meer dan ${MAX_OBJECT_PROPERTIES} eigenschappen`);
  });

  it('escapes the path as a JSON pointer', () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_OBJECT_PROPERTIES + 1 }, (_, i) => [`k${i}`, i]));
    expect(refusal({ name: 'a', data: { 'a/b~c': wide } }).path).toBe('/body/data/a~1b~0c');
  });

  it('accepts an object of exactly the limit and leaves the rest to the schema', () => {
    const full = Object.fromEntries(Array.from({ length: MAX_OBJECT_PROPERTIES }, (_, i) => [`k${i}`, i]));
    expect(check(Body, 'body', { name: 'a', data: full })).toEqual({ name: 'a', data: full });
    const err = refusal({ name: 'veel te lang voor tien', data: full });
    expect(err.path).toBe('/body/name');
  });

  it('still refuses a body nested deeper than the depth limit', () => {
    let deep: unknown = {};
    for (let i = 0; i < MAX_BODY_DEPTH + 5; i++) deep = { d: deep };
    expect(refusal({ name: 'a', data: deep }).path).toBe('/body');
  });
});
