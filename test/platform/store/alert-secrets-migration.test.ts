import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { keyRing, type CodecKeyRing } from '../../../platform/codec/codec-keys';
import { secretBox } from '../../../platform/codec/secret-box';
import type { Store } from '../../../platform/store/create-store';
import { insertTenant } from '../../../platform/store/tenants';
import { ALERT_SECRET_PURPOSE, openAlertSecret } from '../../../services/alerts/alert-secret';
import { computeSignature } from '../../../services/webhooks/signature';
import { describeEachDialect } from '../../support/postgres';
import { storeAtMigration } from '../../support/store-at-migration';

const ring = (id: string): CodecKeyRing => keyRing([{ id, key: randomBytes(32) }]);
const CLEAR = `whsec_${'d'.repeat(43)}`;
const NOW = '2026-11-30T02:00:00.000Z';
type Untyped = Kysely<Record<string, Record<string, unknown>>>;

async function insertClearDigest(store: Store, tenant: string): Promise<void> {
  // The row as 0004 wrote it: the schema type no longer has the clear column.
  await (store.db as unknown as Untyped)
    .insertInto('alert_digest_configs')
    .values({
      tenant_id: tenant,
      enabled: 1,
      days_ahead: 7,
      schedule: '{"hour":7,"minute":0,"daysOfWeek":[]}',
      channel: 'webhook',
      url: 'https://zaaksysteem.example.nl/termijnen',
      email_to: null,
      secret: CLEAR,
      created_by: 'admin',
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
}

describeEachDialect('migration 0016: digest secrets sealed with the key ring', (dialect) => {
  it('seals every clear digest secret, drops the clear column, and the digest still signs with the same secret', async () => {
    const { store, drop } = await storeAtMigration(dialect, '0015-oidc-logout-tokens', ring('k1'));
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertTenant(store.db, { id: 'GM0344', name: 'Utrecht' }, NOW);
      await insertClearDigest(store, 'GM0363');
      await insertClearDigest(store, 'GM0344');

      expect(await store.migrate()).toContain('0016-alert-secrets-sealed');

      const columns = (await store.db.introspection.getTables())
        .find((t) => t.name === 'alert_digest_configs')!
        .columns.map((c) => c.name);
      expect(columns).toContain('secret_enc');
      expect(columns).not.toContain('secret');
      const rows = await store.db.selectFrom('alert_digest_configs').selectAll().orderBy('tenant_id').execute();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(JSON.stringify(row)).not.toContain(CLEAR);
        expect(row.secret_enc).toMatch(/^v1\.k1\./);
        const secret = await openAlertSecret(store.db, store.secrets, row);
        expect(computeSignature(secret, 1_700_000_000, '{}')).toBe(computeSignature(CLEAR, 1_700_000_000, '{}'));
      }
      // Bound to the municipality: Utrecht's sealed secret does not open as Amsterdam's.
      const utrecht = rows.find((r) => r.tenant_id === 'GM0344')!;
      expect(() => store.secrets.open(utrecht.secret_enc!, ALERT_SECRET_PURPOSE, 'GM0363')).toThrow(/does not decrypt/);
    } finally {
      await drop();
    }
  });

  it('refuses to seal an existing digest secret without the product key ring', async () => {
    const { store, drop } = await storeAtMigration(dialect, '0015-oidc-logout-tokens');
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertClearDigest(store, 'GM0363');
      await expect(store.migrate()).rejects.toThrow(/0016-alert-secrets-sealed failed: .*no key ring/);
      const row = await (store.db as unknown as Untyped)
        .selectFrom('alert_digest_configs')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(row.secret).toBe(CLEAR);
    } finally {
      await drop();
    }
  });

  it('a digest secret under an older key opens after rotation and moves to the new key at its next use', async () => {
    const old = ring('k-oud');
    const { store, drop } = await storeAtMigration(dialect, '0015-oidc-logout-tokens', old);
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertClearDigest(store, 'GM0363');
      await store.migrate();
      const rotated = keyRing([
        { id: 'k-nieuw', key: randomBytes(32) },
        ...[...old.byId].map(([id, key]) => ({ id, key })),
      ]);
      const box = secretBox(rotated);
      const before = await store.db.selectFrom('alert_digest_configs').selectAll().executeTakeFirstOrThrow();
      expect(await openAlertSecret(store.db, box, before)).toBe(CLEAR);
      const after = await store.db.selectFrom('alert_digest_configs').selectAll().executeTakeFirstOrThrow();
      expect(after.secret_enc).toMatch(/^v1\.k-nieuw\./);
      expect(await openAlertSecret(store.db, box, after)).toBe(CLEAR);
    } finally {
      await drop();
    }
  });
});
