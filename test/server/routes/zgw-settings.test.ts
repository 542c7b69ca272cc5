import { seedsFor } from '../../../services/wiring/seeds';
import { findZgwSettingsRow, ZGW_SECRET_PURPOSE } from '../../../services/zgw/zgw-settings';
import { describeEachDialect } from '../../support/postgres';
import { addTenant, createStoreTestApp, userCaller, type StoreTestApp } from '../../support/store-app';

const OZ = 'https://openzaak.gemeente.nl';
const SECRET = 'zgw-geheim-van-de-gemeente-0363';

const body = (over: Record<string, unknown> = {}) => ({
  zakenUrl: `${OZ}/zaken/api/v1/`,
  catalogiUrl: `${OZ}/catalogi/api/v1`,
  besluitenUrl: `${OZ}/besluiten/api/v1`,
  documentenUrl: `${OZ}/documenten/api/v1`,
  clientId: 'doorstroom-gm0363',
  clientSecret: SECRET,
  bronorganisatie: '002220647',
  enabled: true,
  processLinks: [
    {
      processId: 'nareiziger-hotelverblijf',
      zaaktype: `${OZ}/catalogi/api/v1/zaaktypen/0119dd4e-7be9-477e-bccf-75023b1453c1`,
      statustypen: [{ step: 'wacht-op-hotelplaatsing', statustype: `${OZ}/catalogi/api/v1/statustypen/1` }],
      besluittype: `${OZ}/catalogi/api/v1/besluittypen/2`,
      informatieobjecttype: `${OZ}/catalogi/api/v1/informatieobjecttypen/3`,
      resultaattype: `${OZ}/catalogi/api/v1/resultaattypen/4`,
      eindstatustype: `${OZ}/catalogi/api/v1/statustypen/5`,
    },
  ],
  reason: 'aansluiten op Open Zaak',
  ...over,
});

const CAT = `${OZ}/catalogi/api/v1`;
const link = (over: Record<string, unknown>) => ({ ...body().processLinks[0], ...over });

describeEachDialect('ZGW settings (administrators)', (dialect) => {
  let t: StoreTestApp;
  let n = 0;
  const tenant = () => `GM8${String(++n).padStart(3, '0')}`;
  // The built-in processes, published in every new municipality: the links name their steps.
  beforeAll(async () => {
    t = await createStoreTestApp(dialect, { seeds: (gm) => seedsFor(gm, '2026-01-01') });
  });
  const box = () => t.deps.store.secrets;
  afterAll(async () => {
    await t.dispose();
  });

  it('saves the link with the secret sealed by the key ring, never shows the secret, and audits the change', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    expect((await admin.get('/zgw-settings')).body).toEqual({ settings: null });

    const res = await admin.put('/zgw-settings', body());
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({
      zakenUrl: `${OZ}/zaken/api/v1`,
      clientId: 'doorstroom-gm0363',
      hasClientSecret: true,
      enabled: true,
      updatedBy: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    expect(JSON.stringify((await admin.get('/zgw-settings')).body)).not.toContain(SECRET);

    const row = (await findZgwSettingsRow(t.deps.store.db, gm))!;
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(box().open(row.client_secret_enc!, ZGW_SECRET_PURPOSE, gm)).toBe(SECRET);
    // Bound to the municipality: the same ciphertext does not open for another one.
    expect(() => box().open(row.client_secret_enc!, ZGW_SECRET_PURPOSE, 'GM0001')).toThrow();

    // Absent secret keeps the stored one.
    const { clientSecret: _omit, ...withoutSecret } = body({ clientId: 'doorstroom-2' });
    expect((await admin.put('/zgw-settings', withoutSecret)).body.settings.hasClientSecret).toBe(true);
    expect((await findZgwSettingsRow(t.deps.store.db, gm))!.client_secret_enc).toBe(row.client_secret_enc);

    const audit = await admin.get('/audit?action=zgwSettings.update');
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[1]).toMatchObject({ reason: 'aansluiten op Open Zaak' });
    expect(JSON.stringify(audit.body)).not.toContain(SECRET);
  });

  it('refuses bad settings with a code, the failing path and words in Dutch first', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ bronorganisatie: '12345' }, 'VALIDATION_FAILED', '/body/bronorganisatie'],
      [{ zakenUrl: 'ftp://openzaak.gemeente.nl/zaken' }, 'INVALID_ZGW_SETTINGS', '/body/zakenUrl'],
      [{ zakenUrl: 'https://user:pw@openzaak.gemeente.nl/zaken' }, 'INVALID_ZGW_SETTINGS', '/body/zakenUrl'],
      [{ clientSecret: '', enabled: true }, 'INVALID_ZGW_SETTINGS', '/body/clientSecret'],
      [
        {
          processLinks: [{ ...body().processLinks[0], besluittype: `${OZ}/b`, informatieobjecttype: undefined }].map(
            (l) => JSON.parse(JSON.stringify(l)) as object,
          ),
        },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/informatieobjecttype',
      ],
      [
        { processLinks: [body().processLinks[0], body().processLinks[0]] },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/1/processId',
      ],
      // Against the published process definitions and the configured Catalogi API:
      [
        { processLinks: [link({ processId: 'geen-proces' })] },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/processId',
      ],
      [
        { processLinks: [link({ statustypen: [{ step: 'geen-stap', statustype: `${CAT}/statustypen/1` }] })] },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/statustypen/0/step',
      ],
      [
        {
          processLinks: [
            link({
              statustypen: [{ step: 'registratie', statustype: 'https://elders.nl/catalogi/api/v1/statustypen/1' }],
            }),
          ],
        },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/statustypen/0/statustype',
      ],
      [
        { processLinks: [link({ zaaktype: 'https://elders.nl/catalogi/api/v1/zaaktypen/1' })] },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/zaaktype',
      ],
      [
        {
          processLinks: [
            link({
              processId: 'urgentie-aanvraag',
              statustypen: [],
              besluittypen: [{ decision: 'geen-besluit', besluittype: `${CAT}/besluittypen/7` }],
            }),
          ],
        },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/besluittypen/0/decision',
      ],
      [
        {
          processLinks: [link({ resultaattypen: [{ outcome: 'onbekend', resultaattype: `${CAT}/resultaattypen/8` }] })],
        },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/resultaattypen/0/outcome',
      ],
      // The resultaattype of a cancelled case: in the Catalogi API, and only with an eindstatustype.
      [
        { processLinks: [link({ cancelledResultaattype: 'https://elders.nl/catalogi/api/v1/resultaattypen/6' })] },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/cancelledResultaattype',
      ],
      [
        {
          processLinks: [
            JSON.parse(
              JSON.stringify(link({ cancelledResultaattype: `${CAT}/resultaattypen/6`, eindstatustype: undefined })),
            ) as object,
          ],
        },
        'INVALID_ZGW_SETTINGS',
        '/body/processLinks/0/cancelledResultaattype',
      ],
      [
        { processLinks: [link({ cancelledResultaattype: 'geen-url' })] },
        'VALIDATION_FAILED',
        '/body/processLinks/0/cancelledResultaattype',
      ],
    ];
    for (const [over, code, path] of cases) {
      const res = await admin.put('/zgw-settings', body(over));
      expect([res.status, res.body.error.code, res.body.error.path]).toEqual([400, code, path]);
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
    expect((await admin.get('/zgw-settings')).body).toEqual({ settings: null });
  });

  it('takes a besluittype per decision step, a resultaattype per outcome that the process has, and one for a cancelled case', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    const links = [
      link({
        resultaattypen: [{ outcome: 'beeindigd', resultaattype: `${CAT}/resultaattypen/9` }],
        cancelledResultaattype: `${CAT}/resultaattypen/6`,
      }),
      link({
        processId: 'urgentie-aanvraag',
        statustypen: [{ step: 'urgentiebesluit', statustype: `${CAT}/statustypen/6` }],
        besluittypen: [{ decision: 'urgentiebesluit', besluittype: `${CAT}/besluittypen/7` }],
      }),
    ];
    const res = await admin.put('/zgw-settings', body({ processLinks: links }));
    expect(res.status).toBe(200);
    expect(res.body.settings.processLinks).toEqual(links);
  });

  it('is for administrators only', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const designer = await userCaller(t, gm, 'ontwerper', ['designer']);
    expect((await designer.get('/zgw-settings')).status).toBe(403);
    expect((await designer.put('/zgw-settings', body())).status).toBe(403);
  });
});
