import { api } from './http';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type DigestDelivery = { channel: 'webhook'; url: string } | { channel: 'email'; to: string };
export interface AlertConfig {
  tenantId: string;
  enabled: boolean;
  daysAhead: number;
  schedule: { hour: number; minute: number; daysOfWeek: Weekday[]; timezone: 'Europe/Amsterdam' };
  delivery: DigestDelivery;
  scheduleId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export interface AlertConfigInput {
  enabled: boolean;
  daysAhead: number;
  schedule: { hour: number; minute: number; daysOfWeek: Weekday[] };
  delivery: { channel: 'webhook' | 'email'; url?: string; to?: string };
  reason?: string;
}
export interface DigestLogEntry {
  id: string;
  trigger: 'schedule' | 'manual';
  channel: string;
  target: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  caseCount: number;
  deadlineCount: number;
  windowFrom: string | null;
  windowTo: string | null;
  statusCode: number | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

/** The deadline digest: its settings and the log of what was sent (server/alerts). */
export const alerts = {
  config: () => api<AlertConfig>('GET', '/api/v1/alerts/deadline-digest'),
  saveConfig: (body: AlertConfigInput) =>
    api<{ config: AlertConfig; secret?: string }>('PUT', '/api/v1/alerts/deadline-digest', body),
  rotateSecret: () =>
    api<{ config: AlertConfig; secret?: string }>('POST', '/api/v1/alerts/deadline-digest/rotate-secret', {}),
  sendNow: () =>
    api<{ digestId: string; entry: DigestLogEntry | null }>('POST', '/api/v1/alerts/deadline-digest/send-now', {}),
  digests: () => api<{ items: DigestLogEntry[] }>('GET', '/api/v1/alerts/digests?limit=50').then((r) => r.items),
};
