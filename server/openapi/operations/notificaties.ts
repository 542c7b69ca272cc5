import {
  DeleteMappingQuery,
  MappingBody,
  MappingIdParams,
  MappingList,
  NotificatieBody,
  NotificatieAccepted,
  NotificatieMappingSchema,
  NotificatieResult,
} from '../../../contract/notificaties';
import { NotificatieLogPage, NotificatieLogQuery } from '../../../contract/notificaties-log';
import type { ErrorCode } from '../../../contract/error-codes';
import type { Operation } from '../operation';

const T = 'Notificaties (ZGW)';
const admin: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'PASSWORD_CHANGE_REQUIRED'];
const mappingLinks = {
  GetMapping: { operationId: 'getNotificatieMapping', parameters: { mappingId: '$response.body#/id' } },
};

export const notificatieOperations: Operation[] = [
  {
    method: 'post',
    path: '/notificaties',
    operationId: 'receiveNotificatie',
    tag: T,
    access: 'any',
    requires: 'notificaties:receive',
    summary: 'Callback for a Notificaties API abonnement: a matching mapping starts a case or sends it an event',
    description:
      'Register this URL as the `callbackUrl` of an abonnement at the Notificaties API, with `auth` set to `Bearer <api key>` (permission notificaties:receive). ' +
      "The case reference is the mapping's prefix (default `zgw-`) plus the last path segment of `hoofdObject`. A notification no mapping matches is acknowledged with `result: ignored`. " +
      'A mapping that reads the zaak behind the notification (a source or condition `zaak.*`, `status.*`, `eigenschap:*`, or `readZaak`) is answered **202** at once: a workflow reads the zaak, its zaakeigenschappen, current status and rollen from the Zaken API (ZGW settings of the municipality) and starts the case or sends the event; the outcome shows in GET /notificaties/log. The same notification delivered again is handled once (`duplicate: true`). See docs/notificaties.md.',
    body: NotificatieBody,
    responses: {
      200: { description: 'Handled at once (kenmerken form) or ignored', schema: NotificatieResult },
      202: {
        description: 'Accepted: the zaak is read and the mapping applied by a workflow',
        schema: NotificatieAccepted,
      },
    },
    errors: [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'CSRF_FAILED',
      'PASSWORD_CHANGE_REQUIRED',
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'BODY_TOO_LARGE',
      'INVALID_CASE_REF',
      'CASE_REF_LOOKS_PERSONAL',
      'INVALID_CASE_DATA',
      'PROCESS_NOT_FOUND',
      'CASE_NOT_FOUND',
      'CASE_CLOSED',
      'EVENT_NOT_EXPECTED',
      'CASE_NOT_WAITING',
      'INVALID_PAYLOAD',
      'CASE_BUSY',
      'RATE_LIMITED',
      'TEMPORAL_UNAVAILABLE',
    ],
  },
  {
    method: 'get',
    path: '/notificaties/log',
    operationId: 'listNotificatieLog',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'What happened to each received notification, newest first',
    description:
      'Per notification: when it came, kanaal, resource and actie, the mapping, and the result (pending, case-started, case-exists, event-sent, ignored with its reason, failed with its code). No URLs, kenmerken or zaak data. Paged with `cursor`.',
    query: NotificatieLogQuery,
    responses: { 200: { description: 'One page of the log', schema: NotificatieLogPage } },
    errors: [...admin, 'VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: '/notificatie-mappings',
    operationId: 'listNotificatieMappings',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: "The municipality's notificatie mappings",
    responses: { 200: { description: 'Mappings', schema: MappingList } },
    errors: admin,
  },
  {
    method: 'post',
    path: '/notificatie-mappings',
    operationId: 'createNotificatieMapping',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'Map notifications (kanaal, resource, actie, kenmerken) to a case start or a case event',
    body: MappingBody,
    responses: { 201: { description: 'Created', schema: NotificatieMappingSchema, links: mappingLinks } },
    errors: [...admin, 'VALIDATION_FAILED', 'MALFORMED_JSON'],
  },
  {
    method: 'get',
    path: '/notificatie-mappings/{mappingId}',
    operationId: 'getNotificatieMapping',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'A notificatie mapping',
    params: MappingIdParams,
    responses: { 200: { description: 'Mapping', schema: NotificatieMappingSchema } },
    errors: [...admin, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/notificatie-mappings/{mappingId}',
    operationId: 'replaceNotificatieMapping',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'Replace a notificatie mapping',
    params: MappingIdParams,
    body: MappingBody,
    responses: { 200: { description: 'Replaced', schema: NotificatieMappingSchema } },
    errors: [...admin, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'NOT_FOUND'],
  },
  {
    method: 'delete',
    path: '/notificatie-mappings/{mappingId}',
    operationId: 'deleteNotificatieMapping',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'Delete a notificatie mapping',
    params: MappingIdParams,
    query: DeleteMappingQuery,
    responses: { 204: { description: 'Deleted' } },
    errors: [...admin, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
];
