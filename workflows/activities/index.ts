import { Context } from '@temporalio/activity';

/** A message about a case: references and codes only — receivers look up details with their rights. */
export interface Notification {
  tenant: string;
  caseId: string;
  processId: string;
  nodeId: string;
  kind: 'reminder' | 'task' | 'timeout';
  template: string;
  params?: Record<string, unknown>;
}

export interface ActivityDeps {
  log: { info: (obj: object, msg: string) => void };
  /** Where notifications go (later: webhooks and the Notificaties API); default only logs. */
  deliver?: (n: Notification) => Promise<void>;
}

/** Activities are built from their dependencies, so tests pass fakes and the worker passes real ones. */
export function createActivities(deps: ActivityDeps) {
  return {
    async notify(n: Notification): Promise<void> {
      const attempt = Context.current().info.attempt;
      deps.log.info({ tenant: n.tenant, caseId: n.caseId, processId: n.processId, nodeId: n.nodeId, kind: n.kind, template: n.template, attempt }, 'notification');
      await deps.deliver?.(n);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
