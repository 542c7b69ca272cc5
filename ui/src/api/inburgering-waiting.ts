import type { InburgeringWaiting } from '../../../contract/inburgering-waiting';
import { api } from './http';

export type { InburgeringWaiting };

/** Civic integration: who waits for the brede intake and for a PIP, per week of koppeling. */
export const inburgeringWaiting = {
  get: () => api<InburgeringWaiting>('GET', '/api/v1/monitor/inburgering-wachtlijst'),
};
