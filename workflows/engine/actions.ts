import type { ActionName, TaskNode } from '../dsl/schema';
import { readSource, type CaseScope } from '../dsl/references';
import type { CaseState } from '../case-state';
import type { CaseActivities } from './activity-proxies';
import { halfYearOf } from './half-year';

export interface ActionContext {
  state: CaseState;
  scope: CaseScope;
  now: Date;
  acts: Pick<CaseActivities, 'notify' | 'recordPlacement'>;
}

/** `params` has its `{ "param": … }` references already resolved against the definition's parameters. */
type ActionHandler = (
  node: TaskNode,
  params: Record<string, unknown>,
  ctx: ActionContext,
) => Promise<string | undefined>;

const source = (value: unknown, scope: CaseScope): unknown =>
  typeof value === 'string' && /^(data|variables|dates|parameters)\./.test(value) ? readSource(value, scope) : value;

/** Every task action by name: the Record type makes a forgotten action a compile error. */
export const actions: Record<ActionName, ActionHandler> = {
  async 'set-variables'(node, params, { state }) {
    Object.assign(state.variables, params);
    return `variabelen gezet: ${Object.keys(node.params ?? {}).join(', ')}`;
  },
  async 'set-status'(_node, params, { state }) {
    const status = params.status;
    if (typeof status === 'string') state.caseStatus = status;
    return `status: ${String(status)}`;
  },
  async notify(node, params, { state, acts }) {
    const template = typeof params.template === 'string' ? params.template : node.id;
    await acts.notify({
      tenant: state.tenant,
      caseId: state.caseId,
      processId: state.processId,
      nodeId: node.id,
      kind: 'task',
      template,
    });
    return `melding: ${template}`;
  },
  /**
   * Counts the placement for the municipality's taakstelling of the half-year it happened in.
   * params: placedOn (a date source, default today), municipality (default data.municipality, else
   * the tenant), scheme (optional source), counts (false: this placement does not count, e.g. a
   * scheme whose parameters say so).
   */
  async 'count-placement'(node, params, { state, scope, now, acts }) {
    if (params.counts === false) return 'telt niet mee voor de taakstelling';
    const placedOn = String(source(params.placedOn, scope) ?? now.toISOString()).slice(0, 10);
    const municipality = String(source(params.municipality ?? 'data.municipality', scope) ?? state.tenant);
    const scheme = params.scheme === undefined ? undefined : source(params.scheme, scope);
    const halfYear = halfYearOf(placedOn);
    const placement = {
      nodeId: node.id,
      municipality,
      placedOn,
      halfYear,
      ...(typeof scheme === 'string' ? { scheme } : {}),
    };
    const { recorded } = await acts.recordPlacement({ tenant: state.tenant, caseId: state.caseId, ...placement });
    state.placements.push({ ...placement, recorded });
    return `geteld voor taakstelling ${municipality} ${halfYear}`;
  },
};
