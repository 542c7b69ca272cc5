/**
 * What the deadline-digest workflow gets and returns. Pure types and functions: the workflow
 * imports the types, the server and activities the rest.
 */

/** The digest workflow's type name: the export name in workflows/deadline-digest.ts. */
export const DEADLINE_DIGEST_WORKFLOW = 'deadlineDigest';

export type DigestTrigger = 'schedule' | 'manual';

export interface DeadlineDigestInput {
  tenant: string;
  trigger: DigestTrigger;
  /** Who asked (manual runs): kept in the log. */
  requestedBy?: string;
  /**
   * Attempts at delivery, `retryIntervalMs` apart. A scheduled digest tries for a while; a
   * manual one once, so the admin sees the result at once and can send again.
   */
  attempts: number;
  retryIntervalMs: number;
}

export type DigestStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export interface DeadlineDigestResult {
  digestId: string;
  status: DigestStatus;
  caseCount: number;
  deadlineCount: number;
  statusCode: number | null;
  error: string | null;
}

/** A scheduled run retries delivery 3 times, 5 minutes apart: a receiver restarting loses nothing. */
export const SCHEDULED_DIGEST_RETRY = { attempts: 3, retryIntervalMs: 5 * 60_000 } as const;
export const MANUAL_DIGEST_RETRY = { attempts: 1, retryIntervalMs: 0 } as const;

/** One schedule per municipality: its id is derived from the tenant. */
export function digestScheduleId(tenant: string): string {
  return `deadline-digest-${tenant}`;
}

/** Manual runs get their own workflow ids; scheduled runs get the schedule's id plus a timestamp. */
export function manualDigestWorkflowId(tenant: string, unique: string): string {
  return `deadline-digest-${tenant}-manual-${unique}`;
}
