import { randomUUID } from 'node:crypto';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleOptions } from '@temporalio/client';
import type { DayOfWeek } from '@temporalio/client';
import {
  DEADLINE_DIGEST_WORKFLOW,
  digestScheduleId,
  MANUAL_DIGEST_RETRY,
  manualDigestWorkflowId,
  SCHEDULED_DIGEST_RETRY,
  type DeadlineDigestInput,
  type DeadlineDigestResult,
} from '../../workflows/digest-input';

/** Digest times are municipal office times: the calendar is read in Dutch local time, DST included. */
export const DIGEST_TIMEZONE = 'Europe/Amsterdam';

export interface DigestCalendar {
  hour: number;
  minute: number;
  /** Empty or absent: every day. */
  daysOfWeek?: DayOfWeek[];
}

/** What the alert configuration needs from Temporal; store-only tests pass a fake. */
export interface DigestScheduler {
  /** Creates the municipality's schedule, or replaces its calendar and action. */
  upsert(tenant: string, calendar: DigestCalendar): Promise<void>;
  /** Removes the schedule; absent is fine. */
  remove(tenant: string): Promise<void>;
  /** Starts a digest now; `result` waits up to `waitMs` for it (undefined when still running). */
  startNow(
    tenant: string,
    requestedBy: string,
  ): Promise<{ digestId: string; result(waitMs: number): Promise<DeadlineDigestResult | undefined> }>;
}

export interface DigestSchedulerDeps {
  client: Client;
  /** Task queue of the worker that runs deadlineDigest (the product's). */
  taskQueue: string;
}

export function scheduleOptions(tenant: string, calendar: DigestCalendar, taskQueue: string): ScheduleOptions {
  const input: DeadlineDigestInput = { tenant, trigger: 'schedule', ...SCHEDULED_DIGEST_RETRY };
  const days = calendar.daysOfWeek && calendar.daysOfWeek.length > 0 ? calendar.daysOfWeek : '*';
  return {
    scheduleId: digestScheduleId(tenant),
    spec: { calendars: [{ hour: calendar.hour, minute: calendar.minute, dayOfWeek: days }], timezone: DIGEST_TIMEZONE },
    action: {
      type: 'startWorkflow',
      workflowType: DEADLINE_DIGEST_WORKFLOW,
      taskQueue,
      args: [input],
      workflowId: digestScheduleId(tenant),
    },
    // One digest at a time; after an outage only a digest due within the last hour is still sent.
    policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
  };
}

/** The Temporal Schedule per municipality (id `deadline-digest-<tenant>`) and manual runs. */
export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const { client } = deps;
  return {
    async upsert(tenant, calendar) {
      const options = scheduleOptions(tenant, calendar, deps.taskQueue);
      try {
        await client.schedule.create(options);
      } catch (err) {
        if (!(err instanceof ScheduleAlreadyRunning)) throw err;
        await client.schedule.getHandle(options.scheduleId).update(() => ({
          spec: options.spec,
          action: options.action,
          policies: options.policies,
          state: { paused: false },
        }));
      }
    },

    async remove(tenant) {
      try {
        await client.schedule.getHandle(digestScheduleId(tenant)).delete();
      } catch (err) {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
      }
    },

    async startNow(tenant, requestedBy) {
      const digestId = manualDigestWorkflowId(tenant, randomUUID());
      const input: DeadlineDigestInput = { tenant, trigger: 'manual', requestedBy, ...MANUAL_DIGEST_RETRY };
      const handle = await client.workflow.start(DEADLINE_DIGEST_WORKFLOW, {
        taskQueue: deps.taskQueue,
        workflowId: digestId,
        args: [input],
      });
      return {
        digestId,
        async result(waitMs) {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<undefined>((resolve) => {
            timer = setTimeout(() => resolve(undefined), waitMs);
          });
          try {
            return await Promise.race([handle.result() as Promise<DeadlineDigestResult>, timeout]);
          } finally {
            clearTimeout(timer);
          }
        },
      };
    },
  };
}
