import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/** Tables for tenants, users, sessions, API keys, versioned artifacts and the audit trail. */
export function initialMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('tenants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text')
        .addColumn('password_hash', 'text')
        .addColumn('external_subject', 'text')
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('disabled_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('users_tenant_username', ['tenant_id', 'username'])
        .addUniqueConstraint('users_tenant_subject', ['tenant_id', 'external_subject'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('permissions', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_keys_tenant').on('api_keys').column('tenant_id').execute();

      await db.schema
        .createTable('artifacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('artifacts_tenant_type_key', ['tenant_id', 'type', 'key'])
        .execute();

      await db.schema
        .createTable('artifact_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('artifact_id', 'text', (c) => c.notNull().references('artifacts.id'))
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('contributors', 'text', (c) => c.notNull())
        .addColumn('based_on_version', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('submit_comment', 'text')
        .addColumn('reviewed_by', 'text')
        .addColumn('reviewed_at', 'text')
        .addColumn('review_comment', 'text')
        .addColumn('effective_from', 'text')
        .addColumn('published_at', 'text')
        .addColumn('retired_by', 'text')
        .addColumn('retired_at', 'text')
        .addColumn('retire_reason', 'text')
        .addUniqueConstraint('artifact_versions_number', ['artifact_id', 'version'])
        .execute();
      await db.schema
        .createIndex('artifact_versions_effective')
        .on('artifact_versions')
        .columns(['artifact_id', 'status', 'effective_from'])
        .execute();

      let audit = db.schema.createTable('audit_events');
      audit =
        dialect === 'postgres'
          ? audit.addColumn('seq', 'bigserial', (c) => c.primaryKey())
          : audit.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
      await audit
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text')
        .addColumn('before_ref', 'text')
        .addColumn('after_ref', 'text')
        .addColumn('reason', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_events_tenant_at').on('audit_events').columns(['tenant_id', 'at']).execute();

      await guardAppendOnly(db, dialect);
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['audit_events', 'artifact_versions', 'artifacts', 'api_keys', 'sessions', 'users', 'tenants']) {
        await db.schema.dropTable(t).execute();
      }
      if (dialect === 'postgres') await sql`DROP FUNCTION IF EXISTS doorstroom_refuse_change()`.execute(db);
    },
  };
}

/**
 * The database itself refuses to change the audit trail or the content of a published
 * version: the application never tries, and a bug or a hand-written query cannot either.
 */
async function guardAppendOnly(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER artifact_versions_immutable BEFORE UPDATE ON artifact_versions
      WHEN OLD.status IN ('published', 'retired') AND (NEW.content <> OLD.content OR NEW.effective_from IS NOT OLD.effective_from)
      BEGIN SELECT RAISE(ABORT, 'a published version is immutable'); END`.execute(db);
    return;
  }
  await sql`CREATE FUNCTION doorstroom_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'audit_events' THEN
        RAISE EXCEPTION 'audit_events is append-only';
      END IF;
      IF OLD.status IN ('published', 'retired')
         AND (NEW.content <> OLD.content OR NEW.effective_from IS DISTINCT FROM OLD.effective_from) THEN
        RAISE EXCEPTION 'a published version is immutable';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION doorstroom_refuse_change()`.execute(db);
  await sql`CREATE TRIGGER artifact_versions_immutable BEFORE UPDATE ON artifact_versions
    FOR EACH ROW EXECUTE FUNCTION doorstroom_refuse_change()`.execute(db);
}
