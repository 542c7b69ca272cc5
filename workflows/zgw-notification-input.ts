import type { MappingAction, NotificatieBody } from '../contract/notificaties';
import type { IgnoreReason } from '../contract/notificaties-log';

/** The workflow's type name: the export name in workflows/zgw-notification.ts. */
export const ZGW_NOTIFICATION_WORKFLOW = 'zgwNotification';

/** What a mapping reads of the zaak: the zaak, its eigenschappen, its current status and rollen (services/zgw/zgw-fields.ts). */
export interface ZaakSnapshotData {
  zaak: Record<string, unknown>;
  eigenschappen: Array<{ naam: string; waarde: string }>;
  status: Record<string, unknown> | null;
  rollen: Array<Record<string, unknown>>;
}

/** A mapping that matched the notification's kanaal, resource, actie and kenmerken, as it was when it came. */
export interface NotificationCandidate {
  mappingId: string;
  action: MappingAction;
}

/** How often and how long reading the zaak and applying the mapping are tried (tests shrink it). */
export interface NotificationRetryPolicy {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
}

/** 2 s doubling to 5 minutes, 12 attempts: about half an hour of an unreachable Zaken API before the log says failed. */
export const DEFAULT_NOTIFICATION_RETRY: NotificationRetryPolicy = {
  initialIntervalMs: 2_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 300_000,
  maximumAttempts: 12,
};

export interface ZgwNotificationInput {
  tenant: string;
  /** The notification's key (services/notificaties/notification-key.ts): its log entry, and the event's idempotency key. */
  key: string;
  notification: NotificatieBody;
  /** Matching mappings that read the zaak, most specific first: the first whose conditions hold acts. */
  candidates: NotificationCandidate[];
  retry?: NotificationRetryPolicy;
}

/** What became of the notification, as its log entry records it. */
export interface ZgwNotificationOutcome {
  result: 'case-started' | 'case-exists' | 'event-sent' | 'ignored' | 'failed';
  mappingId: string | null;
  caseId: string | null;
  ignoreReason?: IgnoreReason;
  errorCode?: string;
  httpStatus?: number;
}

/** Reading the zaak: where it is, and which sources the candidates read (the rest is not kept). */
export interface ReadZaakRequest {
  tenant: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  sources: string[];
}

/** Applying the first candidate whose conditions hold to the zaak as read. */
export interface ApplyNotificationRequest {
  tenant: string;
  key: string;
  hoofdObject: string;
  candidates: NotificationCandidate[];
  snapshot: ZaakSnapshotData;
}

export interface RecordNotificationOutcome {
  tenant: string;
  key: string;
  outcome: ZgwNotificationOutcome;
}

/** The notification workflow's activities (worker/activities/zgw-notification.ts). */
export interface ZgwNotificationActivities {
  /** Reads the zaak, its zaakeigenschappen, its current status (a status notification: that status) and rollen; keeps what the mappings read. */
  readNotificationZaak: (req: ReadZaakRequest) => Promise<ZaakSnapshotData>;
  /** Starts the case or sends the event (idempotent by the notification's key); `ignored` when no candidate's conditions hold. */
  applyNotificationMapping: (req: ApplyNotificationRequest) => Promise<ZgwNotificationOutcome>;
  /** Writes the outcome to the notification log. */
  recordNotificationOutcome: (req: RecordNotificationOutcome) => Promise<void>;
}
