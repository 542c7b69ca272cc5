import type { NodeKind, ProcessDefinition, ProcessNode } from '../../../../workflows/dsl/schema';
import { syncLabelDurations } from '../../../../workflows/dsl/label-durations';

/**
 * Immutable edits of a process definition. Untouched nodes keep their object, so the graph
 * re-renders only what changed and undo/redo can keep whole documents cheaply.
 */

export function nodeIndex(def: ProcessDefinition, id: string): number {
  return def.nodes.findIndex((n) => n.id === id);
}

export function replaceNode(def: ProcessDefinition, id: string, next: ProcessNode): ProcessDefinition {
  return { ...def, nodes: def.nodes.map((n) => (n.id === id ? next : n)) };
}

/** A fresh id from a stem: `taak`, `taak-2`, `taak-3` … */
export function freshId(def: ProcessDefinition, stem: string): string {
  const used = new Set(def.nodes.map((n) => n.id));
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i += 1) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

export function addNode(def: ProcessDefinition, node: ProcessNode): ProcessDefinition {
  return { ...def, nodes: [...def.nodes, node] };
}

/** Sets every reference to `from` (an edge target or the start) to `to`; `to` '' leaves the edge open. */
export function retarget(def: ProcessDefinition, from: string, to: string): ProcessDefinition {
  const fix = (ref: string) => (ref === from ? to : ref);
  const nodes = def.nodes.map((n): ProcessNode => {
    switch (n.kind) {
      case 'task':
        return n.next === from ? { ...n, next: to } : n;
      case 'wait': {
        const touches = n.events.some((e) => e.next === from) || n.timeout?.next === from;
        if (!touches) return n;
        return {
          ...n,
          events: n.events.map((e) => (e.next === from ? { ...e, next: to } : e)),
          ...(n.timeout ? { timeout: { ...n.timeout, next: fix(n.timeout.next) } } : {}),
        };
      }
      case 'decision':
        if (!n.branches.some((b) => b.next === from) && n.otherwise !== from) return n;
        return {
          ...n,
          branches: n.branches.map((b) => (b.next === from ? { ...b, next: to } : b)),
          ...(n.otherwise !== undefined ? { otherwise: fix(n.otherwise) } : {}),
        };
      case 'subprocess':
        if (!n.outcomes.some((o) => o.next === from) && n.otherwise !== from) return n;
        return {
          ...n,
          outcomes: n.outcomes.map((o) => (o.next === from ? { ...o, next: to } : o)),
          ...(n.otherwise !== undefined ? { otherwise: fix(n.otherwise) } : {}),
        };
      case 'check':
        return n.pass === from || n.fail === from ? { ...n, pass: fix(n.pass), fail: fix(n.fail) } : n;
      case 'end':
        return n;
    }
  });
  return { ...def, start: fix(def.start), nodes };
}

/** Removes a step; edges that led to it are left open, so validation points the designer at them. */
export function removeNode(def: ProcessDefinition, id: string): ProcessDefinition {
  const without = { ...def, nodes: def.nodes.filter((n) => n.id !== id) };
  return retarget(without, id, '');
}

/** Renames a step and every reference to it. */
export function renameNode(def: ProcessDefinition, id: string, newId: string): ProcessDefinition {
  const renamed = { ...def, nodes: def.nodes.map((n) => (n.id === id ? { ...n, id: newId } : n)) };
  return retarget(renamed, id, newId);
}

/** Points one edge, named by its path below the node (`next`, `events/0/next`, `otherwise` …), at a target. */
export function setEdgeTarget(def: ProcessDefinition, nodeId: string, path: string, target: string): ProcessDefinition {
  const node = def.nodes.find((n) => n.id === nodeId);
  if (!node) return def;
  const parts = path.split('/');
  let current: unknown = node;
  for (const p of parts) current = (current as Record<string, unknown> | undefined)?.[p];
  if (current === target) return def;
  const copy = JSON.parse(JSON.stringify(node)) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const p of parts.slice(0, -1)) at = at[p] as Record<string, unknown>;
  at[parts[parts.length - 1] as string] = target;
  return replaceNode(def, nodeId, copy as unknown as ProcessNode);
}

/**
 * Sets a value in the parameters by dotted path (creating objects on the way). A label that
 * states the old duration ("6 maanden") is rewritten from the new value, so the screen, the
 * notices and the besluit never show a norm the case does not run on.
 */
export function setParameter(def: ProcessDefinition, path: string, value: unknown): ProcessDefinition {
  const keys = path.split('.');
  const set = (obj: Record<string, unknown> | undefined, i: number): Record<string, unknown> => {
    const base = { ...(obj ?? {}) };
    const k = keys[i] as string;
    base[k] = i === keys.length - 1 ? value : set(base[k] as Record<string, unknown> | undefined, i + 1);
    return base;
  };
  return syncLabelDurations({ ...def, parameters: set(def.parameters, 0) });
}

export type NodeFactory = (id: string) => ProcessNode;
export type KindOf<N extends ProcessNode> = N['kind'] & NodeKind;
