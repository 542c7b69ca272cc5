import { evaluateCheck } from '../dsl/check-conditions';
import type { CheckNode } from '../dsl/schema';
import type { CaseRun } from './case-run';

/** A check step: pure comparisons of case values, recorded in the history and, if asked, in a variable. */
export function runCheck(node: CheckNode, run: CaseRun): string {
  const result = evaluateCheck(node, run.scope());
  if (node.assign) run.state.variables[node.assign] = result;
  const label = (id: string) => node.conditions.find((c) => c.id === id)?.label.nl ?? id;
  const detail = result.passed
    ? 'toets voldaan'
    : [
        ...result.failed.map((id) => `niet voldaan: ${label(id)}`),
        ...result.unknown.map((id) => `niet te beoordelen: ${label(id)}`),
      ].join('; ');
  run.record({ type: 'task', nodeId: node.id, detail });
  return result.passed ? node.pass : node.fail;
}
