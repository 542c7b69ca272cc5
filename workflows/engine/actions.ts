import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { ActionName, ProcessDefinition, TaskNode } from '../dsl/schema';
import { compilePayloadSchema } from '../dsl/payload-validators';
import { toIssues } from '../dsl/schema-issues';
import { INTERPRETER_WORKFLOW } from '../messages';
import { findPersonalNumber } from '../privacy/find-personal-number';
import { SA_CASE_REF, SA_PROCESS, SA_STEP, SA_TENANT } from '../search-attributes';
import { calendarDayOf, isParamRef, readSource, resolveParam, type CaseScope } from '../dsl/references';
import type { CaseEventSubscriptions } from '../case-event';
import type { CaseInput, CaseState, ProcessInterpreter } from '../case-state';
import type { CaseActivities } from './activity-proxies';
import { toIsoInstant } from './deadlines';
import { sharedDefinition } from './definition-pool';
import { halfYearOf } from './half-year';

export interface ActionContext {
  state: CaseState;
  scope: CaseScope;
  now: Date;
  acts: Pick<CaseActivities, 'notify' | 'recordPlacement' | 'resolveDefinition'>;
  /** What the municipality subscribes to, handed to a linked case (cases with start patch 3). */
  caseEvents?: CaseEventSubscriptions;
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
  'set-variables'(node, params, { state }) {
    Object.assign(state.variables, params);
    return Promise.resolve(`variabelen gezet: ${Object.keys(node.params ?? {}).join(', ')}`);
  },
  'set-status'(_node, params, { state }) {
    const status = params.status;
    if (typeof status === 'string') state.caseStatus = status;
    return Promise.resolve(`status: ${String(status)}`);
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
   * Sets case dates from parameters, sources or literal dates (see action-params.ts). Reads the
   * raw params: a `{name}` segment of a parameter path is a case variable, else a top-level input
   * property (so an input's cohort picks its cohort's start date). A value that does not resolve
   * to a date leaves the date unset and says so in the history.
   */
  'set-dates'(node, _params, { state, scope }) {
    const keys: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(scope.data)) if (typeof v === 'string') keys[k] = v;
    Object.assign(keys, scope.variables);
    const set: string[] = [];
    const unset: string[] = [];
    for (const [date, raw] of Object.entries(node.params ?? {})) {
      let value: unknown;
      if (isParamRef(raw)) {
        const r = resolveParam(raw.param, scope.parameters, keys);
        value = r.ok ? r.value : undefined;
      } else value = source(raw, scope);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value)) {
        state.dates[date] = toIsoInstant(value, new Date(0));
        set.push(date);
      } else unset.push(date);
    }
    return Promise.resolve(
      `datums gezet: ${set.join(', ') || 'geen'}${unset.length ? `; niet gezet: ${unset.join(', ')}` : ''}`,
    );
  },
  /**
   * Counts the placement for the municipality's taakstelling of the half-year it happened in.
   * params: placedOn (a date source, default today), municipality (default data.municipality, else
   * the tenant), scheme (optional source), counts (false: this placement does not count, e.g. a
   * scheme whose parameters say so).
   */
  async 'count-placement'(node, params, { state, scope, now, acts }) {
    if (params.counts === false) return 'telt niet mee voor de taakstelling';
    // Replay: the same conversion the recorded histories were made with (the activity's input must not change).
    // With start patch 6 (scope.dutchDays) "today" is the Dutch day: 23:30 UTC on 31 December counts in the new half-year.
    const today = scope.dutchDays ? calendarDayOf(now.toISOString(), true) : now.toISOString();
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const placedOn = String(source(params.placedOn, scope) ?? today).slice(0, 10);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
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
  /**
   * Starts a linked case (see action-params.ts): a case of its own that outlives this one
   * (ParentClosePolicy ABANDON) and is not waited for. Idempotent: the id is derived from this
   * case's id and the step (no personal data), a second start of it is refused by Temporal and
   * reported as already started. Input that does not fit the other process is reported in the
   * history by path (never its values) and this case goes on.
   */
  async 'start-linked-case'(node, params, { state, scope, acts, caseEvents }) {
    if (params.enabled === false) return 'gekoppelde zaak niet gestart: uitgezet in de parameters';
    const processId = String(params.process);
    const data: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries((params.data ?? {}) as Record<string, unknown>)) {
      const value = source(raw, scope);
      // Case dates are instants; an input date is the calendar day.
      if (typeof raw === 'string' && raw.startsWith('dates.') && typeof value === 'string')
        data[key] = value.slice(0, 10);
      else if (value !== undefined) data[key] = value;
    }
    if (typeof params.linkProperty === 'string') data[params.linkProperty] = state.caseId;
    // The worker's shared copy of this snapshot (definition-pool.ts): the SDK keeps the child's
    // start options, input included, for as long as the child runs (months), so each parent held
    // its own decoded copy of the linked definition (~20 kB); equal content, so the same command.
    const resolved = await acts.resolveDefinition({ tenant: state.tenant, processId });
    const definition = sharedDefinition(resolved).snapshot as ProcessDefinition;
    const validate = compilePayloadSchema(definition.inputSchema);
    if (!validate(data)) {
      const issues = toIssues(validate.errors, '/data').map((i) => `${i.path} ${i.message}`);
      return `gekoppelde zaak ${processId} niet gestart: ${issues.join('; ')}`;
    }
    const caseId = `${state.caseId}-${node.id}`;
    const caseRef = `${state.caseRef}/${node.id}`;
    if (findPersonalNumber(caseRef))
      return `gekoppelde zaak ${processId} niet gestart: het kenmerk lijkt op een BSN of V-nummer; hernoem de stap`;
    const input: CaseInput = { tenant: state.tenant, caseRef, definition, data, ...(caseEvents ? { caseEvents } : {}) };
    let detail = `gekoppelde zaak gestart: ${definition.id} v${definition.version}: ${caseId}`;
    try {
      await startChild<ProcessInterpreter>(INTERPRETER_WORKFLOW, {
        workflowId: caseId,
        args: [input],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: SA_TENANT, value: state.tenant },
          { key: SA_PROCESS, value: definition.id },
          { key: SA_CASE_REF, value: caseRef },
          { key: SA_STEP, value: definition.start },
        ],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      detail = `gekoppelde zaak bestond al: ${caseId}`;
    }
    if (typeof params.caseIdAs === 'string') state.variables[params.caseIdAs] = caseId;
    return detail;
  },
};
