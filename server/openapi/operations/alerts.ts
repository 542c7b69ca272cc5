import {
  AlertConfigSchema,
  AlertConfigWithSecret,
  DigestIdParams,
  DigestLogEntrySchema,
  DigestLogList,
  DigestLogQuery,
  PutAlertConfigBody,
  ReasonBody,
  ReasonQuery,
  SendNowResponse,
} from '../../../contract/alerts';
import type { ErrorCode } from '../../../contract/error-codes';
import type { Operation } from '../operation';

const T = 'Alerts';
const base: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'PASSWORD_CHANGE_REQUIRED'];
const EMAIL_UNAVAILABLE: ErrorCode = 'ALERT_EMAIL_UNAVAILABLE';
const digest =
  'A digest lists the running cases with a deadline passing in the next `daysAhead` days, grouped by process with counts: case id, process, step, ' +
  'deadline id, kind (reminder, timeout, case), label and time — never case data. A webhook digest is a POST of that JSON with the headers ' +
  '`Doorstroom-Event-Id` (the digest id), `Doorstroom-Event-Type: deadline-digest` and `Doorstroom-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, ' +
  'signed with the secret shown once, exactly like case-event webhooks. E-mail needs DOORSTROOM_SMTP_URL on the server. See docs/alerts.md.';

export const alertOperations: Operation[] = [
  {
    method: 'get',
    path: '/alerts/deadline-digest',
    operationId: 'getDeadlineDigestConfig',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: "The municipality's deadline digest configuration (never its secret)",
    responses: { 200: { description: 'Configuration', schema: AlertConfigSchema } },
    errors: [...base, 'NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/alerts/deadline-digest',
    operationId: 'putDeadlineDigestConfig',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary:
      'Create or replace the digest configuration; its Temporal Schedule follows (created, updated, or removed when disabled)',
    description: digest,
    body: PutAlertConfigBody,
    responses: {
      200: { description: 'Replaced', schema: AlertConfigWithSecret },
      201: { description: 'Created; the signing secret is shown once', schema: AlertConfigWithSecret },
    },
    errors: [...base, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'WEBHOOK_URL_NOT_ALLOWED', EMAIL_UNAVAILABLE],
  },
  {
    method: 'delete',
    path: '/alerts/deadline-digest',
    operationId: 'deleteDeadlineDigestConfig',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'Remove the configuration and its schedule; the digest log stays',
    query: ReasonQuery,
    responses: { 204: { description: 'Deleted' } },
    errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/alerts/deadline-digest/rotate-secret',
    operationId: 'rotateDeadlineDigestSecret',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'Replace the signing secret (shown once); the old one stops at once',
    body: ReasonBody,
    responses: { 200: { description: 'New secret', schema: AlertConfigWithSecret } },
    errors: [...base, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/alerts/deadline-digest/send-now',
    operationId: 'sendDeadlineDigestNow',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'Send a digest now (also while switched off), once; audited',
    description: digest,
    body: ReasonBody,
    responses: {
      200: { description: 'Sent or failed: the log entry', schema: SendNowResponse },
      202: { description: 'Still running (slow receiver): read the log entry later', schema: SendNowResponse },
    },
    errors: [...base, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/alerts/digests',
    operationId: 'listDeadlineDigests',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: "The log of digests, newest first: status (pending, sent, failed, skipped), counts, the receiver's answer",
    query: DigestLogQuery,
    responses: { 200: { description: 'Digests', schema: DigestLogList } },
    errors: [...base, 'VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: '/alerts/digests/{digestId}',
    operationId: 'getDeadlineDigest',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'One digest run',
    params: DigestIdParams,
    responses: { 200: { description: 'Digest', schema: DigestLogEntrySchema } },
    errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
];
