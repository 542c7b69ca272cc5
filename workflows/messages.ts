import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseEvent, CaseState, DecisionConfirmationRequest, EventResult } from './case-state';

/** Defined once, imported by the interpreter and by the server's Temporal client. */
export const sendEventUpdate = defineUpdate<EventResult, [CaseEvent]>('sendEvent');
export const caseStateQuery = defineQuery<CaseState>('caseState');
/** A case handler confirms or overrides a decision proposal; the server sends it for signed-in behandelaars only. */
export const confirmDecisionUpdate = defineUpdate<EventResult, [DecisionConfirmationRequest]>('confirmDecision');

export const INTERPRETER_WORKFLOW = 'processInterpreter';
export const TASK_QUEUE_DEFAULT = 'doorstroom';
