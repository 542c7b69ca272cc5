import { randomBytes } from 'node:crypto';
import { keyRing, type CodecKeyRing } from '../../../platform/codec/codec-keys';
import type { Store } from '../../../platform/store/create-store';
import { insertTenant } from '../../../platform/store/tenants';
import { computeSignature } from '../../../services/webhooks/signature';
import { openWebhookSecret, WEBHOOK_SECRET_PURPOSE } from '../../../services/webhooks/webhook-secret';
import { describeEachDialect } from '../../support/postgres';
import { storeAtMigration } from '../../support/store-at-migration';

const ring = (id: string): CodecKeyRing => keyRing([{ id, key: randomBytes(32) }]);
const CLEAR = `whsec_${'a'.repeat(43)}`;
const NOW = '2026-11-30T01:00:00.000Z';

async function insertClearSubscription(store: Store, id: string, tenant: string): Promise<void> {
  // The row as 0002 wrote it: the schema type no longer has the clear column.
  const db = store.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
  await db
    .insertInto('webhook_subscriptions')
    .values({
      id,
      tenant_id: tenant,
      url: 'https://ontvanger.example.nl/hook',
      event_types: '["case.started"]',
      description: null,
      secret: CLEAR,
      created_by: 'admin',
      created_at: NOW,
      updated_at: NOW,
      disabled_at: null,
    })
    .execute();
}

describeEachDialect('migration 0009: webhook secrets sealed with the key ring', (dialect) => {
  it('seals every clear secret, drops the clear column, and deliveries still sign with the same secret', async () => {
    const keys = ring('k1');
    const { store, drop } = await storeAtMigration(dialect, '0008-identity-providers', keys);
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertTenant(store.db, { id: 'GM0344', name: 'Utrecht' }, NOW);
      await insertClearSubscription(store, 'sub-a', 'GM0363');
      await insertClearSubscription(store, 'sub-b', 'GM0344');

      expect(await store.migrate()).toContain('0009-webhook-secrets-sealed');

      const columns = (await store.db.introspection.getTables())
        .find((t) => t.name === 'webhook_subscriptions')!
        .columns.map((c) => c.name);
      expect(columns).toContain('secret_enc');
      expect(columns).not.toContain('secret');
      const rows = await store.db.selectFrom('webhook_subscriptions').selectAll().orderBy('id').execute();
      for (const row of rows) {
        expect(JSON.stringify(row)).not.toContain(CLEAR);
        expect(row.secret_enc).toMatch(/^v1\.k1\./);
        const secret = await openWebhookSecret(store.db, store.secrets, row);
        expect(secret).toBe(CLEAR);
        // The signature a receiver checks is the one it got before the migration.
        expect(computeSignature(secret, 1_700_000_000, '{}')).toBe(computeSignature(CLEAR, 1_700_000_000, '{}'));
      }
      // Bound to the municipality: a sealed secret copied to another municipality's row does not open.
      expect(() => store.secrets.open(rows[0]!.secret_enc!, WEBHOOK_SECRET_PURPOSE, 'GM0344')).toThrow(
        /does not decrypt/,
      );
    } finally {
      await drop();
    }
  });

  it('refuses to seal existing secrets without the product key ring (they would be lost at the next start)', async () => {
    const { store, drop } = await storeAtMigration(dialect, '0008-identity-providers');
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertClearSubscription(store, 'sub-a', 'GM0363');
      await expect(store.migrate()).rejects.toThrow(/0009-webhook-secrets-sealed failed: .*no key ring/);
      // Nothing changed: the clear column and its value are still there for a start with the key ring.
      const row = (await (store.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>)
        .selectFrom('webhook_subscriptions')
        .selectAll()
        .executeTakeFirstOrThrow()) as Record<string, unknown>;
      expect(row.secret).toBe(CLEAR);
    } finally {
      await drop();
    }
  });

  it('a secret under an older key opens after rotation and is sealed again under the new key at its next use', async () => {
    const old = ring('k-oud');
    const { store, drop } = await storeAtMigration(dialect, '0008-identity-providers', old);
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertClearSubscription(store, 'sub-a', 'GM0363');
      await store.migrate();
      const rotated = keyRing([
        { id: 'k-nieuw', key: randomBytes(32) },
        ...[...old.byId].map(([id, key]) => ({ id, key })),
      ]);
      const { secretBox } = await import('../../../platform/codec/secret-box');
      const box = secretBox(rotated);
      const before = await store.db.selectFrom('webhook_subscriptions').selectAll().executeTakeFirstOrThrow();
      expect(await openWebhookSecret(store.db, box, before)).toBe(CLEAR);
      const after = await store.db.selectFrom('webhook_subscriptions').selectAll().executeTakeFirstOrThrow();
      expect(after.secret_enc).toMatch(/^v1\.k-nieuw\./);
      expect(await openWebhookSecret(store.db, box, after)).toBe(CLEAR);
      // Once every secret moved, the old key can go.
      expect(
        secretBox(keyRing([{ id: 'k-nieuw', key: rotated.byId.get('k-nieuw')! }])).open(
          after.secret_enc!,
          WEBHOOK_SECRET_PURPOSE,
          'GM0363',
        ),
      ).toBe(CLEAR);
    } finally {
      await drop();
    }
  });
});
