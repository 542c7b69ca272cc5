import { DeleteMappingQuery, MappingBody, MappingIdParams, MappingList, NotificatieBody, NotificatieMappingSchema, NotificatieResult } from '../../routes/schemas/notificaties';
import type { ErrorCode } from '../error-codes';
import type { Operation } from '../operation';

const T = 'Notificaties (ZGW)';
const admin: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'PASSWORD_CHANGE_REQUIRED'];
const mappingLinks = { GetMapping: { operationId: 'getNotificatieMapping', parameters: { mappingId: '$response.body#/id' } } };

export const notificatieOperations: Operation[] = [
  {
    method: 'post', path: '/notificaties', operationId: 'receiveNotificatie', tag: T, access: 'any', requires: 'notificaties:receive',
    summary: 'Callback for a Notificaties API abonnement: a matching mapping starts a case or sends it an event',
    description:
      'Register this URL as the `callbackUrl` of an abonnement at the Notificaties API, with `auth` set to `Bearer <api key>` (permission notificaties:receive). ' +
      'The case reference is the mapping\'s prefix (default `zgw-`) plus the last path segment of `hoofdObject`. A notification no mapping matches is acknowledged with `result: ignored`. See docs/notificaties.md.',
    body: NotificatieBody,
    responses: { 200: { description: 'Handled or ignored', schema: NotificatieResult } },
    errors: [
      'UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'PASSWORD_CHANGE_REQUIRED', 'VALIDATION_FAILED', 'MALFORMED_JSON', 'BODY_TOO_LARGE', 'INVALID_CASE_REF', 'CASE_REF_LOOKS_PERSONAL',
      'INVALID_CASE_DATA', 'PROCESS_NOT_FOUND', 'CASE_NOT_FOUND', 'CASE_CLOSED', 'EVENT_NOT_EXPECTED', 'CASE_NOT_WAITING', 'INVALID_PAYLOAD', 'CASE_BUSY', 'RATE_LIMITED',
    ],
  },
  { method: 'get', path: '/notificatie-mappings', operationId: 'listNotificatieMappings', tag: T, access: 'session', requires: 'admin', summary: "The municipality's notificatie mappings", responses: { 200: { description: 'Mappings', schema: MappingList } }, errors: admin },
  { method: 'post', path: '/notificatie-mappings', operationId: 'createNotificatieMapping', tag: T, access: 'session', requires: 'admin', summary: 'Map notifications (kanaal, resource, actie, kenmerken) to a case start or a case event', body: MappingBody, responses: { 201: { description: 'Created', schema: NotificatieMappingSchema, links: mappingLinks } }, errors: [...admin, 'VALIDATION_FAILED', 'MALFORMED_JSON'] },
  { method: 'get', path: '/notificatie-mappings/{mappingId}', operationId: 'getNotificatieMapping', tag: T, access: 'session', requires: 'admin', summary: 'A notificatie mapping', params: MappingIdParams, responses: { 200: { description: 'Mapping', schema: NotificatieMappingSchema } }, errors: [...admin, 'VALIDATION_FAILED', 'NOT_FOUND'] },
  { method: 'put', path: '/notificatie-mappings/{mappingId}', operationId: 'replaceNotificatieMapping', tag: T, access: 'session', requires: 'admin', summary: 'Replace a notificatie mapping', params: MappingIdParams, body: MappingBody, responses: { 200: { description: 'Replaced', schema: NotificatieMappingSchema } }, errors: [...admin, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'NOT_FOUND'] },
  { method: 'delete', path: '/notificatie-mappings/{mappingId}', operationId: 'deleteNotificatieMapping', tag: T, access: 'session', requires: 'admin', summary: 'Delete a notificatie mapping', params: MappingIdParams, query: DeleteMappingQuery, responses: { 204: { description: 'Deleted' } }, errors: [...admin, 'VALIDATION_FAILED', 'NOT_FOUND'] },
];
