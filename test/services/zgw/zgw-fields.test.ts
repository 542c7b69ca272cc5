import { mapZaakFields, type ZaakSnapshot } from '../../../services/zgw/zgw-fields';

const snapshot = (over: Partial<ZaakSnapshot> = {}): ZaakSnapshot => ({
  zaak: { url: 'https://oz.example/zaken/api/v1/zaken/1', startdatum: '2026-11-29', opschorting: { indicatie: false } },
  eigenschappen: [
    { naam: 'huishoudgrootte', waarde: ' 4 ' },
    { naam: 'gezinshereniging', waarde: 'true' },
  ],
  status: { statustype: 'https://oz.example/catalogi/api/v1/statustypen/9', datumStatusGezet: '2026-11-30T08:00:00Z' },
  rollen: [],
  ...over,
});

describe('mapping fields from the zaak behind a notification', () => {
  it('reads zaak.<field>, status.<field> and eigenschap:<naam> with the kenmerken conversions', () => {
    expect(
      mapZaakFields(snapshot(), {
        registrationDate: { from: 'zaak.startdatum' },
        householdSize: { from: 'eigenschap:huishoudgrootte', as: 'integer' },
        reunification: { from: 'eigenschap:gezinshereniging', as: 'boolean' },
        suspended: { from: 'zaak.opschorting.indicatie', as: 'boolean' },
        placementDate: { from: 'status.datumStatusGezet' },
        municipality: { value: 'GM0363' },
      }),
    ).toEqual({
      registrationDate: '2026-11-29',
      householdSize: 4,
      reunification: true,
      suspended: false,
      placementDate: '2026-11-30T08:00:00Z',
      municipality: 'GM0363',
    });
  });

  it('leaves out what the zaak does not have (no status yet, unknown eigenschap), so the process schema names it', () => {
    expect(
      mapZaakFields(snapshot({ status: null }), {
        placementDate: { from: 'status.datumStatusGezet' },
        rooms: { from: 'eigenschap:kamers', as: 'integer' },
      }),
    ).toEqual({});
  });

  it('keeps the kenmerken form for other sources', () => {
    expect(
      mapZaakFields(snapshot(), { bron: { from: 'bronorganisatie' } }, (k) =>
        k === 'bronorganisatie' ? '002220647' : undefined,
      ),
    ).toEqual({ bron: '002220647' });
  });

  it('refuses a value that is not what the mapping converts to, with the source as path', () => {
    expect(() =>
      mapZaakFields(snapshot({ eigenschappen: [{ naam: 'huishoudgrootte', waarde: 'vier' }] }), {
        householdSize: { from: 'eigenschap:huishoudgrootte', as: 'integer' },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CASE_DATA', path: '/zgw/eigenschap:huishoudgrootte' }));
  });
});
