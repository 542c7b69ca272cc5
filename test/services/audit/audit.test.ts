import { appendAudit, queryAudit } from '../../../services/audit/audit';
import { insertTenant } from '../../../platform/store/tenants';
import { createTestStore, describeEachDialect, type TestStore } from '../../support/postgres';

describeEachDialect('audit trail store', (dialect) => {
  let t: TestStore;
  const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 9, m)).toISOString();
  beforeAll(async () => {
    t = await createTestStore(dialect);
    const db = t.store.db;
    await insertTenant(db, { id: 'GM0001', name: 'A' }, at(0));
    await insertTenant(db, { id: 'GM0002', name: 'B' }, at(0));
    const e = (tenantId: string, action: string, m: number) =>
      appendAudit(
        db,
        {
          tenantId,
          actor: { kind: 'user', id: `u-${tenantId}` },
          action,
          target: { type: 'ruleset', id: 'r' },
          reason: `${action} ${m}`,
        },
        at(m),
      );
    await e('GM0001', 'version.create', 1);
    await e('GM0001', 'version.submit', 2);
    await e('GM0001', 'versionXsubmit', 3);
    await e('GM0001', 'auth.login', 4);
    await e('GM0001', 'auth.login_failed', 4);
    await e('GM0002', 'version.create', 5);
  });
  afterAll(() => t.dispose());

  it('always scopes to one tenant, newest first', async () => {
    const a = await queryAudit(t.store.db, 'GM0001');
    expect(a.map((e) => e.action)).toEqual([
      'auth.login_failed',
      'auth.login',
      'versionXsubmit',
      'version.submit',
      'version.create',
    ]);
    expect((await queryAudit(t.store.db, 'GM0002')).map((e) => e.tenantId)).toEqual(['GM0002']);
  });

  it('treats a dotted prefix literally (LIKE wildcards escaped) and filters by time', async () => {
    expect((await queryAudit(t.store.db, 'GM0001', { action: 'version.' })).map((e) => e.action)).toEqual([
      'version.submit',
      'version.create',
    ]);
    expect((await queryAudit(t.store.db, 'GM0001', { action: 'version_' })).length).toBe(0);
    expect((await queryAudit(t.store.db, 'GM0001', { action: 'VERSION.' })).length).toBe(0);
    expect((await queryAudit(t.store.db, 'GM0001', { action: 'auth.login_' })).length).toBe(0);
    expect((await queryAudit(t.store.db, 'GM0001', { action: 'auth.' })).map((e) => e.action)).toEqual([
      'auth.login_failed',
      'auth.login',
    ]);
    expect((await queryAudit(t.store.db, 'GM0001', { from: at(2), to: at(4) })).map((e) => e.action)).toEqual([
      'versionXsubmit',
      'version.submit',
    ]);
  });
});
