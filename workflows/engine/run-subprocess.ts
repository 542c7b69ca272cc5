import { ApplicationFailure, patched, startChild } from '@temporalio/workflow';
import type { CaseInput, ChildCase, ProcessInterpreter } from '../case-state';
import { compilePayloadSchema } from '../dsl/payload-validators';
import { toIssues } from '../dsl/schema-issues';
import { readSource } from '../dsl/references';
import type { SubprocessNode } from '../dsl/schema';
import { INTERPRETER_WORKFLOW } from '../messages';
import { findPersonalNumber } from '../privacy/find-personal-number';
import { SA_CASE_REF, SA_PROCESS, SA_STEP, SA_TENANT } from '../search-attributes';
import type { CaseRun } from './case-run';
import { patchesAtStart } from './patches-at-start';

export const PATCH_SUBPROCESS_REF_CHECK = 'doorstroom-subprocess-ref-check';

/**
 * Starts the child process as a case of its own and waits for its outcome. The child's id keeps
 * the parent's id as prefix (and so the tenant prefix the API checks); events for the child go to
 * that id. The definition snapshot comes from an activity, so replay never looks it up again.
 */
export async function runSubprocess(node: SubprocessNode, run: CaseRun): Promise<string> {
  const { state } = run;
  const definition = await run.lookups.resolveDefinition({ tenant: state.tenant, processId: node.process });
  const scope = run.scope();
  const data: Record<string, unknown> = {};
  for (const [key, src] of Object.entries(node.input)) {
    const value = readSource(src, scope);
    if (value !== undefined) data[key] = value;
  }
  const validate = compilePayloadSchema(definition.inputSchema);
  if (!validate(data)) {
    const issues = toIssues(validate.errors, '/data');
    throw ApplicationFailure.nonRetryable(
      `Subprocess "${node.id}": input for ${definition.id} is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      'SUBPROCESS_INPUT_INVALID',
    );
  }
  const n = state.children.filter((c) => c.nodeId === node.id).length + 1;
  const child: ChildCase = {
    caseId: `${state.caseId}-${node.id}-${n}`,
    nodeId: node.id,
    processId: definition.id,
    processVersion: definition.version,
    status: 'running',
    startedAt: run.now().toISOString(),
  };
  const caseRef = `${state.caseRef}/${node.id}-${n}`;
  // The same check as the API's: digits in a node id next to the counter could spell a BSN, and the
  // reference goes into a search attribute unencrypted.
  if ((patchesAtStart(run.state) || patched(PATCH_SUBPROCESS_REF_CHECK)) && findPersonalNumber(caseRef)) {
    throw ApplicationFailure.nonRetryable(
      `Subprocess "${node.id}": the child's case reference looks like a BSN or V-nummer; rename the node.`,
      'CASE_REF_LOOKS_PERSONAL',
    );
  }
  const input: CaseInput = {
    tenant: state.tenant,
    caseRef,
    definition,
    data,
    parent: { caseId: state.caseId, nodeId: node.id },
    // The child is a case of the same municipality: it starts knowing the parent's subscriptions (input only, no command).
    ...(run.input.caseEvents ? { caseEvents: run.input.caseEvents } : {}),
  };
  const handle = await startChild<ProcessInterpreter>(INTERPRETER_WORKFLOW, {
    workflowId: child.caseId,
    args: [input],
    typedSearchAttributes: [
      { key: SA_TENANT, value: state.tenant },
      { key: SA_PROCESS, value: definition.id },
      { key: SA_CASE_REF, value: caseRef },
      { key: SA_STEP, value: definition.start },
    ],
  });
  state.children.push(child);
  run.record({
    type: 'subprocess-started',
    nodeId: node.id,
    detail: `${definition.id} v${definition.version}: ${child.caseId}`,
  });
  run.publish();
  try {
    const result = await handle.result();
    child.status = 'completed';
    child.outcome = result.outcome;
    for (const [date, childDate] of Object.entries(node.dates ?? {})) {
      const value = result.dates[childDate];
      if (value !== undefined) state.dates[date] = value;
    }
  } catch (err) {
    child.status = 'failed';
    run.record({ type: 'subprocess-ended', nodeId: node.id, detail: `${child.caseId}: mislukt` });
    if (node.otherwise === undefined) throw err;
    return node.otherwise;
  } finally {
    run.touch();
  }
  run.record({
    type: 'subprocess-ended',
    nodeId: node.id,
    event: child.outcome,
    detail: `${child.caseId}: ${child.outcome ?? ''}`,
  });
  const branch = node.outcomes.find((o) => o.outcome === child.outcome);
  const next = branch?.next ?? node.otherwise;
  if (next === undefined) {
    throw ApplicationFailure.nonRetryable(
      `Subprocess "${node.id}": no branch for outcome "${child.outcome ?? ''}" and no default`,
      'SUBPROCESS_UNCOVERED',
    );
  }
  return next;
}
