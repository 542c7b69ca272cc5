import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import type { processInterpreter } from '../../workflows/interpreter';
import { addDuration } from '../../workflows/dsl/duration';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import { createRecordingWorker, createTimeSkippingEnv, type RecordingWorker } from '../support/temporal';
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
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, { taskQueue, workflowId: uniqueId('case'), args: [input] });
    const placementDate = dateOf(await env.currentTimeMs());
    const result = await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'hotel-geplaatst', payload: { placementDate, hotelMunicipality: 'GM0363' } }] });
    expect(result.currentStep).toBe('coa-betaalde-periode');
    return { handle, hotelStart: new Date(`${placementDate}T00:00:00.000Z`) };
  }

  it('housed in month 2 ends as gehuisvest, without reminders or HAR', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await startPlaced();
      await env.sleep('50 days');
      const moved = await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: dateOf(await env.currentTimeMs()) } }] });
      expect(moved).toMatchObject({ accepted: true, event: 'woning-gevonden', status: 'completed', outcome: 'gehuisvest' });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest');
      expect(final.history.some((h) => h.type === 'reminder' || h.type === 'timeout')).toBe(false);
      expect(final.deadlines.filter((d) => d.status === 'done')).toEqual([]);
      expect(rec.notifications.filter((n) => n.kind === 'reminder')).toEqual([]);
    });
  });

  it('never housed: reminders at 3, 4 and 5 calendar months, outcome har-overdracht at 6 months', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, hotelStart } = await startPlaced();
      const final = await handle.result(); // the test server skips time while we wait for the result
      // Timers fire at their instant plus the server's few milliseconds of processing.
      const firedAt = (at: string | undefined, duration: string) => {
        const lateBy = new Date(at as string).getTime() - addDuration(hotelStart, duration).getTime();
        expect(lateBy).toBeGreaterThanOrEqual(0);
        expect(lateBy).toBeLessThan(1000);
      };
      expect(final.outcome).toBe('har-overdracht');
      const reminders = final.history.filter((h) => h.type === 'reminder');
      expect(reminders).toHaveLength(3);
      ['P3M', 'P4M', 'P5M'].forEach((d, i) => firedAt(reminders[i]?.at, d));
      firedAt(final.history.find((h) => h.type === 'completed')?.at, 'P6M');
      expect(rec.notifications.map((n) => n.template)).toEqual([
        'hotelverblijf-3-maanden',
        'hotelverblijf-4-maanden',
        'hotelverblijf-5-maanden',
      ]);
      for (const n of rec.notifications) expect(JSON.stringify(n)).not.toMatch(/Test Persoon|1234567890/);
    });
  });

  it('rejects an unexpected event and a bad payload, and changes nothing', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, { taskQueue, workflowId: uniqueId('case'), args: [hotelCaseInput()] });
      const before = await handle.query(caseStateQuery);
      expect(before.currentStep).toBe('wacht-op-hotelplaatsing');

      const unexpected = await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'verhuisd', payload: {} }] }).catch((e: unknown) => e);
      expect(unexpected).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (unexpected as WorkflowUpdateFailedError).cause as ApplicationFailure;
      expect(cause.type).toBe('EVENT_NOT_EXPECTED');
      expect(cause.message).toContain('hotel-geplaatst');

      const badPayload = await handle
        .executeUpdate(sendEventUpdate, { args: [{ name: 'hotel-geplaatst', payload: { placementDate: 'gisteren', hotelMunicipality: 'GM0363' } }] })
        .catch((e: unknown) => e);
      expect(((badPayload as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('INVALID_PAYLOAD');
      expect(((badPayload as WorkflowUpdateFailedError).cause as ApplicationFailure).message).toContain('/payload/placementDate');

      const after = await handle.query(caseStateQuery);
      expect(after).toEqual(before);
      await handle.terminate('test done');
    });
  });
});
