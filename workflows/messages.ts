import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseEvent, CaseState, DecisionConfirmationRequest, EventContext, EventResult } from './case-state';

/** Defined once, imported by the interpreter and by the server's Temporal client. */
/** The second argument is the server's (case-state.ts EventContext), never an integrator's. */
export const sendEventUpdate = defineUpdate<EventResult, [CaseEvent, EventContext?]>('sendEvent');
export const caseStateQuery = defineQuery<CaseState>('caseState');
/** A case handler confirms or overrides a decision proposal; the server sends it for signed-in behandelaars only. */
export const confirmDecisionUpdate = defineUpdate<EventResult, [DecisionConfirmationRequest, EventContext?]>(
  'confirmDecision',
);

export const INTERPRETER_WORKFLOW = 'processInterpreter';
export const TASK_QUEUE_DEFAULT = 'doorstroom';
