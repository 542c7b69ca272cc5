import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { randomBytes } from 'node:crypto';
import type { CaseEventSubscriptions, CaseEventType } from '../../../workflows/case-event';
import type { CaseEventMessage } from '../../../workflows/activity-types';
import { EventPublishError } from '../../../services/webhooks/publisher';
import type { EventContext } from '../../../workflows/case-state';
import { createCaseService } from '../../../services/cases/case-service';
import { builtInDefinitionSource } from '../../../services/cases/definition-source';
import { TRUST_SUBSCRIPTIONS_MS } from '../../../workflows/engine/case-events';
import { PATCH_EVENT_PATH } from '../../../workflows/engine/event-path-patch';
import {
  PATCH_AT_START,
  PATCH_AT_START_2,
  PATCH_AT_START_3,
  PATCH_AT_START_4,
  NEWEST_START_PATCH,
} from '../../../workflows/engine/patches-at-start';
import type { processInterpreter } from '../../../workflows/interpreter';
import { confirmDecisionUpdate, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../../workflows/messages';
import { SA_OUTCOME, SA_STEP, SA_TENANT } from '../../../workflows/search-attributes';
import { recordingPublisher } from '../../support/activity-deps';
import { dateOf, hotelCaseInput, housingCaseInput, uniqueId } from '../../support/factories';
import { createRecordingWorker, createTimeSkippingEnv, TEST_CASE_HANDLER, waitForState } from '../../support/temporal';

const { EventType } = temporal.api.enums.v1;

/** A hotel stay from start to gehuisvest without waiting: placed, then a home found at once. */
describe('case events and search attributes of a case (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  const taskQueue = uniqueId('case-events');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function runHousedCase(
    subscribed: readonly CaseEventType[],
    caseEvents?: { types: CaseEventType[]; asOf: string },
  ) {
    const events = recordingPublisher(subscribed);
    const rec = await createRecordingWorker(env, taskQueue, {}, { events });
    return rec.worker.runUntil(async () => {
      const input = hotelCaseInput(caseEvents ? { caseEvents } : {});
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-case'),
        args: [input],
      });
      const today = dateOf(await env.currentTimeMs());
      await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'hotel-geplaatst', payload: { placementDate: today, hotelMunicipality: 'GM0363' } }],
      });
      await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: today } }],
      });
      const final = await handle.result();
      return { handle, final, events, calls: rec.calls, input };
    });
  }

  it('publishes case.started from the case itself, first, with the id the server used', async () => {
    const { final, events, input } = await runHousedCase(['case.started', 'case.step-entered', 'case.completed']);
    expect(final.outcome).toBe('gehuisvest');
    expect(events.published[0]).toMatchObject({
      id: `${final.caseId}:started`,
      type: 'case.started',
      tenant: 'GM0363',
      caseId: final.caseId,
      step: input.definition.start,
    });
    expect(events.published.map((e) => e.type)).toEqual(
      expect.arrayContaining(['case.started', 'case.step-entered', 'case.completed']),
    );
    expect(events.published.at(-1)).toMatchObject({ type: 'case.completed', outcome: 'gehuisvest' });
  });

  it('a municipality that subscribes to nothing costs no activity and no command', async () => {
    const asOf = new Date(await env.currentTimeMs()).toISOString();
    const { final, events, calls, handle } = await runHousedCase([], { types: [], asOf });
    expect(final.outcome).toBe('gehuisvest');
    expect(calls.publishCaseEvent).toBeUndefined();
    expect(events.published).toEqual([]);
    const history = await handle.fetchHistory();
    const markers = (history.events ?? []).filter((e) => e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED);
    // No publication: local activities (if any) are look-ups (start patch 3), never publishCaseEvent.
    const localActivities = markers.flatMap((m) => {
      const attrs = m.markerRecordedEventAttributes;
      const data = attrs?.details?.data?.payloads?.[0]?.data;
      if (attrs?.markerName !== 'core_local_activity' || !data) return [];
      return [(JSON.parse(Buffer.from(data).toString()) as { activity_type: string }).activity_type];
    });
    expect(localActivities.filter((t) => t !== 'evaluateDecision' && t !== 'resolveDefinition')).toEqual([]);
    // One patch id at the start: every id costs a new case a marker and the SDK's own upsert.
    const patchIds = markers.flatMap((m) => {
      if (m.markerRecordedEventAttributes?.markerName !== 'core_patch') return [];
      const data = m.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return (JSON.parse(Buffer.from(data ?? []).toString()) as { id: string }).id;
    });
    expect(patchIds).toEqual([NEWEST_START_PATCH]);
    for (const superseded of [
      PATCH_EVENT_PATH,
      PATCH_AT_START,
      PATCH_AT_START_2,
      PATCH_AT_START_3,
      PATCH_AT_START_4,
      'doorstroom-case-events',
      'doorstroom-sa-process-version',
      'doorstroom-sa-overdue',
      'doorstroom-sa-step-clock',
      'doorstroom-sa-one-upsert',
      'doorstroom-case-events-where-subscribed',
      'doorstroom-case-started-event',
    ])
      expect(patchIds).not.toContain(superseded);
  });

  it('publishes only the types subscribed to; old knowledge is checked again by publishing', async () => {
    const asOf = new Date(await env.currentTimeMs()).toISOString();
    const fresh = await runHousedCase(['case.completed'], { types: ['case.completed'], asOf });
    expect(fresh.events.published.map((e) => e.type)).toEqual(['case.completed']);
    expect(fresh.calls.publishCaseEvent).toBe(1);

    const stale = new Date((await env.currentTimeMs()) - TRUST_SUBSCRIPTIONS_MS - 60_000).toISOString();
    const old = await runHousedCase(['case.completed'], { types: [], asOf: stale });
    // The first event asks (and learns only case.completed is wanted); the rest follow what it learnt.
    expect(old.events.published.map((e) => e.type)).toEqual(['case.started', 'case.completed']);
  });

  it('an event the publisher refuses is asked once, not retried, and the case goes on to its outcome', async () => {
    // As a case started straight on Temporal with an id outside its tenant was (bench:api's raw
    // starts): its case.started was refused as INVALID_EVENT and retried in the worker for ever,
    // holding the case's first workflow task open — the case never reached its first step.
    const published = recordingPublisher(['case.started', 'case.completed']);
    let refused = 0;
    const events = {
      published: published.published,
      async publish(event: CaseEventMessage) {
        if (event.type !== 'case.started') return published.publish(event);
        refused += 1;
        throw new EventPublishError('INVALID_EVENT', `case ${event.caseId} does not belong to tenant ${event.tenant}`);
      },
    };
    const rec = await createRecordingWorker(env, taskQueue, {}, { events });
    const final = await rec.worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-case'),
        args: [hotelCaseInput()],
      });
      const today = dateOf(await env.currentTimeMs());
      await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'hotel-geplaatst', payload: { placementDate: today, hotelMunicipality: 'GM0363' } }],
      });
      await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: today } }],
      });
      return handle.result();
    });
    expect(final.outcome).toBe('gehuisvest');
    expect(refused).toBe(1);
    // Refused, case.started taught the case nothing, so its next event asks (the recording publisher
    // keeps that ask) and learns; from then on only what is subscribed to.
    expect(published.published.map((e) => e.type)).toEqual(['case.step-entered', 'case.completed']);
  });

  it('one search-attribute upsert at most per workflow task, of changed values; the end state is in visibility', async () => {
    const { handle } = await runHousedCase([]);
    const history = await handle.fetchHistory();
    let upserts = 0;
    let total = 0;
    for (const e of history.events ?? []) {
      if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) upserts = 0;
      const fields = Object.keys(
        e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {},
      );
      // The SDK's own upsert beside each patch marker (TemporalChangeVersion) is not the case's.
      if (fields.length > 0 && fields.every((f) => f !== 'TemporalChangeVersion')) {
        upserts += 1;
        total += 1;
        expect(upserts).toBe(1);
      }
    }
    expect(total).toBeGreaterThan(0);
    const { typedSearchAttributes } = await handle.describe();
    expect(typedSearchAttributes.get(SA_OUTCOME)).toBe('gehuisvest');
    expect(typedSearchAttributes.get(SA_STEP)).toBe('gehuisvest');
  });
});

// Each case on a fresh time-skipping server: a server that ran other cases skips time ahead (far
// beyond the payload's date window) while a test waits for a result.
describe('start patch 5: what the server tells a case beside an event (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  const taskQueue = uniqueId('case-events-told');

  beforeEach(async () => {
    env = await createTimeSkippingEnv();
  });
  afterEach(async () => {
    await env?.teardown();
  });

  /**
   * Start patch 5: a hotel case that knows, as of its start, that nobody subscribes; placed; then an
   * hour without news (longer than it trusts what it knows); then housed — with what the server
   * tells beside that event (`told`), sent straight or through the case service as the API sends it.
   */
  async function housedAfterAnHour(
    subscribed: readonly CaseEventType[],
    told?: (now: number) => unknown,
    via: 'client' | 'case service' = 'client',
  ) {
    const events = recordingPublisher(subscribed);
    const rec = await createRecordingWorker(env, taskQueue, {}, { events });
    return rec.worker.runUntil(async () => {
      const asOf = new Date(await env.currentTimeMs()).toISOString();
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-case'),
        args: [hotelCaseInput({ caseEvents: { types: [], asOf } })],
        typedSearchAttributes: [{ key: SA_TENANT, value: 'GM0363' }],
      });
      const placementDate = dateOf(await env.currentTimeMs());
      await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'hotel-geplaatst', payload: { placementDate, hotelMunicipality: 'GM0363' } }],
      });
      await env.sleep(6 * TRUST_SUBSCRIPTIONS_MS);
      const now = await env.currentTimeMs();
      const event = { name: 'woning-gevonden', payload: { tenancyStartDate: dateOf(now) } };
      if (via === 'case service') {
        const service = createCaseService({
          client: env.client,
          namespace: env.namespace ?? 'default',
          taskQueue,
          idSecret: randomBytes(32),
          definitions: builtInDefinitionSource,
          caseEvents: async () => told?.(now) as CaseEventSubscriptions,
        });
        await service.sendEvent('GM0363', handle.workflowId, event);
      } else {
        const context = told?.(now);
        await handle.executeUpdate(sendEventUpdate, {
          args: context === undefined ? [event] : [event, context as EventContext],
        });
      }
      const final = await handle.result();
      return { final, events, calls: rec.calls };
    });
  }
  const at = (ms: number) => new Date(ms).toISOString();

  it('without word from the server, a case that heard nothing for 10 minutes asks by publishing (one local activity)', async () => {
    const { final, events, calls } = await housedAfterAnHour([]);
    expect(final.outcome).toBe('gehuisvest');
    // One publication, which asked (and learnt nobody listens); the real publisher delivers it to nobody.
    expect(calls.publishCaseEvent).toBe(1);
    expect(events.published).toHaveLength(1);
  });

  it('told by the event that nobody subscribes, it asks nothing and publishes nothing', async () => {
    const { final, events, calls } = await housedAfterAnHour([], (now) => ({
      caseEvents: { types: [], asOf: at(now) },
    }));
    expect(final.outcome).toBe('gehuisvest');
    expect(calls.publishCaseEvent).toBeUndefined();
    expect(events.published).toEqual([]);
  });

  it('told by the event what is subscribed, it publishes exactly that', async () => {
    const { events, calls } = await housedAfterAnHour(['case.completed'], (now) => ({
      caseEvents: { types: ['case.completed'], asOf: at(now) },
    }));
    expect(events.published.map((e) => e.type)).toEqual(['case.completed']);
    expect(calls.publishCaseEvent).toBe(1);
  });

  it('the case service tells the case with each event (as the API sends it)', async () => {
    const { events, calls } = await housedAfterAnHour([], (now) => ({ types: [], asOf: at(now) }), 'case service');
    expect(calls.publishCaseEvent).toBeUndefined();
    expect(events.published).toEqual([]);
  });

  it('a look-up stamped a little after the case clock (server clock ahead) counts as made now', async () => {
    const { calls } = await housedAfterAnHour([], (now) => ({ caseEvents: { types: [], asOf: at(now + 5_000) } }));
    expect(calls.publishCaseEvent).toBeUndefined();
  });

  it.each([
    ['an old look-up', (now: number) => ({ caseEvents: { types: [], asOf: at(now - 2 * TRUST_SUBSCRIPTIONS_MS) } })],
    ['an unknown event type', (now: number) => ({ caseEvents: { types: ['case.bogus'], asOf: at(now) } })],
    ['a date that is no date', () => ({ caseEvents: { types: [], asOf: 'gisteren' } })],
    ['no list of types', (now: number) => ({ caseEvents: { types: 'case.completed', asOf: at(now) } })],
    ['too many types', (now: number) => ({ caseEvents: { types: Array(50).fill('case.completed'), asOf: at(now) } })],
  ])('%s from the server is not trusted: the case asks for itself', async (_what, told) => {
    const { final, calls } = await housedAfterAnHour([], told);
    expect(final.outcome).toBe('gehuisvest');
    expect(calls.publishCaseEvent).toBe(1);
  });

  it.each([
    ['without word from the server, asks once', undefined, 1],
    [
      'told nobody subscribes, asks nothing',
      (now: number) => ({ caseEvents: { types: [], asOf: at(now) } }),
      undefined,
    ],
  ])('a decision confirmed after an hour, %s', async (_what, told, asked) => {
    const events = recordingPublisher([]);
    const rec = await createRecordingWorker(env, taskQueue, {}, { events });
    await rec.worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-case'),
        args: [housingCaseInput(dateOf(now), { caseEvents: { types: [], asOf: at(now) } })],
      });
      const state = await waitForState(
        handle,
        (s) => s.pendingDecision?.nodeId === 'voorrangsbesluit' && s.pendingDecision.phase === 'confirmation',
      );
      await env.sleep(6 * TRUST_SUBSCRIPTIONS_MS);
      const request = {
        nodeId: 'voorrangsbesluit',
        branch: state.pendingDecision?.proposal?.branch ?? null,
        by: TEST_CASE_HANDLER,
      };
      const context = told?.(await env.currentTimeMs());
      const result = await handle.executeUpdate(confirmDecisionUpdate, {
        args: context ? [request, context] : [request],
      });
      expect(result.currentStep).toBe('wacht-op-aanbod');
    });
    expect(rec.calls.publishCaseEvent).toBe(asked);
  });
});
