import type { PublishedCaseEvent } from './case-event';

/** The sync workflow's type name: the export name in workflows/zgw-sync.ts. */
export const ZGW_SYNC_WORKFLOW = 'zgwSync';
/** The signal that hands the sync workflow one case event (signalWithStart by the publisher). */
export const ZGW_SYNC_EVENT_SIGNAL = 'zgwCaseEvent';

/** The case events the ZGW write-back acts on; a process linked to a zaaktype counts as subscribed to them. */
export const ZGW_SYNC_EVENT_TYPES = [
  'case.started',
  'case.step-entered',
  'besluit.created',
  'case.completed',
  'case.cancelled',
] as const;

/**
 * One sync workflow per case: `zgw-sync-GM0363-<case id>` — the case id is a keyed hash with the
 * municipality's code in front (services/cases/case-id.ts), so the id names no person and the
 * payload codec finds the municipality's key.
 */
export function zgwSyncWorkflowId(caseId: string): string {
  return `zgw-sync-${caseId}`;
}

/** How often and how long one ZGW write is tried (tests shrink it to seconds). */
export interface ZgwRetryPolicy {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
}

/** 10 s doubling to an hour, 30 attempts: about 24 hours of an unreachable zaaksysteem before giving up. */
export const DEFAULT_ZGW_RETRY: ZgwRetryPolicy = {
  initialIntervalMs: 10_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 3_600_000,
  maximumAttempts: 30,
};

export interface ZgwSyncInput {
  tenant: string;
  caseId: string;
  processId: string;
  retry: ZgwRetryPolicy;
  /** Carried over by continue-as-new. */
  zaakUrl?: string;
  pending?: Array<PublishedCaseEvent & { id: string }>;
  seen?: string[];
}

/** The write activities' inputs: references only. */
export interface ZgwZaakInput {
  tenant: string;
  caseId: string;
  processId: string;
  startedAt: string;
}
export interface ZgwStatusInput {
  tenant: string;
  caseId: string;
  processId: string;
  zaakUrl?: string;
  step: string;
  eventId: string;
  at: string;
}
export interface ZgwBesluitInput {
  tenant: string;
  caseId: string;
  processId: string;
  zaakUrl?: string;
  nodeId: string;
  besluitId: string;
}
export interface ZgwCloseInput {
  tenant: string;
  caseId: string;
  processId: string;
  zaakUrl?: string;
  outcome?: string;
  /** case.cancelled: the resultaat is the link's cancelledResultaattype, with a fixed toelichting. */
  cancelled?: boolean;
  at: string;
}

/** What one write did: the URL of what it created (or found), or why it had nothing to do. */
export type ZgwWriteResult =
  { url: string; documentUrl?: string } | { skipped: 'not-linked' | 'not-mapped' | 'left-open' };

export interface ZgwSyncResult {
  zaakUrl?: string;
  processed: number;
  failed: Array<{ eventId: string; error: string }>;
}
