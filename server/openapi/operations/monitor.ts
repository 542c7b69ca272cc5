import {
  CaseViewSchema,
  EventsQuery,
  MonitorEventStream,
  MonitorCaseParams,
  MonitorSummarySchema,
  ProcessCatalogSchema,
  SavedFilterList,
  SavedFilterParams,
  SavedFilterSchema,
  SaveFilterBody,
} from '../../../contract/monitor';
import {
  ImportTargetsBody,
  ImportTargetsResult,
  ListTargetsQuery,
  QuotaTargetList,
  QuotaTargetSchema,
  SetTargetBody,
  TaakstellingResponse,
  TargetParams,
} from '../../../contract/quota';
import type { ErrorCode } from '../../../contract/error-codes';
import type { Operation } from '../operation';

const M = 'Monitor';
const Q = 'Taakstelling';
const base: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'];
const write: ErrorCode[] = [...base, 'CSRF_FAILED', 'VALIDATION_FAILED', 'MALFORMED_JSON'];
const anyRole = 'a municipal role (admin, designer, approver, supervisor)';

/** The monitor's JSON endpoints (fuzzable). */
export const monitorOperations: Operation[] = [
  {
    method: 'get',
    path: '/monitor/summary',
    operationId: 'getMonitorSummary',
    tag: M,
    access: 'session',
    requires: anyRole,
    summary:
      'Dashboard: counts per process and step, deadlines, hotel stays by month, HAR placements ending, taakstelling, weeks from koppeling to home',
    description:
      'Computed from Temporal visibility counts and cached case-state queries; shared for 5 seconds per municipality.',
    responses: { 200: { description: 'Summary', schema: MonitorSummarySchema } },
    errors: [...base, 'TEMPORAL_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/monitor/processes',
    operationId: 'listMonitorProcesses',
    tag: M,
    access: 'session',
    requires: anyRole,
    summary: 'Published processes with their steps and outcomes, in Dutch and English (for filters and labels)',
    responses: { 200: { description: 'Processes', schema: ProcessCatalogSchema } },
    errors: base,
  },
  {
    method: 'get',
    path: '/monitor/cases/{caseId}',
    operationId: 'getMonitorCase',
    tag: M,
    access: 'session',
    requires: anyRole,
    summary:
      'A case as the monitor shows it: graph of its own definition version, path taken, timeline in Dutch, decisions with explanation and rule-set version, deadlines, expected events with payload schemas',
    description:
      'Acting on the case goes through POST /cases/{caseId}/events and /cases/{caseId}/cancel (supervisors; audited). `canAct` says whether the caller may.',
    params: MonitorCaseParams,
    responses: { 200: { description: 'Case', schema: CaseViewSchema } },
    errors: [...base, 'VALIDATION_FAILED', 'CASE_NOT_FOUND', 'TEMPORAL_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/monitor/saved-filters',
    operationId: 'listSavedFilters',
    tag: M,
    access: 'session',
    requires: anyRole,
    summary: "The caller's own saved case-list filters",
    responses: { 200: { description: 'Saved filters', schema: SavedFilterList } },
    errors: base,
  },
  {
    method: 'post',
    path: '/monitor/saved-filters',
    operationId: 'saveFilter',
    tag: M,
    access: 'session',
    requires: anyRole,
    summary: 'Save a case-list filter (and columns) under a name; the same name replaces it',
    body: SaveFilterBody,
    responses: { 201: { description: 'Saved', schema: SavedFilterSchema } },
    errors: write,
  },
  {
    method: 'delete',
    path: '/monitor/saved-filters/{filterId}',
    operationId: 'deleteSavedFilter',
    tag: M,
    access: 'session',
    requires: anyRole,
    summary: 'Delete one of your saved filters',
    params: SavedFilterParams,
    responses: { 204: { description: 'Deleted' } },
    errors: [...base, 'CSRF_FAILED', 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/quota/targets',
    operationId: 'listQuotaTargets',
    tag: Q,
    access: 'session',
    requires: anyRole,
    summary: 'Entered taakstelling targets per municipality and half-year',
    query: ListTargetsQuery,
    responses: { 200: { description: 'Targets', schema: QuotaTargetList } },
    errors: [...base, 'VALIDATION_FAILED'],
  },
  {
    method: 'put',
    path: '/quota/targets/{municipality}/{halfYear}',
    operationId: 'setQuotaTarget',
    tag: Q,
    access: 'session',
    requires: 'admin',
    summary: "Enter a half-year's target (and the backlog or surplus carried over); audited",
    params: TargetParams,
    body: SetTargetBody,
    responses: { 200: { description: 'Saved', schema: QuotaTargetSchema } },
    errors: write,
  },
  {
    method: 'post',
    path: '/quota/targets/import',
    operationId: 'importQuotaTargets',
    tag: Q,
    access: 'session',
    requires: 'admin',
    summary:
      'Import targets from CSV (gemeente;halfjaar;taakstelling;achterstand;voorsprong), all or nothing; audited per line',
    body: ImportTargetsBody,
    responses: { 200: { description: 'Imported', schema: ImportTargetsResult } },
    errors: write,
  },
  {
    method: 'get',
    path: '/quota/taakstelling',
    operationId: 'getTaakstelling',
    tag: Q,
    access: 'session',
    requires: anyRole,
    summary:
      'Target against realised for the current and previous half-year: T = target + backlog − surplus, shortfall and excess carried over',
    responses: { 200: { description: 'Taakstelling', schema: TaakstellingResponse } },
    errors: base,
  },
];

/**
 * The live stream: documented, but an endless text/event-stream answer cannot be fuzzed
 * (schemathesis times out on it), so it is kept apart from the fuzzed list.
 */
export const monitorStreamOperations: Operation[] = [
  {
    method: 'get',
    path: '/monitor/events',
    operationId: 'streamMonitorEvents',
    tag: M,
    access: 'session',
    requires: anyRole,
    summary:
      'Server-sent events: `changed` with case ids, process, step and status (no personal data) within 2 s of a change',
    description:
      'Polls Temporal visibility once a second per municipality with listeners: new and closed cases, the watched cases (`watch`), and the running/overdue counts. Reconnect after 2 s (`retry`).',
    query: EventsQuery,
    responses: { 200: { description: 'Event stream', contentType: 'text/event-stream', schema: MonitorEventStream } },
    errors: [...base, 'VALIDATION_FAILED'],
  },
];
