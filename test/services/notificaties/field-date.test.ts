import { toMunicipalDate } from '../../../services/notificaties/field-date';
import { mapZaakFields, type ZaakSnapshot } from '../../../services/zgw/zgw-fields';
import { mapFields } from '../../../services/notificaties/field-map';
import type { NotificatieBody } from '../../../contract/notificaties';

describe('as: "date" — a date, or the Dutch calendar day of a date-time', () => {
  it('keeps a date and turns a date-time into the day in the Netherlands', () => {
    expect(toMunicipalDate('2026-11-30')).toBe('2026-11-30');
    expect(toMunicipalDate('2026-11-30T08:00:00Z')).toBe('2026-11-30');
    // 23:30 UTC on 30 November is 00:30 on 1 December in Amsterdam (winter time, UTC+1).
    expect(toMunicipalDate('2026-11-30T23:30:00Z')).toBe('2026-12-01');
    // Summer time (UTC+2): 22:30 UTC on 30 June is 00:30 on 1 July.
    expect(toMunicipalDate('2026-06-30T22:30:00.123456Z')).toBe('2026-07-01');
    expect(toMunicipalDate('2026-11-30T00:15:00+01:00')).toBe('2026-11-30');
  });

  it('refuses what is no date: impossible days, local times without an offset, years outside 1900–2100, non-strings', () => {
    for (const v of [
      '2026-02-30',
      '2026-11-30T08:00:00',
      '9999-01-01',
      '1899-12-31T12:00:00Z',
      'morgen',
      '',
      20261130,
      null,
    ])
      expect(toMunicipalDate(v)).toBeUndefined();
  });

  it('in a zaak mapping: status.datumStatusGezet as a date; a wrong value refused at its path', () => {
    const snapshot: ZaakSnapshot = {
      zaak: { startdatum: '2026-11-29' },
      eigenschappen: [{ naam: 'aankomst', waarde: 'gisteren' }],
      status: { datumStatusGezet: '2026-11-30T23:30:00Z' },
      rollen: [],
    };
    expect(mapZaakFields(snapshot, { placementDate: { from: 'status.datumStatusGezet', as: 'date' } })).toEqual({
      placementDate: '2026-12-01',
    });
    expect(() => mapZaakFields(snapshot, { arrival: { from: 'eigenschap:aankomst', as: 'date' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_CASE_DATA', path: '/zgw/eigenschap:aankomst' }),
    );
  });

  it('in a kenmerken mapping: $aanmaakdatum as a date', () => {
    const n = {
      kanaal: 'zaken',
      hoofdObject: 'https://oz.example/zaken/api/v1/zaken/1',
      resource: 'zaak',
      resourceUrl: 'https://oz.example/zaken/api/v1/zaken/1',
      actie: 'create',
      aanmaakdatum: '2026-11-30T23:30:00Z',
      kenmerken: {},
    } as NotificatieBody;
    expect(mapFields(n, { registrationDate: { from: '$aanmaakdatum', as: 'date' } })).toEqual({
      registrationDate: '2026-12-01',
    });
  });
});
