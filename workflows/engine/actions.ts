import type { ActionName, TaskNode } from '../dsl/schema';
import type { CaseState } from '../case-state';
import type { Notification } from '../activities';

export interface ActionContext {
  state: CaseState;
  notify: (n: Notification) => Promise<void>;
}

type ActionHandler = (node: TaskNode, ctx: ActionContext) => Promise<string | undefined>;

/** Every task action by name: the Record type makes a forgotten action a compile error. */
export const actions: Record<ActionName, ActionHandler> = {
  async 'set-variables'(node, { state }) {
    Object.assign(state.variables, node.params ?? {});
    return `variabelen gezet: ${Object.keys(node.params ?? {}).join(', ')}`;
  },
  async 'set-status'(node, { state }) {
    const status = node.params?.status;
    if (typeof status === 'string') state.caseStatus = status;
    return `status: ${String(status)}`;
  },
  async notify(node, { state, notify }) {
    const template = typeof node.params?.template === 'string' ? node.params.template : node.id;
    await notify({
      tenant: state.tenant,
      caseId: state.caseId,
      processId: state.processId,
      nodeId: node.id,
      kind: 'task',
      template,
    });
    return `melding: ${template}`;
  },
};
