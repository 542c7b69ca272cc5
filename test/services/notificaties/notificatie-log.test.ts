import type { ZgwNotificationInput } from '../../../workflows/zgw-notification-input';
import { ApiError } from '../../../platform/errors';
import { describeEachDialect } from '../../support/postgres';
import { addApiKey, addTenant, userCaller, caller } from '../../support/store-app';
import { createIntegrationTestApp, type IntegrationTestApp } from '../webhooks/test-app';
import { notificatie, startMapping, ZAAKTYPE } from './fixtures';

const A = 'GM0363';
const B = 'GM0344';

/** The mapping of the issue: kenmerken filter, the data from the zaak. */
const zaakMapping = (over: object = {}) => ({
  ...startMapping(),
  name: 'Nareiziger uit de zaak',
  action: {
    kind: 'start-case',
    processId: 'nareiziger-hotelverblijf',
    data: {
      municipality: { value: 'GM0363' },
      householdSize: { from: 'eigenschap:huishoudgrootte', as: 'integer' },
      registrationDate: { from: 'zaak.startdatum' },
    },
  },
  ...over,
});

describeEachDialect('notificaties read from the zaak (202) and the notification log', (dialect) => {
  let t: IntegrationTestApp;
  const started: ZgwNotificationInput[] = [];

  beforeEach(async () => {
    started.length = 0;
    const seen = new Set<string>();
    t = await createIntegrationTestApp(dialect, {
      cases: {
        start: async (tenant, processId, caseRef, data) => {
          if (typeof data.householdSize !== 'number')
            throw new ApiError(
              400,
              'INVALID_CASE_DATA',
              '/body/data/householdSize: required',
              '/body/data/householdSize',
            );
          return { caseId: `${tenant}-${processId}-${caseRef}`, created: true };
        },
        sendEvent: async () => ({ accepted: true, event: 'x', currentStep: 'x', status: 'running' }),
      },
      workflows: {
        start: async (input) => {
          const duplicate = seen.has(input.key);
          seen.add(input.key);
          if (!duplicate) started.push(input);
          return { duplicate };
        },
      },
    });
    await addTenant(t, A);
    await addTenant(t, B);
  });
  afterEach(async () => t.dispose());

  const system = async (tenant = A) =>
    t.as({ Authorization: `Bearer ${await addApiKey(t, tenant, ['notificaties:receive'])}` });

  it('answers 202 for a mapping that reads the zaak and hands the notification to one workflow, logged as pending', async () => {
    const admin = await t.admin(A);
    const mapping = (await admin.post('/notificatie-mappings', zaakMapping())).body as { id: string };
    // A less specific kenmerken mapping matches too, but does not read the zaak: not a candidate.
    await admin.post('/notificatie-mappings', startMapping({ kenmerken: {} }));
    const nrc = await system();
    const body = notificatie({ kenmerken: { zaaktype: ZAAKTYPE, bronorganisatie: '002220647' } });
    const res = await nrc.post('/notificaties', body);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      result: 'accepted',
      mappingId: mapping.id,
      logId: expect.stringMatching(/^[0-9a-f]{40}$/),
      duplicate: false,
    });
    expect(started).toEqual([
      {
        tenant: A,
        key: res.body.logId,
        notification: body,
        candidates: [{ mappingId: mapping.id, action: expect.objectContaining({ kind: 'start-case' }) }],
      },
    ]);
    const again = await nrc.post('/notificaties', body);
    expect([again.status, again.body.duplicate, again.body.logId]).toEqual([202, true, res.body.logId]);
    expect(started).toHaveLength(1);

    const log = await admin.get('/notificaties/log');
    expect(log.status).toBe(200);
    expect(log.body).toEqual({
      items: [
        {
          id: res.body.logId,
          receivedAt: expect.any(String),
          kanaal: 'zaken',
          resource: 'zaak',
          actie: 'create',
          mappingId: mapping.id,
          mappingName: 'Nareiziger uit de zaak',
          mode: 'zaak',
          result: 'pending',
          ignoreReason: null,
          errorCode: null,
          httpStatus: null,
          caseId: null,
          completedAt: null,
        },
      ],
      nextCursor: null,
    });
  });

  it('logs the kenmerken form too: started, failed with its code, ignored without a mapping — newest first, paged, per municipality', async () => {
    const admin = await t.admin(A);
    await admin.post('/notificatie-mappings', startMapping());
    const nrc = await system();
    expect((await nrc.post('/notificaties', notificatie())).status).toBe(200);
    t.clock.advance(60_000);
    const bad = await nrc.post('/notificaties', notificatie({ kenmerken: { zaaktype: ZAAKTYPE, gemeente: 'GM0363' } }));
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_CASE_DATA']);
    t.clock.advance(60_000);
    expect((await nrc.post('/notificaties', notificatie({ kanaal: 'documenten' }))).body.result).toBe('ignored');

    const all = (await admin.get('/notificaties/log')).body.items as Array<Record<string, unknown>>;
    expect(all.map((e) => [e.result, e.errorCode, e.ignoreReason, e.mode])).toEqual([
      ['ignored', null, 'no-mapping', 'kenmerken'],
      ['failed', 'INVALID_CASE_DATA', null, 'kenmerken'],
      ['case-started', null, null, 'kenmerken'],
    ]);
    expect(JSON.stringify(all)).not.toMatch(/https?:\/\/|002220647|0119dd4e/);

    const first = await admin.get('/notificaties/log?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await admin.get(`/notificaties/log?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [all[2]], nextCursor: null });
    expect((await admin.get('/notificaties/log?result=failed')).body.items).toEqual([all[1]]);

    const badCursor = await admin.get('/notificaties/log?cursor=bm9uc2Vuc2U');
    expect([badCursor.status, badCursor.body.error.code, badCursor.body.error.path]).toEqual([
      400,
      'VALIDATION_FAILED',
      '/query/cursor',
    ]);
    const badLimit = await admin.get('/notificaties/log?limit=0');
    expect([badLimit.status, badLimit.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    expect((await (await t.admin(B)).get('/notificaties/log')).body.items).toEqual([]);
  });

  it('is for administrators only', async () => {
    const worker = caller(t.app, (await userCaller(t, A, 'behandelaar', ['behandelaar'])).headers);
    expect((await worker.get('/notificaties/log')).status).toBe(403);
    expect((await (await system()).get('/notificaties/log')).status).toBe(403);
    expect((await t.as({}).get('/notificaties/log')).status).toBe(401);
  });

  it('refuses a condition on something that is not a field of the zaak, with its path', async () => {
    const admin = await t.admin(A);
    const res = await admin.post(
      '/notificatie-mappings',
      zaakMapping({ action: { ...zaakMapping().action, when: { zaaktype: ['x'] } } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.path).toMatch(/^\/body\/action/);
  });
});
