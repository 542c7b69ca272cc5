import { createTenant } from '../../../services/auth/tenant-admin';
import { createSqlQuotaLedger } from '../../../services/quota/sql-quota-ledger';
import { storeDeps } from '../../../server/routes/store-router';
import type { PlacementCount } from '../../../workflows/activity-types';
import { createTestStore, describeEachDialect, type TestStore } from '../../support/postgres';

const placement = (over: Partial<PlacementCount> = {}): PlacementCount => ({
  tenant: 'GM0363',
  caseId: 'GM0363-huisvesting-statushouder-abc',
  nodeId: 'tel-verhuizing',
  municipality: 'GM0363',
  placedOn: '2026-03-15',
  halfYear: '2026-H1',
  ...over,
});

describeEachDialect('SQL quota ledger', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(dialect);
    const deps = storeDeps({ store: t.store });
    for (const id of ['GM0363', 'GM0344']) await createTenant(deps, { kind: 'system', id: 'test' }, { id, name: id });
  });
  afterEach(async () => t.dispose());

  it('records a placement once: a retried activity with the same case and step is not counted again', async () => {
    const ledger = createSqlQuotaLedger(t.store);
    await expect(ledger.record(placement())).resolves.toEqual({ recorded: true });
    await expect(ledger.record(placement())).resolves.toEqual({ recorded: false });
    await expect(ledger.record(placement({ placedOn: '2026-04-01' }))).resolves.toEqual({ recorded: false });
    const rows = await t.store.db.selectFrom('quota_placements').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ placed_on: '2026-03-15', half_year: '2026-H1', scheme: null });
  });

  it('counts another step of the same case, and the same ids in another municipality, separately', async () => {
    const ledger = createSqlQuotaLedger(t.store);
    await ledger.record(placement());
    await expect(ledger.record(placement({ nodeId: 'tel-plaatsing', scheme: 'HAR' }))).resolves.toEqual({
      recorded: true,
    });
    await expect(ledger.record(placement({ tenant: 'GM0344', municipality: 'GM0344' }))).resolves.toEqual({
      recorded: true,
    });
    expect(await t.store.db.selectFrom('quota_placements').selectAll().execute()).toHaveLength(3);
  });

  it('stays idempotent under concurrent retries', async () => {
    const ledger = createSqlQuotaLedger(t.store);
    const results = await Promise.all(Array.from({ length: 8 }, () => ledger.record(placement())));
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
  });
});
