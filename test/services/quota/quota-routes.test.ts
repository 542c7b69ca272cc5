import { createQuotaRouter } from '../../../server/routes/quota';
import { addTenant, userCaller, type StoreTestApp } from '../../support/store-app';
import { createRoutersTestApp } from './quota-app';

describe('quota routes: targets entered and imported by administrators', () => {
  let t: StoreTestApp;
  beforeAll(async () => {
    t = await createRoutersTestApp('sqlite', (deps) => [createQuotaRouter({ auth: deps })]);
    await addTenant(t, 'GM0363');
    await addTenant(t, 'GM0344');
  });
  afterAll(async () => t.dispose());

  it('lets an admin set a target, audited, and every municipal role read it', async () => {
    const admin = await userCaller(t, 'GM0363', 'beheer', ['admin']);
    const res = await admin.put('/quota/targets/GM0363/2026-H1', {
      target: 120,
      backlog: 8,
      reason: 'Brief minister 2025-12',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      municipality: 'GM0363',
      halfYear: '2026-H1',
      target: 120,
      backlog: 8,
      surplus: null,
      source: 'manual',
    });
    const designer = await userCaller(t, 'GM0363', 'ontwerper', ['designer']);
    expect((await designer.get('/quota/targets?halfYear=2026-H1')).body.items).toHaveLength(1);
    const summary = await designer.get('/quota/taakstelling');
    expect(summary.body).toMatchObject({ currentHalfYear: '2026-H1', previousHalfYear: '2025-H2' });
    expect(summary.body.taakstelling.current[0]).toMatchObject({ effectiveTarget: 128, realised: 0, remaining: 128 });
    const audit = await t.deps.store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'quota.target.set')
      .execute();
    expect(audit[0]).toMatchObject({ target_id: 'GM0363/2026-H1', reason: 'Brief minister 2025-12', before_ref: null });
  });

  it('refuses writes by a supervisor or designer', async () => {
    const supervisor = await userCaller(t, 'GM0363', 'toezicht', ['supervisor']);
    expect((await supervisor.put('/quota/targets/GM0363/2026-H1', { target: 1 })).status).toBe(403);
    expect(
      (await supervisor.post('/quota/targets/import', { csv: 'gemeente;halfjaar;taakstelling\nGM0363;2026-H1;1' }))
        .status,
    ).toBe(403);
  });

  it('imports a CSV with Dutch headers in one go, and rejects a bad line naming it', async () => {
    const admin = await userCaller(t, 'GM0363', 'beheer2', ['admin']);
    const csv = 'gemeente;halfjaar;taakstelling;achterstand;voorsprong\nGM0363;2025-H2;100;;\nGM0363;2026-H2;90;0;4\n';
    const res = await admin.post('/quota/targets/import', { csv, reason: 'import' });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    const bad = await admin.post('/quota/targets/import', {
      csv: 'gemeente,halfjaar,taakstelling\nGM0363,2027-H1,12\nGM03,2027-H2,1',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/csv' });
    expect(bad.body.error.message).toContain('line 3');
    // All or nothing: the good line of the failed import is not there.
    expect((await admin.get('/quota/targets?halfYear=2027-H1')).body.items).toEqual([]);
  });

  it('keeps municipalities apart', async () => {
    const other = await userCaller(t, 'GM0344', 'beheer', ['admin']);
    expect((await other.get('/quota/targets')).body.items).toEqual([]);
  });
});
