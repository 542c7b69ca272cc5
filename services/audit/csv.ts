import type { AuditEvent } from './audit';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'tenant',
  'actor_kind',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'before',
  'after',
  'reason',
  'details',
] as const;

/**
 * RFC 4180 quoting, plus a guard against formula injection: a cell that a spreadsheet would
 * run as a formula (starting with = + - @ or a control character) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvRow(e: AuditEvent): string {
  return [
    e.seq,
    e.at,
    e.tenantId,
    e.actor.kind,
    e.actor.id,
    e.action,
    e.target.type,
    e.target.id,
    e.before,
    e.after,
    e.reason,
    e.details ? JSON.stringify(e.details) : null,
  ]
    .map(csvCell)
    .join(',');
}

export function auditCsv(events: readonly AuditEvent[]): string {
  return [AUDIT_CSV_COLUMNS.join(','), ...events.map(auditCsvRow)].join('\r\n') + '\r\n';
}
