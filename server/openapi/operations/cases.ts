import { Type } from '@sinclair/typebox';
import { CancelBody, CaseParams, EventBody, ListCasesQuery, ProcessParams, StartCaseBody } from '../../schemas/cases';
import type { Operation } from '../operation';

const CaseStarted = Type.Object({
  caseId: Type.String({ examples: ['GM0363-nareiziger-hotelverblijf-3f2a9c0d1e4b5a6978c0d1e2'] }),
  created: Type.Boolean(),
});
const CaseSummary = Type.Object({
  caseId: Type.String(),
  processId: Type.String(),
  caseRef: Type.String(),
  step: Type.String(),
  status: Type.String(),
  outcome: Type.Optional(Type.String()),
  nextDeadline: Type.Optional(Type.String({ format: 'date-time' })),
  startedAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Optional(Type.String({ format: 'date-time' })),
});
const Deadline = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  nodeId: Type.String(),
  label: Type.String(),
  at: Type.String({ format: 'date-time' }),
  status: Type.String(),
});
const HistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  type: Type.String(),
  nodeId: Type.Optional(Type.String()),
  event: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
});
export const CaseStateSchema = Type.Object(
  {
    caseId: Type.String(),
    tenant: Type.String(),
    caseRef: Type.String(),
    processId: Type.String(),
    processVersion: Type.Integer(),
    status: Type.String({ description: 'running | completed' }),
    currentStep: Type.Union([Type.String(), Type.Null()]),
    expectedEvents: Type.Array(Type.String()),
    caseStatus: Type.Optional(Type.String()),
    outcome: Type.Optional(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
    variables: Type.Record(Type.String(), Type.Unknown()),
    dates: Type.Record(Type.String(), Type.String()),
    deadlines: Type.Array(Deadline),
    history: Type.Array(HistoryEntry),
  },
  { description: 'The case as the interpreter keeps it; further fields (decisions, children) may appear.' },
);
const EventResult = Type.Object({
  accepted: Type.Literal(true),
  event: Type.String(),
  currentStep: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  outcome: Type.Optional(Type.String()),
});

const caseLinks = {
  GetCase: { operationId: 'getCase', parameters: { caseId: '$response.body#/caseId' } },
  SendEvent: { operationId: 'sendEvent', parameters: { caseId: '$response.body#/caseId' } },
};

export const caseOperations: Operation[] = [
  {
    method: 'post',
    path: '/processes/{processId}/cases',
    operationId: 'startCase',
    tag: 'Zaken (cases)',
    access: 'any',
    requires: 'cases:start',
    summary: 'Start a case of a published process',
    description:
      'Idempotent on caseRef: the same reference again answers 200 with the same caseId and starts nothing (an `Idempotency-Key` header adds: the same key with a different request within 24 hours is refused with 422). The case id is a keyed hash and reveals nothing of the reference.',
    params: ProcessParams,
    body: StartCaseBody,
    headers: Type.Object({
      'Idempotency-Key': Type.Optional(
        Type.String({
          pattern: '^[A-Za-z0-9._:-]{1,200}$',
          description: 'Your key for this request; reusing it for another request within 24 hours is refused',
        }),
      ),
    }),
    responses: {
      201: { description: 'Case started', schema: CaseStarted, links: caseLinks },
      200: { description: 'A case with this caseRef exists already', schema: CaseStarted, links: caseLinks },
    },
    errors: [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'INVALID_CASE_REF',
      'CASE_REF_LOOKS_PERSONAL',
      'INVALID_CASE_DATA',
      'PROCESS_NOT_FOUND',
      'IDEMPOTENCY_KEY_REUSED',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'RATE_LIMITED',
      'BODY_TOO_LARGE',
      'TEMPORAL_UNAVAILABLE',
    ],
  },
  {
    method: 'get',
    path: '/cases',
    operationId: 'listCases',
    tag: 'Zaken (cases)',
    access: 'any',
    requires: 'cases:read',
    summary: "List the municipality's cases (from Temporal visibility), filtered, a page at a time",
    description:
      'Pass `nextCursor` as `cursor` for the next page; null means the last page. Visibility is eventually consistent: a case started a moment ago may take a second to appear.',
    query: ListCasesQuery,
    responses: {
      200: {
        description: 'A page of cases',
        schema: Type.Object({ cases: Type.Array(CaseSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
      },
    },
    errors: ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'TEMPORAL_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/cases/{caseId}',
    operationId: 'getCase',
    tag: 'Zaken (cases)',
    access: 'any',
    requires: 'cases:read',
    summary: 'Read a case: current step, expected events, dates, deadlines and history',
    params: CaseParams,
    responses: { 200: { description: 'The case', schema: CaseStateSchema } },
    errors: [
      'VALIDATION_FAILED',
      'CASE_NOT_FOUND',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'RATE_LIMITED',
      'TEMPORAL_UNAVAILABLE',
    ],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/events',
    operationId: 'sendEvent',
    tag: 'Zaken (cases)',
    access: 'any',
    requires: 'cases:events',
    summary: 'Send an event the current step expects',
    description:
      'Answers once the case has moved on to its next waiting point or its end. An unexpected event or a payload that fails its schema changes nothing.',
    params: CaseParams,
    body: EventBody,
    responses: { 200: { description: 'Accepted; the case moved on', schema: EventResult } },
    errors: [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'CASE_NOT_FOUND',
      'EVENT_NOT_EXPECTED',
      'CASE_NOT_WAITING',
      'CASE_CLOSED',
      'INVALID_PAYLOAD',
      'CASE_BUSY',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'RATE_LIMITED',
      'BODY_TOO_LARGE',
      'TEMPORAL_UNAVAILABLE',
    ],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/cancel',
    operationId: 'cancelCase',
    tag: 'Zaken (cases)',
    access: 'any',
    requires: 'cases:events',
    summary: 'Cancel a running case, with a reason (audited)',
    params: CaseParams,
    body: CancelBody,
    responses: {
      202: {
        description: 'Cancellation requested; the case ends shortly',
        schema: Type.Object({ caseId: Type.String(), cancelled: Type.Literal(true) }),
      },
    },
    errors: [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'CASE_NOT_FOUND',
      'CASE_CLOSED',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'RATE_LIMITED',
      'TEMPORAL_UNAVAILABLE',
    ],
  },
];
