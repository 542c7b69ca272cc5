import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * The store's tables, as both dialects see them. Portable on purpose:
 * - instants are ISO-8601 UTC text (`toISOString()`), which sorts correctly as text in both;
 * - JSON (roles, permissions, artifact content) is text we parse ourselves, so SQLite and
 *   PostgreSQL return the same shapes;
 * - flags are nullable instants (`revoked_at`, `locked_until`), never booleans.
 */

export interface TenantTable {
  /** CBS municipality code, e.g. `GM0363`. */
  id: string;
  name: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string | null;
  /** `scrypt$N$r$p$salt$hash`; null for users who only log in through OIDC later. */
  password_hash: string | null;
  /** Room for OIDC: the identity provider's subject, unique per tenant. */
  external_subject: string | null;
  /** JSON array of roles. */
  roles: string;
  failed_logins: number;
  locked_until: string | null;
  must_change_password: number;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id_hash: string;
  user_id: string;
  tenant_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiKeyTable {
  id: string;
  tenant_id: string;
  name: string;
  /** The visible start of the key, so an admin can tell keys apart. */
  prefix: string;
  key_hash: string;
  /** JSON array of permissions. */
  permissions: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ArtifactTable {
  id: string;
  tenant_id: string;
  /** `ruleset` or `definition`. */
  type: string;
  /** Stable name within tenant and type, e.g. `housing-priority`. */
  key: string;
  name: string;
  created_by: string;
  created_at: string;
}

export interface ArtifactVersionTable {
  id: string;
  artifact_id: string;
  tenant_id: string;
  version: number;
  status: string;
  /** The rule set or process definition, JSON text. */
  content: string;
  /** The user who created the version: four-eyes compares approvers with it. */
  author_id: string;
  /** JSON array of every user who created, edited or submitted it (author included). */
  contributors: string;
  based_on_version: number | null;
  created_at: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  submit_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  effective_from: string | null;
  published_at: string | null;
  retired_by: string | null;
  retired_at: string | null;
  retire_reason: string | null;
}

export interface AuditEventTable {
  seq: Generated<number>;
  id: string;
  tenant_id: string;
  at: string;
  actor_kind: string;
  actor_id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before_ref: string | null;
  after_ref: string | null;
  reason: string | null;
  /** JSON object with extra facts; never personal data beyond what the action needs. */
  details: string | null;
}

export interface Database {
  tenants: TenantTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  artifacts: ArtifactTable;
  artifact_versions: ArtifactVersionTable;
  audit_events: AuditEventTable;
}

export type TenantRow = Selectable<TenantTable>;
export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiKeyRow = Selectable<ApiKeyTable>;
export type ArtifactRow = Selectable<ArtifactTable>;
export type ArtifactVersionRow = Selectable<ArtifactVersionTable>;
export type NewArtifactVersion = Insertable<ArtifactVersionTable>;
export type ArtifactVersionUpdate = Updateable<ArtifactVersionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;

/* Outgoing webhooks and incoming Notificaties API mappings (migration 0002). */

export interface WebhookSubscriptionTable {
  id: string;
  tenant_id: string;
  url: string;
  /** JSON array of case event types, e.g. `["case.started"]`. */
  event_types: string;
  description: string | null;
  /**
   * The HMAC key for signatures, sealed with the key ring (`v1.<keyId>.…`, migration 0009,
   * services/webhooks/webhook-secret.ts): shown to the admin once, opened only to sign.
   * Nullable only because SQLite cannot add a NOT NULL column to a filled table; always set.
   */
  secret_enc: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface WebhookDeliveryTable {
  id: string;
  tenant_id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  case_id: string;
  workflow_id: string;
  /** `pending`, `delivered` or `failed`. */
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
  failed_at: string | null;
}

export interface NotificatieMappingTable {
  id: string;
  tenant_id: string;
  name: string;
  kanaal: string;
  resource: string;
  actie: string;
  /** JSON object: kenmerken that must have exactly these values. */
  kenmerken: string;
  /** JSON object: what a match does (start a case or send an event). */
  action: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

// Declaration merging: the tables above join the Database interface without editing it.
export interface Database {
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
  notificatie_mappings: NotificatieMappingTable;
}

export type WebhookSubscriptionRow = Selectable<WebhookSubscriptionTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type NotificatieMappingRow = Selectable<NotificatieMappingTable>;

/* The taakstelling ledger and targets, and the monitor's saved filters (migration 0003). */

export interface QuotaPlacementTable {
  tenant_id: string;
  case_id: string;
  /** The counting step; with tenant and case the idempotency key. */
  node_id: string;
  /** CBS code of the municipality the placement counts for. */
  municipality: string;
  /** YYYY-MM-DD */
  placed_on: string;
  /** e.g. 2026-H1 */
  half_year: string;
  scheme: string | null;
  recorded_at: string;
}

export interface QuotaTargetTable {
  tenant_id: string;
  municipality: string;
  half_year: string;
  /** The population share: round(T_NL × inhabitants_g / inhabitants_NL). */
  target: number;
  /** Carried over from earlier half-years; null means "compute from the previous half-year". */
  backlog: number | null;
  surplus: number | null;
  /** `manual` or `csv`. */
  source: string;
  updated_by: string;
  updated_at: string;
}

export interface MonitorSavedFilterTable {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  /** JSON object: the case-list filter. */
  filter: string;
  /** JSON array of column ids, or null for the default columns. */
  columns: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  quota_placements: QuotaPlacementTable;
  quota_targets: QuotaTargetTable;
  monitor_saved_filters: MonitorSavedFilterTable;
}

export type QuotaPlacementRow = Selectable<QuotaPlacementTable>;
export type QuotaTargetRow = Selectable<QuotaTargetTable>;
export type MonitorSavedFilterRow = Selectable<MonitorSavedFilterTable>;

/* Deadline alerts: the digest configuration per municipality and the log of digests (migration 0004). */

export interface AlertDigestConfigTable {
  tenant_id: string;
  /** 1 or 0. */
  enabled: number;
  days_ahead: number;
  /** JSON object: hour, minute, daysOfWeek (Europe/Amsterdam). */
  schedule: string;
  /** `webhook` or `email`. */
  channel: string;
  url: string | null;
  email_to: string | null;
  /** Signs webhook digests, sealed with the key ring (services/alerts/alert-secret.ts, migration 0016); shown once. */
  secret_enc: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AlertDigestTable {
  /** The workflow id of the run that sent it. */
  id: string;
  tenant_id: string;
  /** `schedule` or `manual`. */
  trigger: string;
  channel: string;
  /** The URL or address it went to. */
  target: string;
  /** `pending`, `sent`, `failed` or `skipped`. */
  status: string;
  attempts: number;
  case_count: number;
  deadline_count: number;
  window_from: string | null;
  window_to: string | null;
  status_code: number | null;
  error: string | null;
  requested_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface Database {
  alert_digest_configs: AlertDigestConfigTable;
  alert_digests: AlertDigestTable;
}

export type AlertDigestConfigRow = Selectable<AlertDigestConfigTable>;
export type AlertDigestRow = Selectable<AlertDigestTable>;

/** Idempotency-Key of a case start (migration 0005). */
export interface IdempotencyKeyTable {
  tenant_id: string;
  key: string;
  request_hash: string;
  case_id: string;
  created_at: string;
}

export interface Database {
  idempotency_keys: IdempotencyKeyTable;
}

/* The municipality profile and the besluiten (beschikkingen) rendered from decisions (migration 0006). */

export interface MunicipalityProfileTable {
  tenant_id: string;
  /** JSON object: name, addresses, signatory, bye-law (see server/municipalities/municipality-profile.ts). */
  profile: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface BesluitTable {
  /** Random; never derived from personal data. */
  id: string;
  tenant_id: string;
  case_id: string;
  /** The kenmerk printed on the besluit: the caller's pseudonymous case reference. */
  case_ref: string;
  /** The decision step; with tenant, case and decided_at the idempotency key. */
  node_id: string;
  /** The decision record's `at`. */
  decided_at: string;
  /** Lower-case hex SHA-256 of the PDF bytes. */
  sha256: string;
  /** The PDF sealed with the key ring, a key per municipality (migration 0013, services/besluiten/sealed-pdf.ts). */
  pdf_enc: string;
  size: number;
  created_at: string;
}

export interface Database {
  municipality_profiles: MunicipalityProfileTable;
  besluiten: BesluitTable;
}

export type MunicipalityProfileRow = Selectable<MunicipalityProfileTable>;
export type BesluitRow = Selectable<BesluitTable>;

/* Named internal hosts per municipality (egress guard) and failed logins (migration 0007). */

export interface EgressInternalHostTable {
  tenant_id: string;
  /** Lower-case host name, never an IP address. */
  host: string;
  added_by: string;
  added_at: string;
}

export interface LoginAttemptTable {
  id: string;
  /** `user`, `addr` or `pair`. */
  scope: string;
  key_hash: string;
  at: string;
}

export interface Database {
  egress_internal_hosts: EgressInternalHostTable;
  login_attempts: LoginAttemptTable;
}
