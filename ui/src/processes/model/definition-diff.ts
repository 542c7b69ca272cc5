import { isParamRef } from '../../../../workflows/dsl/references';
import type { ProcessDefinition, ProcessNode } from '../../../../workflows/dsl/schema';
import type { DiffMark } from '../graph/process-flow';

/**
 * Which steps differ between two versions, matched by id like the server's structural diff
 * (GET /definitions/{key}/diff): added, changed, removed. A step also counts as changed when a
 * parameter it refers to changed (P5M → P4M in `reminders.third` changes the reminder's step).
 */
export interface DefinitionDiff {
  marks: Map<string, DiffMark>;
  removed: ProcessNode[];
}

function paramRefs(value: unknown, out: string[] = []): string[] {
  if (isParamRef(value)) out.push(value.param);
  else if (Array.isArray(value)) value.forEach((v) => paramRefs(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => paramRefs(v, out));
  return out;
}

/** The parameter value a reference reads, up to its first `{variable}` segment (which fans out). */
function paramValue(parameters: Record<string, unknown> | undefined, path: string): string {
  let at: unknown = parameters;
  for (const seg of path.split('.')) {
    if (seg.startsWith('{')) break;
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[seg] : undefined;
  }
  return JSON.stringify(at) ?? '';
}

export function diffDefinitions(from: ProcessDefinition | undefined, to: ProcessDefinition): DefinitionDiff {
  const marks = new Map<string, DiffMark>();
  if (!from) return { marks, removed: [] };
  const before = new Map(from.nodes.map((n) => [n.id, n]));
  for (const n of to.nodes) {
    const old = before.get(n.id);
    if (!old) marks.set(n.id, 'added');
    else if (old !== n && JSON.stringify(old) !== JSON.stringify(n)) marks.set(n.id, 'changed');
    else if (
      from.parameters !== to.parameters &&
      paramRefs(n).some((p) => paramValue(from.parameters, p) !== paramValue(to.parameters, p))
    )
      marks.set(n.id, 'changed');
  }
  const ids = new Set(to.nodes.map((n) => n.id));
  const removed = from.nodes.filter((n) => !ids.has(n.id));
  return { marks, removed };
}
