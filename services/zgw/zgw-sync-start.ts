import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/store/create-store';
import type { CaseEventType, PublishedCaseEvent } from '../../workflows/case-event';
import {
  DEFAULT_ZGW_RETRY,
  ZGW_SYNC_EVENT_SIGNAL,
  ZGW_SYNC_EVENT_TYPES,
  ZGW_SYNC_WORKFLOW,
  zgwSyncWorkflowId,
  type ZgwRetryPolicy,
  type ZgwSyncInput,
} from '../../workflows/zgw-sync-input';
import { findZgwSettingsRow, toZgwSettings } from './zgw-settings';

const isSyncType = (type: CaseEventType): boolean => (ZGW_SYNC_EVENT_TYPES as readonly string[]).includes(type);

/** The processes of the tenant linked to a zaaktype, while the link is switched on. */
export async function zgwLinkedProcesses(db: Db, tenant: string): Promise<string[]> {
  const row = await findZgwSettingsRow(db, tenant);
  if (!row || row.enabled !== 1) return [];
  return toZgwSettings(row).processLinks.map((l) => l.processId);
}

/**
 * The event types a case of this tenant must publish for the write-back: with at least one linked
 * process, those of ZGW_SYNC_EVENT_TYPES (the publisher then hands over only a linked process's).
 */
export function zgwSubscribedTypes(linkedProcesses: string[]): CaseEventType[] {
  return linkedProcesses.length > 0 ? [...ZGW_SYNC_EVENT_TYPES] : [];
}

/**
 * Hands one case event to the case's sync workflow, starting it with the first: signalWithStart,
 * so events arrive in the order the case published them and there is one workflow per case.
 * Returns the workflow id, or undefined when the event is not one for a linked process.
 */
export async function handToZgwSync(
  deps: { client: Client; taskQueue: string; retry?: Partial<ZgwRetryPolicy> },
  linkedProcesses: string[],
  event: PublishedCaseEvent & { id: string },
): Promise<string | undefined> {
  if (!isSyncType(event.type) || !linkedProcesses.includes(event.processId)) return undefined;
  const workflowId = zgwSyncWorkflowId(event.caseId);
  const input: ZgwSyncInput = {
    tenant: event.tenant,
    caseId: event.caseId,
    processId: event.processId,
    retry: { ...DEFAULT_ZGW_RETRY, ...deps.retry },
  };
  await deps.client.workflow.signalWithStart(ZGW_SYNC_WORKFLOW, {
    taskQueue: deps.taskQueue,
    workflowId,
    args: [input],
    signal: ZGW_SYNC_EVENT_SIGNAL,
    signalArgs: [event],
  });
  return workflowId;
}
