import { ApiError } from '../../../platform/errors';
import { checkCaseReference } from '../../../services/cases/case-reference';
import {
  findPersonalNumber,
  passesBsnElfproef,
  redactPersonalNumbers,
} from '../../../workflows/privacy/find-personal-number';

const refused = (ref: string, path?: string): ApiError => {
  try {
    checkCaseReference(ref, path);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error(`${ref} was accepted`);
};

describe('BSN elfproef', () => {
  it.each(['123456782', '111222333', '012345672'])('%s passes', (bsn) => expect(passesBsnElfproef(bsn)).toBe(true));
  it.each(['123456789', '111222334', '000000000', '12345678', '12345678a'])('%s fails', (n) =>
    expect(passesBsnElfproef(n)).toBe(false),
  );
});

describe('caseRef check: no BSN or V-nummer anywhere in the reference', () => {
  it.each([
    ['BSN-123456782', 'bsn'],
    ['zaak-123456782', 'bsn'],
    ['ZAAK123456782X', 'bsn'],
    ['aanvraag-1234.56.782', 'bsn'],
    ['aanvraag-123.456.782', 'bsn'],
    ['dossier_1234_56_782', 'bsn'],
    ['oud-12345672', 'bsn'], // an 8-digit BSN: the leading zero fell off in a spreadsheet
    ['123456789', 'bsn'], // only digits of BSN length: refused even without a valid elfproef
    ['1234.5678.9', 'bsn'],
    ['V1234567890', 'v-nummer'],
    ['ind-1234-5678-90', 'v-nummer'],
    ['vreemdeling.1234.5678.90/a', 'v-nummer'],
    ['bsn:99', 'bsn'],
    ['SOFI-1', 'bsn'],
  ])('refuses %s (%s)', (ref, kind) => {
    const err = refused(ref);
    expect(err).toMatchObject({
      status: 400,
      code: 'CASE_REF_LOOKS_PERSONAL',
      path: '/body/caseRef',
      details: { kind },
    });
    // Dutch first, English in brackets, and never the number itself.
    expect(err.message).toMatch(/^De zaakreferentie bevat iets dat op een (BSN|V-nummer) lijkt.*\(caseRef contains/);
    expect(err.message).not.toContain(ref);
    expect(err.message).not.toMatch(/\d{4}/);
  });

  it.each([
    'ZAAK-2026-0001',
    'ZAAK-2026-000123',
    'zaak-2026-01-15',
    'besluit-20260115',
    'Z2026.12.31-7',
    'zgw-d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1',
    'zgw-12345678-1234-1234-1234-123456789012',
    'zaak-123456789', // nine digits, elfproef fails: not a BSN
    'zaak-12345678', // eight digits, elfproef fails with the zero put back
    'ref-1234-5678', // two groups of four: no written-out form
    'AB-12.34',
    'parent-ref/har-overdracht-1',
  ])('accepts %s', (ref) => {
    expect(() => checkCaseReference(ref)).not.toThrow();
  });

  it('reports the path it was given (Notificaties derive the reference from hoofdObject)', () => {
    expect(refused('zgw-123456782', '/body/hoofdObject').path).toBe('/body/hoofdObject');
  });

  it('keeps the shape check first', () => {
    expect(refused('a b').code).toBe('INVALID_CASE_REF');
  });
});

describe('redacting personal numbers from a text', () => {
  it('replaces each number and keeps the rest', () => {
    expect(redactPersonalNumbers('persoon 123456782 en V 1234-5678-90, zaak ZAAK-2026-0001')).toBe(
      'persoon [verwijderd] en V [verwijderd], zaak ZAAK-2026-0001',
    );
  });
  it('keeps case ids (a keyed hash) readable', () => {
    const caseId = 'GM0363-nareiziger-hotelverblijf-3f1234567890ab1234567890';
    expect(findPersonalNumber(caseId)).toBeUndefined();
    expect(redactPersonalNumbers(`case ${caseId} started`)).toBe(`case ${caseId} started`);
  });
});
