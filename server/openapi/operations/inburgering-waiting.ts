import { InburgeringWaiting } from '../../../contract/inburgering-waiting';
import type { Operation } from '../operation';

export const inburgeringWaitingOperations: Operation[] = [
  {
    method: 'get',
    path: '/monitor/inburgering-wachtlijst',
    operationId: 'getInburgeringWaitingList',
    tag: 'Monitor',
    access: 'session',
    requires: 'a municipal role (admin, designer, approver, supervisor, behandelaar)',
    summary: 'Civic integration: who waits for the brede intake and for a PIP, per week of koppeling',
    description:
      'Counts the running cases of inburgering per week of their koppeling (Monday, Europe/Amsterdam): waiting for the brede intake, waiting for the PIP (its decision or its sending), and of those how many are past the PIP norm. Counts only: no case ids, no personal data.',
    responses: { 200: { description: 'The waiting list per week', schema: InburgeringWaiting } },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED', 'TEMPORAL_UNAVAILABLE'],
  },
];
