/** A ZGW zaak notification and a mapping that starts a nareiziger case from it. */
export const ZAAK = 'https://openzaak.example.nl/zaken/api/v1/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1';
export const ZAAKTYPE = 'https://openzaak.example.nl/catalogi/api/v1/zaaktypen/0119dd4e-7be9-477e-bccf-75023b1453c1';

export const notificatie = (over: object = {}) => ({
  kanaal: 'zaken',
  hoofdObject: ZAAK,
  resource: 'zaak',
  resourceUrl: ZAAK,
  actie: 'create',
  aanmaakdatum: '2026-03-02T09:00:00Z',
  kenmerken: {
    bronorganisatie: '002220647',
    zaaktype: ZAAKTYPE,
    vertrouwelijkheidaanduiding: 'vertrouwelijk',
    huishoudgrootte: '3',
    gemeente: 'GM0363',
  },
  ...over,
});

export const startMapping = (over: object = {}) => ({
  name: 'Nareiziger geregistreerd',
  kanaal: 'zaken',
  resource: 'zaak',
  actie: 'create',
  kenmerken: { zaaktype: ZAAKTYPE },
  action: {
    kind: 'start-case',
    processId: 'nareiziger-hotelverblijf',
    data: {
      municipality: { from: 'gemeente' },
      householdSize: { from: 'huishoudgrootte', as: 'integer' },
      registrationDate: { value: '2026-03-02' },
    },
  },
  ...over,
});
