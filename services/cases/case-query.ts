import {
  SA_NEXT_DEADLINE,
  SA_OUTCOME,
  SA_OVERDUE,
  SA_PROCESS,
  SA_STEP,
  SA_STEP_CLOCK_START,
  SA_STEP_TIMEOUT,
  SA_TENANT,
} from '../../workflows/search-attributes';

/** Case statuses as the API names them, and Temporal's execution statuses behind them. */
export const CASE_STATUSES = {
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Canceled',
  terminated: 'Terminated',
  failed: 'Failed',
  timed_out: 'TimedOut',
} as const;
export type CaseStatusFilter = keyof typeof CASE_STATUSES;

export interface CaseFilter {
  processId?: string;
  step?: string;
  status?: CaseStatusFilter;
  outcome?: string;
  deadlineBefore?: string;
  deadlineAfter?: string;
  overdue?: boolean;
  /** The current step's clock started after / on or before these instants (monitor: months of stay). */
  stepClockStartAfter?: string;
  stepClockStartOnOrBefore?: string;
  /** The current step's time limit ends before this instant (monitor: placements ending soon). */
  stepTimeoutBefore?: string;
}

// Values reach the query only after schema validation (identifier patterns, date-times), and
// quotes are escaped all the same: a visibility query is a language of its own.
const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A Temporal visibility query for one municipality's cases; `now` decides what is overdue. */
export function visibilityQuery(tenant: string, filter: CaseFilter, now: Date): string {
  const clauses = [`${SA_TENANT.name} = ${quote(tenant)}`, `WorkflowType = 'processInterpreter'`];
  if (filter.processId) clauses.push(`${SA_PROCESS.name} = ${quote(filter.processId)}`);
  if (filter.step) clauses.push(`${SA_STEP.name} = ${quote(filter.step)}`);
  if (filter.status) clauses.push(`ExecutionStatus = ${quote(CASE_STATUSES[filter.status])}`);
  if (filter.outcome) clauses.push(`${SA_OUTCOME.name} = ${quote(filter.outcome)}`);
  if (filter.deadlineBefore)
    clauses.push(`${SA_NEXT_DEADLINE.name} < ${quote(new Date(filter.deadlineBefore).toISOString())}`);
  if (filter.deadlineAfter)
    clauses.push(`${SA_NEXT_DEADLINE.name} >= ${quote(new Date(filter.deadlineAfter).toISOString())}`);
  if (filter.stepClockStartAfter)
    clauses.push(`${SA_STEP_CLOCK_START.name} > ${quote(new Date(filter.stepClockStartAfter).toISOString())}`);
  if (filter.stepClockStartOnOrBefore)
    clauses.push(`${SA_STEP_CLOCK_START.name} <= ${quote(new Date(filter.stepClockStartOnOrBefore).toISOString())}`);
  if (filter.stepTimeoutBefore)
    clauses.push(`${SA_STEP_TIMEOUT.name} < ${quote(new Date(filter.stepTimeoutBefore).toISOString())}`);
  // Overdue: a norm was missed (and the case still runs), or a deadline passed that the worker has not handled yet.
  if (filter.overdue) {
    const at = quote(now.toISOString());
    clauses.push(`(${SA_OVERDUE.name} = 'true' OR ${SA_NEXT_DEADLINE.name} < ${at})`, `ExecutionStatus = 'Running'`);
  }
  return clauses.join(' AND ');
}
