import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import type { processInterpreter } from '../../workflows/interpreter';
import { addDuration } from '../../workflows/dsl/duration';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import { createRecordingWorker, createTimeSkippingEnv, waitForState, type RecordingWorker } from '../support/temporal';
import { dateOf, hotelCaseInput, uniqueId } from '../support/factories';

describe('interpreter: nareiziger-hotelverblijf (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('interp');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    rec = await createRecordingWorker(env, taskQueue);
  });

  async function startPlaced() {
    const input = hotelCaseInput();
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('case'),
      args: [input],
    });
    const placementDate = dateOf(await env.currentTimeMs());
    const result = await handle.executeUpdate(sendEventUpdate, {
      args: [{ name: 'hotel-geplaatst', payload: { placementDate, hotelMunicipality: 'GM0363' } }],
    });
    expect(result.currentStep).toBe('coa-betaalde-periode');
    return { handle, hotelStart: new Date(`${placementDate}T00:00:00.000Z`) };
  }

  it('housed in month 2 ends as gehuisvest, without reminders or HAR', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await startPlaced();
      await env.sleep('50 days');
      const moved = await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: dateOf(await env.currentTimeMs()) } }],
      });
      expect(moved).toMatchObject({
        accepted: true,
        event: 'woning-gevonden',
        status: 'completed',
        outcome: 'gehuisvest',
      });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest');
      expect(final.history.some((h) => h.type === 'reminder' || h.type === 'timeout')).toBe(false);
      expect(final.deadlines.filter((d) => d.status === 'done')).toEqual([]);
      expect(rec.notifications.filter((n) => n.kind === 'reminder')).toEqual([]);
      expect(final.placements).toEqual([
        expect.objectContaining({ nodeId: 'tel-huisvesting', municipality: 'GM0363', recorded: true }),
      ]);
    });
  });

  it('never housed: reminders at 3, 4 and 5 calendar months, at 6 months the HAR handover starts as a subprocess', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, hotelStart } = await startPlaced();
      await env.sleep('190 days');
      const state = await waitForState(handle, (s) => s.children.length > 0);
      // Timers fire at their instant plus the server's few milliseconds of processing.
      const firedAt = (at: string | undefined, duration: string) => {
        const lateBy = new Date(at as string).getTime() - addDuration(hotelStart, duration).getTime();
        expect(lateBy).toBeGreaterThanOrEqual(0);
        expect(lateBy).toBeLessThan(1000);
      };
      expect(state.currentStep).toBe('overdracht-har');
      const reminders = state.history.filter((h) => h.type === 'reminder');
      expect(reminders).toHaveLength(3);
      ['P3M', 'P4M', 'P5M'].forEach((d, i) => firedAt(reminders[i]?.at, d));
      firedAt(state.history.find((h) => h.type === 'timeout')?.at, 'P6M');
      expect(
        rec.notifications.filter((n) => n.processId === 'nareiziger-hotelverblijf').map((n) => n.template),
      ).toEqual(['hotelverblijf-3-maanden', 'hotelverblijf-4-maanden', 'hotelverblijf-5-maanden']);
      for (const n of rec.notifications) expect(JSON.stringify(n)).not.toMatch(/Test Persoon|1234567890/);

      // The child is a case of its own: events go to its id, which keeps the parent's prefix.
      const childId = `${handle.workflowId}-overdracht-har-1`;
      expect(state.children).toEqual([
        expect.objectContaining({ caseId: childId, processId: 'har-overdracht', processVersion: 2, status: 'running' }),
      ]);
      const child = env.client.workflow.getHandle(childId);
      const childState = await waitForState(child, (s) => s.currentStep === 'wacht-op-plaatsing');
      expect(childState).toMatchObject({
        parentCaseId: handle.workflowId,
        tenant: 'GM0363',
        data: { municipality: 'GM0363', householdSize: 3, origin: 'nareiziger-hotelverblijf' },
      });
      expect(JSON.stringify(childState.data)).not.toMatch(/Test Persoon|1234567890/);
      const rejected = await handle
        .executeUpdate(sendEventUpdate, {
          args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: '2026-01-01' } }],
        })
        .catch((e: unknown) => e);
      expect(((rejected as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('CASE_NOT_WAITING');

      await child.executeUpdate(sendEventUpdate, {
        args: [
          {
            name: 'plaatsing-bevestigd',
            payload: { scheme: 'HAR+', placementDate: dateOf(await env.currentTimeMs()) },
          },
        ],
      });
      const housed = dateOf(await env.currentTimeMs());
      await child.executeUpdate(sendEventUpdate, {
        args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: housed } }],
      });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest-via-har');
      expect(final.dates.housed).toBe(`${housed}T00:00:00.000Z`);
      expect(final.children[0]).toMatchObject({ status: 'completed', outcome: 'gehuisvest' });
      expect([...rec.quota.placements.values()]).toEqual([
        expect.objectContaining({ caseId: childId, scheme: 'HAR+' }),
      ]);
    });
  });

  it('rejects an unexpected event and a bad payload, and changes nothing', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('case'),
        args: [hotelCaseInput()],
      });
      // Between steps the case is in transit (tasks, case events); wait until it waits.
      let before = await handle.query(caseStateQuery);
      for (let i = 0; i < 50 && before.currentStep !== 'wacht-op-hotelplaatsing'; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        before = await handle.query(caseStateQuery);
      }
      expect(before.currentStep).toBe('wacht-op-hotelplaatsing');

      const unexpected = await handle
        .executeUpdate(sendEventUpdate, { args: [{ name: 'verhuisd', payload: {} }] })
        .catch((e: unknown) => e);
      expect(unexpected).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (unexpected as WorkflowUpdateFailedError).cause as ApplicationFailure;
      expect(cause.type).toBe('EVENT_NOT_EXPECTED');
      expect(cause.message).toContain('hotel-geplaatst');

      const badPayload = await handle
        .executeUpdate(sendEventUpdate, {
          args: [{ name: 'hotel-geplaatst', payload: { placementDate: 'gisteren', hotelMunicipality: 'GM0363' } }],
        })
        .catch((e: unknown) => e);
      expect(((badPayload as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('INVALID_PAYLOAD');
      expect(((badPayload as WorkflowUpdateFailedError).cause as ApplicationFailure).message).toContain(
        '/payload/placementDate',
      );

      const after = await handle.query(caseStateQuery);
      expect(after).toEqual(before);
      await handle.terminate('test done');
    });
  });
});
