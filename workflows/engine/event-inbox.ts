import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import type { CaseEvent, CaseState, DecisionConfirmationRequest, EventContext, EventResult } from '../case-state';
import { caseStateQuery, confirmDecisionUpdate, sendEventUpdate } from '../messages';
import { CONFIRM_EVENT } from './decision-events';

interface Item {
  seq: number;
  event: CaseEvent;
}

/**
 * Events arrive through the `sendEvent` update. The validator refuses what the current step does
 * not expect; accepted events queue here and are answered once the case has moved on to its next
 * waiting point (or its end), so the caller learns where the case stands.
 */
export class EventInbox {
  readonly items: Item[] = [];
  private readonly results = new Map<number, EventResult | ApplicationFailure>();
  private readonly pending: Array<{ seq: number; event: string }> = [];
  private nextSeq = 1;

  /** `learn`: what the server sent beside an accepted event (its EventContext), before the event is queued. */
  install(
    state: () => CaseState,
    check: (event: CaseEvent) => ApplicationFailure | undefined,
    learn: (context: EventContext | undefined) => void = () => undefined,
  ): void {
    setHandler(caseStateQuery, state);
    setHandler(
      sendEventUpdate,
      (event, context) => {
        learn(context);
        return this.enqueue(event);
      },
      {
        validator: (event: CaseEvent, _context?: EventContext) => {
          // Names starting with `$` are the engine's own (a confirmation): never accepted from the events API.
          if (typeof event?.name === 'string' && event.name.startsWith('$')) {
            throw ApplicationFailure.create({
              type: 'EVENT_NOT_EXPECTED',
              message: `Event "${event.name}" cannot be sent as an event.`,
              nonRetryable: true,
            });
          }
          const problem = check(event);
          if (problem) throw problem;
        },
      },
    );
    const asEvent = (req: DecisionConfirmationRequest): CaseEvent => ({ name: CONFIRM_EVENT, payload: { ...req } });
    setHandler(
      confirmDecisionUpdate,
      (req, context) => {
        learn(context);
        return this.enqueue(asEvent(req));
      },
      {
        validator: (req: DecisionConfirmationRequest, _context?: EventContext) => {
          const problem = check(asEvent(req));
          if (problem) throw problem;
        },
      },
    );
  }

  private async enqueue(event: CaseEvent): Promise<EventResult> {
    const seq = this.nextSeq++;
    this.items.push({ seq, event });
    await condition(() => this.results.has(seq));
    const result = this.results.get(seq) as EventResult | ApplicationFailure;
    this.results.delete(seq);
    if (result instanceof ApplicationFailure) throw result;
    return result;
  }

  /** An accepted event, answered at the next waiting point. */
  accept(seq: number, event: string): void {
    this.pending.push({ seq, event });
  }

  reject(seq: number, failure: ApplicationFailure): void {
    this.results.set(seq, failure);
  }

  answerPending(state: CaseState): void {
    for (const { seq, event } of this.pending.splice(0)) {
      this.results.set(seq, {
        accepted: true,
        event,
        currentStep: state.currentStep,
        status: state.status,
        outcome: state.outcome,
      });
    }
  }

  /** After the end (or into a subprocess): whatever is still queued is refused. */
  rejectRemaining(message = 'The case has ended.'): void {
    for (const item of this.items.splice(0)) {
      this.results.set(item.seq, ApplicationFailure.create({ type: 'CASE_NOT_WAITING', message, nonRetryable: true }));
    }
  }
}
