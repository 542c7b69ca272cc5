import { condition, setHandler } from '@temporalio/workflow';
import type { CaseState, EventResult } from '../../../../workflows/case-state';
import { caseStateQuery, sendEventUpdate } from '../../../../workflows/messages';

/** The same case once a worker completes its task: it takes events and counts them. */
export async function processInterpreter(): Promise<CaseState> {
  const state = { caseId: 'proef', currentStep: 'wacht', status: 'running', history: [] } as unknown as CaseState & {
    history: Array<{ type: string; event?: string }>;
  };
  setHandler(caseStateQuery, () => state);
  setHandler(sendEventUpdate, (event): EventResult => {
    state.history.push({ type: 'event-accepted', event: event.name });
    return { accepted: true, event: event.name, currentStep: 'wacht', status: 'running' };
  });
  await condition(() => false);
  return state;
}
