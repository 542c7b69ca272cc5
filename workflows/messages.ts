import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseEvent, CaseState, EventResult } from './case-state';

/** Defined once, imported by the interpreter and by the server's Temporal client. */
export const sendEventUpdate = defineUpdate<EventResult, [CaseEvent]>('sendEvent');
export const caseStateQuery = defineQuery<CaseState>('caseState');

export const INTERPRETER_WORKFLOW = 'processInterpreter';
export const TASK_QUEUE_DEFAULT = 'doorstroom';
