import { createHash } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { createBesluitService, type BesluitService } from '../../../services/besluiten/besluit-service';
import { errorHandler } from '../../../server/error-handler';
import { createBesluitenRouter } from '../../../server/routes/besluiten';
import { createMunicipalityProfileRouter } from '../../../server/routes/municipality-profile';
import { createStoreRouter } from '../../../server/routes/store-router';
import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  createStoreTestApp,
  keyCaller,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';
import { amsterdamRuleSet, confirmedDecision } from './besluit-fixtures';
import { pdfText } from './pdf-text';

const CASE = 'GM0363-statushouder-huisvesting-0123456789abcdef01234567';
const PROFILE = {
  address: { street: 'Postbus 202', postcode: '1000 AE', city: 'Amsterdam' },
  objectionAddress: { street: 'Postbus 1840', postcode: '1000 BV', city: 'Amsterdam' },
  signatory: { name: 'M. Jansen', function: 'teamleider Wonen' },
  byeLaw: { name: 'Huisvestingsverordening Amsterdam', year: 2024, articles: { 'housing-priority': 'art. 2.6.1' } },
  court: 'Rechtbank Amsterdam',
  reason: 'gegevens voor de besluiten',
};

describeEachDialect('municipality profile and besluiten routes', (dialect) => {
  let t: StoreTestApp;
  let service: BesluitService;
  let admin: Caller;
  let designer: Caller;
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    // The store test app, plus the two routers under test, as server/app.ts mounts them.
    service = createBesluitService({ store: t.deps.store, clock: t.deps.clock });
    const app = express();
    app.use(express.json());
    app.use('/api/v1', createMunicipalityProfileRouter({ auth: t.deps }));
    app.use('/api/v1', createBesluitenRouter({ auth: t.deps, besluiten: service }));
    app.use('/api/v1', createStoreRouter(t.deps));
    app.use(errorHandler({ error: () => undefined }));
    t = { ...t, app };
    await addTenant(t, 'GM0363', 'Gemeente Amsterdam');
    await addTenant(t, 'GM0014', 'Gemeente Groningen');
    admin = await userCaller(t, 'GM0363', 'beheerder', ['admin']);
    designer = await userCaller(t, 'GM0363', 'ontwerper', ['designer']);
  });
  afterAll(() => t.dispose());

  it('reads a default profile named after the CBS list, incomplete, to every role and to a key with cases:read', async () => {
    const res = await designer.get('/municipality/profile');
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({
      tenant: 'GM0363',
      name: 'Amsterdam',
      nameSource: 'cbs-list',
      address: null,
      signatory: null,
      byeLaw: null,
    });
    expect(res.body.completeness.complete).toBe(false);
    expect(res.body.completeness.missing.map((m: { code: string }) => m.code)).toEqual([
      'MISSING_ADDRESS',
      'MISSING_SIGNATORY',
      'MISSING_BYE_LAW',
    ]);
    expect((await (await keyCaller(t, 'GM0363', ['cases:read'])).get('/municipality/profile')).status).toBe(200);
    expect((await (await keyCaller(t, 'GM0363', ['cases:start'])).get('/municipality/profile')).status).toBe(403);
    expect((await request(t.app).get('/api/v1/municipality/profile')).status).toBe(401);
  });

  it('lets an admin replace it (audited, with the fields that changed), not a designer, and validates with paths', async () => {
    expect((await designer.put('/municipality/profile', PROFILE)).body.error.code).toBe('FORBIDDEN');
    const bad = await admin.put('/municipality/profile', {
      ...PROFILE,
      address: { ...PROFILE.address, postcode: '1000' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/address/postcode' });
    const res = await admin.put('/municipality/profile', PROFILE);
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ name: 'Amsterdam', signatory: PROFILE.signatory, updatedBy: 'beheerder' });
    expect(res.body.completeness).toEqual({ complete: true, missing: [] });
    const audit = await admin.get('/audit?action=municipalityProfile.update');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      reason: 'gegevens voor de besluiten',
      details: { changed: ['address', 'objectionAddress', 'signatory', 'byeLaw', 'court'] },
    });
    expect(JSON.stringify(audit.body.items[0])).not.toContain('Jansen');
  });

  it('lists and downloads a besluit as PDF (audited), only within the municipality', async () => {
    const issued = await service.issue({
      tenant: 'GM0363',
      caseId: CASE,
      caseRef: 'ZAAK/2026 0042',
      decision: confirmedDecision(),
      ruleSet: amsterdamRuleSet(),
    });
    const list = await designer.get(`/cases/${CASE}/besluiten`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: issued.id,
        sha256: issued.sha256,
        nodeId: 'voorrang-besluit',
        decidedAt: '2026-11-27T10:15:00.000Z',
      }),
    ]);

    const key = await keyCaller(t, 'GM0363', ['cases:read']);
    const res = await key
      .get(`/cases/${CASE}/besluiten/${issued.id}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="besluit-ZAAK-2026-0042.pdf"');
    const pdf = res.body as Buffer;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued.sha256);
    expect(res.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(issued.sha256, 'hex').toString('base64')}:`);
    expect(pdfText(pdf)).toContain('Gemeente Amsterdam');

    const audit = await admin.get('/audit?action=besluit.download');
    expect(audit.body.items[0]).toMatchObject({
      action: 'besluit.download',
      actor: { kind: 'apiKey' },
      target: { type: 'besluit', id: issued.id },
      details: { caseId: CASE, sha256: issued.sha256 },
    });

    const groningen = await userCaller(t, 'GM0014', 'beheerder-groningen', ['admin']);
    expect((await groningen.get(`/cases/${CASE}/besluiten/${issued.id}`)).status).toBe(404);
    expect((await groningen.get(`/cases/${CASE}/besluiten`)).body.items).toEqual([]);
    expect(
      (await designer.get(`/cases/${CASE}/besluiten/00000000-0000-4000-8000-000000000000`)).body.error,
    ).toMatchObject({ code: 'NOT_FOUND', path: '/params/besluitId' });
    expect((await designer.get(`/cases/${CASE}/besluiten/not-a-uuid`)).body.error.code).toBe('VALIDATION_FAILED');
    expect(
      (await (await keyCaller(t, 'GM0363', ['cases:start'])).get(`/cases/${CASE}/besluiten/${issued.id}`)).status,
    ).toBe(403);
  });
});
