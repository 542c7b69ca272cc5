import type { DefinitionError } from '../../../../workflows/dsl/validate-definition';
import type { ProcessDefinition } from '../../../../workflows/dsl/schema';

/**
 * Validation errors with the step they concern: schema errors carry only a pointer
 * (/nodes/3/next), so the step is read from it; an open edge gets a message a designer understands.
 */
export function withNodeIds(def: ProcessDefinition, errors: readonly DefinitionError[]): DefinitionError[] {
  return errors.map((e) => {
    if (e.nodeId) return e;
    const m = /^\/nodes\/(\d+)(\/.*)?$/.exec(e.path);
    const node = m ? def.nodes[Number(m[1])] : undefined;
    if (!node) return e;
    const rest = m?.[2] ?? '';
    const open = /(^|\/)(next|otherwise)$/.test(rest) && valueAt(node, rest) === '';
    const label = node.label?.nl ?? node.id;
    return {
      ...e,
      nodeId: node.id,
      ...(open
        ? {
            message: {
              nl: `Stap "${label}" is nog niet verbonden met een volgende stap (${rest.slice(1)}).`,
              en: `Step "${node.label?.en ?? label}" is not yet connected to a next step (${rest.slice(1)}).`,
            },
          }
        : {}),
    };
  });
}

function valueAt(value: unknown, pointer: string): unknown {
  let at = value;
  for (const p of pointer.split('/').slice(1))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[p] : undefined;
  return at;
}

export function countByNode(errors: readonly DefinitionError[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of errors) if (e.nodeId) counts.set(e.nodeId, (counts.get(e.nodeId) ?? 0) + 1);
  return counts;
}
