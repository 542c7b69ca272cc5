import { createTenant } from '../../../services/auth/tenant-admin';
import { previousHalfYear } from '../../../services/quota/half-years';
import { createSqlQuotaLedger } from '../../../services/quota/sql-quota-ledger';
import { computeTaakstelling, periodResult } from '../../../services/quota/taakstelling';
import { storeDeps } from '../../../server/routes/store-router';
import { createTestStore, type TestStore } from '../../support/postgres';

describe('taakstelling: target against realised with backlog and surplus carried over', () => {
  it('T_g = share + backlog − surplus; a shortfall becomes the next backlog, an excess the next surplus', () => {
    expect(periodResult('GM0363', '2026-H1', { target: 100, backlog: 10, surplus: 0 }, 80, null)).toMatchObject({
      effectiveTarget: 110,
      remaining: 30,
      next: { backlog: 30, surplus: 0 },
      carryOver: 'entered',
    });
    expect(
      periodResult('GM0363', '2026-H1', { target: 100, backlog: null, surplus: null }, 120, { backlog: 0, surplus: 5 }),
    ).toMatchObject({ effectiveTarget: 95, remaining: 0, next: { backlog: 0, surplus: 25 }, carryOver: 'computed' });
    expect(periodResult('GM0363', '2026-H1', undefined, 7, null)).toMatchObject({
      target: null,
      effectiveTarget: null,
      realised: 7,
      next: null,
    });
  });

  it('never asks for a negative target when the surplus exceeds the share', () => {
    expect(periodResult('GM0363', '2026-H2', { target: 10, backlog: 0, surplus: 30 }, 0, null)).toMatchObject({
      effectiveTarget: 0,
      remaining: 0,
    });
  });

  it('steps back over the year boundary', () => {
    expect(previousHalfYear('2026-H1')).toBe('2025-H2');
    expect(previousHalfYear('2026-H2')).toBe('2026-H1');
  });

  describe('from the store', () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await createTestStore('sqlite');
      await createTenant(
        storeDeps({ store: t.store }),
        { kind: 'system', id: 'test' },
        { id: 'GM0363', name: 'Amsterdam' },
      );
    });
    afterEach(async () => t.dispose());

    it('computes the current and previous half-year, carrying the previous shortfall when no backlog was entered', async () => {
      const db = t.store.db;
      const base = {
        tenant_id: 'GM0363',
        municipality: 'GM0363',
        source: 'manual',
        updated_by: 'u',
        updated_at: '2026-01-01T00:00:00Z',
      };
      await db
        .insertInto('quota_targets')
        .values([
          { ...base, half_year: '2025-H2', target: 5, backlog: 1, surplus: 0 },
          { ...base, half_year: '2026-H1', target: 4, backlog: null, surplus: null },
        ])
        .execute();
      const ledger = createSqlQuotaLedger(t.store);
      for (let i = 0; i < 3; i++)
        await ledger.record({
          tenant: 'GM0363',
          caseId: `c${i}`,
          nodeId: 'tel',
          municipality: 'GM0363',
          placedOn: '2025-09-01',
          halfYear: '2025-H2',
        });
      await ledger.record({
        tenant: 'GM0363',
        caseId: 'c9',
        nodeId: 'tel',
        municipality: 'GM0363',
        placedOn: '2026-02-01',
        halfYear: '2026-H1',
      });
      const summary = await computeTaakstelling(db, 'GM0363', new Date('2026-05-12T10:00:00Z'));
      expect(summary.previous).toEqual([
        expect.objectContaining({
          halfYear: '2025-H2',
          effectiveTarget: 6,
          realised: 3,
          next: { backlog: 3, surplus: 0 },
        }),
      ]);
      expect(summary.current).toEqual([
        expect.objectContaining({
          halfYear: '2026-H1',
          target: 4,
          backlog: 3,
          carryOver: 'computed',
          effectiveTarget: 7,
          realised: 1,
          remaining: 6,
        }),
      ]);
    });
  });
});
