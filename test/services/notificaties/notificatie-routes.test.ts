import { queryAudit } from '../../../services/audit/audit';
import { ApiError } from '../../../platform/errors';
import { describeEachDialect } from '../../support/postgres';
import { addApiKey, addTenant, caller, userCaller } from '../../support/store-app';
import { createIntegrationTestApp, type IntegrationTestApp } from '../webhooks/test-app';
import { notificatie, startMapping, ZAAK, ZAAKTYPE } from './fixtures';

const A = 'GM0363';
const B = 'GM0344';
type Call = {
  op: 'start' | 'event';
  tenant: string;
  processId?: string;
  caseRef?: string;
  caseId?: string;
  data?: unknown;
  name?: string;
  payload?: unknown;
};

describeEachDialect('notificaties callback and mapping routes', (dialect) => {
  let t: IntegrationTestApp;
  let calls: Call[];
  let existingCases: Set<string>;
  beforeEach(async () => {
    calls = [];
    existingCases = new Set();
    t = await createIntegrationTestApp(dialect, {
      cases: {
        start: async (tenant, processId, caseRef, data) => {
          calls.push({ op: 'start', tenant, processId, caseRef, data });
          const caseId = `${tenant}-${processId}-${caseRef}`;
          const created = !existingCases.has(caseId);
          existingCases.add(caseId);
          return { caseId, created };
        },
        sendEvent: async (tenant, caseId, e) => {
          if (!existingCases.has(caseId))
            throw new ApiError(404, 'CASE_NOT_FOUND', `Case ${caseId} does not exist.`, '/params/caseId');
          calls.push({ op: 'event', tenant, caseId, name: e.name, payload: e.payload });
          return { accepted: true, event: e.name, currentStep: 'x', status: 'running' };
        },
      },
      caseIdOf: (tenant, processId, caseRef) => `${tenant}-${processId}-${caseRef}`,
    });
    await addTenant(t, A);
    await addTenant(t, B);
  });
  afterEach(async () => t.dispose());

  const system = async (tenant = A) =>
    t.as({ Authorization: `Bearer ${await addApiKey(t, tenant, ['notificaties:receive'])}` });

  it('lets an admin create, read, replace and delete mappings, auditing each change with before and after', async () => {
    const admin = await t.admin(A);
    const created = await admin.post('/notificatie-mappings', { ...startMapping(), reason: 'ZGW-koppeling' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      tenantId: A,
      kanaal: 'zaken',
      active: true,
      kenmerken: { zaaktype: ZAAKTYPE },
      action: { kind: 'start-case' },
    });
    const id = created.body.id as string;
    expect((await admin.get('/notificatie-mappings')).body.items.map((m: any) => m.id)).toEqual([id]);
    expect((await admin.get(`/notificatie-mappings/${id}`)).body).toEqual(created.body);

    const replaced = await admin.put(`/notificatie-mappings/${id}`, {
      ...startMapping({ actie: 'partial_update', active: false }),
      reason: 'andere actie',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id, actie: 'partial_update', active: false });
    expect((await admin.send('delete', `/notificatie-mappings/${id}?reason=weg`)).status).toBe(204);
    expect((await admin.get(`/notificatie-mappings/${id}`)).status).toBe(404);

    const audit = (await queryAudit(t.deps.store.db, A, { action: 'notificatieMapping.' })).reverse();
    expect(audit.map((e) => [e.action, e.reason])).toEqual([
      ['notificatieMapping.create', 'ZGW-koppeling'],
      ['notificatieMapping.update', 'andere actie'],
      ['notificatieMapping.delete', 'weg'],
    ]);
    expect(audit[1]!.details).toMatchObject({
      before: { actie: 'create', active: true },
      after: { actie: 'partial_update', active: false },
    });
    expect(audit.every((e) => e.actor.kind === 'user' && e.target.id === id)).toBe(true);
  });

  it('refuses bad mappings with 400 and the path, and is admin-only and per municipality', async () => {
    const admin = await t.admin(A);
    const bad = await admin.post(
      '/notificatie-mappings',
      startMapping({ action: { kind: 'start-case', processId: 'Nareiziger!' } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.path).toMatch(/^\/body\/action/);
    expect((await admin.post('/notificatie-mappings', { ...startMapping(), kanaal: undefined })).body.error.path).toBe(
      '/body/kanaal',
    );

    const id = (await admin.post('/notificatie-mappings', startMapping())).body.id as string;
    const adminB = await t.admin(B);
    expect((await adminB.get('/notificatie-mappings')).body.items).toEqual([]);
    expect((await adminB.get(`/notificatie-mappings/${id}`)).status).toBe(404);
    expect((await adminB.put(`/notificatie-mappings/${id}`, startMapping())).status).toBe(404);
    expect((await adminB.send('delete', `/notificatie-mappings/${id}`)).status).toBe(404);
    const designer = await userCaller(t, A, 'ontwerper', ['designer']);
    expect((await caller(t.app, designer.headers).get('/notificatie-mappings')).status).toBe(403);
    expect((await (await system()).get('/notificatie-mappings')).status).toBe(403);
  });

  it('turns a matching notification into a case start with reference zgw-<uuid> and data from kenmerken', async () => {
    await (await t.admin(A)).post('/notificatie-mappings', startMapping());
    const sys = await system();
    const res = await sys.post('/notificaties', notificatie());
    expect(res.status).toBe(200);
    const caseRef = 'zgw-d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1';
    expect(res.body).toEqual({
      result: 'case-started',
      mappingId: expect.any(String),
      caseId: `${A}-nareiziger-hotelverblijf-${caseRef}`,
    });
    expect(calls).toEqual([
      {
        op: 'start',
        tenant: A,
        processId: 'nareiziger-hotelverblijf',
        caseRef,
        data: { municipality: 'GM0363', householdSize: 3, registrationDate: '2026-03-02' },
      },
    ]);
    // The Notificaties API may deliver twice: the same case, not a second one.
    expect((await sys.post('/notificaties', notificatie())).body.result).toBe('case-exists');
  });

  it('turns a matching notification into an event for the existing case, the most specific mapping winning', async () => {
    const admin = await t.admin(A);
    await admin.post('/notificatie-mappings', startMapping());
    const eventMapping = (over: object) => ({
      name: 'Hotelplaatsing',
      kanaal: 'zaken',
      resource: 'status',
      actie: 'create',
      action: {
        kind: 'send-event',
        processId: 'nareiziger-hotelverblijf',
        eventName: 'hotel-geplaatst',
        payload: { placementDate: { from: 'datumStatusGezet' }, hotelMunicipality: { value: 'GM0344' } },
      },
      ...over,
    });
    await admin.post(
      '/notificatie-mappings',
      eventMapping({
        name: 'algemeen',
        action: { kind: 'send-event', processId: 'nareiziger-hotelverblijf', eventName: 'woning-gevonden' },
      }),
    );
    const specific = (await admin.post('/notificatie-mappings', eventMapping({ kenmerken: { statustype: 'hotel' } })))
      .body.id as string;

    const sys = await system();
    await sys.post('/notificaties', notificatie());
    const res = await sys.post(
      '/notificaties',
      notificatie({
        resource: 'status',
        resourceUrl: `${ZAAK}/status/1`,
        kenmerken: { statustype: 'hotel', datumStatusGezet: '2026-03-10' },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      result: 'event-sent',
      mappingId: specific,
      caseId: `${A}-nareiziger-hotelverblijf-zgw-d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1`,
    });
    expect(calls[1]).toEqual({
      op: 'event',
      tenant: A,
      caseId: res.body.caseId,
      name: 'hotel-geplaatst',
      payload: { placementDate: '2026-03-10', hotelMunicipality: 'GM0344' },
    });
  });

  it('acknowledges an unmatched notification as ignored, also for an inactive mapping or another municipality', async () => {
    await (await t.admin(A)).post('/notificatie-mappings', startMapping({ active: false }));
    await (await t.admin(B)).post('/notificatie-mappings', startMapping());
    const res = await (await system(A)).post('/notificaties', notificatie());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: 'ignored', mappingId: null, caseId: null });
    expect(
      (
        await (
          await system(A)
        ).post('/notificaties', notificatie({ kenmerken: { zaaktype: 'https://elders/zaaktypen/1' } }))
      ).body.result,
    ).toBe('ignored');
    expect(calls).toEqual([]);
  });

  it('answers failures with the JSON error shape: bad body, unknown case, unconvertible kenmerk, no permission', async () => {
    const sys = await system();
    const missing = await sys.post('/notificaties', { ...notificatie(), hoofdObject: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/hoofdObject' });
    const badDate = await sys.post('/notificaties', notificatie({ aanmaakdatum: 'gisteren' }));
    expect(badDate.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/aanmaakdatum' });
    const badKenmerk = await sys.post('/notificaties', notificatie({ kenmerken: { zaaktype: 42 } }));
    expect(badKenmerk.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/kenmerken/zaaktype' });

    const admin = await t.admin(A);
    await admin.post('/notificatie-mappings', startMapping());
    const notNumber = await sys.post(
      '/notificaties',
      notificatie({ kenmerken: { zaaktype: ZAAKTYPE, gemeente: 'GM0363', huishoudgrootte: 'drie' } }),
    );
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/kenmerken/huishoudgrootte' });

    await admin.post('/notificatie-mappings', {
      name: 'e',
      kanaal: 'zaken',
      resource: 'status',
      actie: 'create',
      action: { kind: 'send-event', processId: 'nareiziger-hotelverblijf', eventName: 'woning-gevonden' },
    });
    const unknown = await sys.post('/notificaties', notificatie({ resource: 'status' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'CASE_NOT_FOUND', path: '/body/hoofdObject' });

    const noPermission = t.as({ Authorization: `Bearer ${await addApiKey(t, A, ['cases:start', 'cases:events'])}` });
    expect((await noPermission.post('/notificaties', notificatie())).status).toBe(403);
    expect((await t.as({}).post('/notificaties', notificatie())).status).toBe(401);
  });
});
