import type {
  AlertConfig,
  AlertConfigWithSecret,
  DigestLogEntry,
  DigestLogList,
  PutAlertConfigBody,
  SendNowResponse,
} from '../../../contract/alerts';
import { api } from './http';

export type { AlertConfig, DigestLogEntry };
export type Weekday = AlertConfig['schedule']['daysOfWeek'][number];
export type DigestDelivery = AlertConfig['delivery'];
/** What the settings form sends (PUT /alerts/deadline-digest). */
export type AlertConfigInput = PutAlertConfigBody;
export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const satisfies readonly Weekday[];

/** The deadline digest: its settings and the log of what was sent (server/alerts). */
export const alerts = {
  config: () => api<AlertConfig>('GET', '/api/v1/alerts/deadline-digest'),
  saveConfig: (body: AlertConfigInput) => api<AlertConfigWithSecret>('PUT', '/api/v1/alerts/deadline-digest', body),
  rotateSecret: () => api<AlertConfigWithSecret>('POST', '/api/v1/alerts/deadline-digest/rotate-secret', {}),
  sendNow: () => api<SendNowResponse>('POST', '/api/v1/alerts/deadline-digest/send-now', {}),
  digests: () => api<DigestLogList>('GET', '/api/v1/alerts/digests?limit=50').then((r) => r.items),
};
