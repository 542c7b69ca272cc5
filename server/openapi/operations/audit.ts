import { AuditCsv, AuditPage, AuditQuery } from '../../../contract/audit';
import type { Operation } from '../operation';

export const auditOperations: Operation[] = [
  {
    method: 'get',
    path: '/audit',
    operationId: 'listAudit',
    tag: 'Audit',
    access: 'session',
    requires: 'a municipal role',
    summary: 'The audit trail, newest first: who, when, what, before/after and why',
    query: AuditQuery,
    responses: {
      200: { description: 'A page of events; pass nextBefore as before for the next page', schema: AuditPage },
    },
    errors: ['VALIDATION_FAILED', 'INVALID_DATE', 'UNAUTHENTICATED', 'FORBIDDEN'],
  },
  {
    method: 'get',
    path: '/audit/export.csv',
    operationId: 'exportAudit',
    tag: 'Audit',
    access: 'session',
    requires: 'a municipal role',
    summary: 'The audit trail as CSV (same filters)',
    query: AuditQuery,
    responses: { 200: { description: 'CSV', schema: AuditCsv, contentType: 'text/csv' } },
    errors: ['VALIDATION_FAILED', 'INVALID_DATE', 'UNAUTHENTICATED', 'FORBIDDEN'],
  },
];
