import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  ZGW_NOTIFICATION_WORKFLOW,
  type NotificationRetryPolicy,
  type ZgwNotificationInput,
} from '../../workflows/zgw-notification-input';
import { notificationWorkflowId } from './notification-key';

/** Hands a notification to its workflow; `duplicate` when that notification has one already. */
export interface NotificationWorkflows {
  start(input: ZgwNotificationInput): Promise<{ duplicate: boolean }>;
}

/**
 * Starts the workflow that reads the zaak behind a notification. The id is derived from the
 * notification (tenant + hash), and an id is used once, ever: the same notification sent again,
 * while it runs or after, is the same workflow.
 */
export function createNotificationWorkflows(deps: {
  client: Client;
  taskQueue: string;
  retry?: NotificationRetryPolicy;
}): NotificationWorkflows {
  return {
    async start(input) {
      try {
        await deps.client.workflow.start(ZGW_NOTIFICATION_WORKFLOW, {
          taskQueue: deps.taskQueue,
          workflowId: notificationWorkflowId(input.tenant, input.key),
          args: [{ ...input, ...(deps.retry && !input.retry ? { retry: deps.retry } : {}) }],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
        return { duplicate: false };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return { duplicate: true };
        throw err;
      }
    },
  };
}
