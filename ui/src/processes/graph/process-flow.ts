import type { Edge, Node } from '@xyflow/react';
import { expectedEvents } from '../../../../workflows/dsl/declarations';
import { edgesOf } from '../../../../workflows/dsl/node-edges';
import type { NodeKind, ProcessDefinition, ProcessNode } from '../../../../workflows/dsl/schema';
import { setEdgeTarget } from '../model/definition-ops';

/**
 * Process definition ↔ React Flow. The stored node rides along in `data.node`; edges are named
 * `<node>/<path>` after the JSON path of their `next` below the node, so a reconnected edge
 * knows which field to set. Positions, selection and diff colours live only in the flow model:
 * `flowToProcess` reads nothing but `data.node` and the edges' targets.
 */
export type DiffMark = 'added' | 'changed' | 'removed';
export type ProcessNodeData = {
  kind: NodeKind;
  node: ProcessNode;
  title: string;
  /** Short lines under the title (action, reminders in words, rule set …). */
  lines: readonly string[];
  start: boolean;
  errors: number;
  diff?: DiffMark;
};
export type ProcessFlowNode = Node<ProcessNodeData, 'step'>;
export type ProcessFlowEdge = Edge<{ path: string }>;

export interface FlowDecorations {
  errors?: ReadonlyMap<string, number>;
  diff?: ReadonlyMap<string, DiffMark>;
  /** Removed steps of the compared version, drawn as ghosts (never saved). */
  removed?: readonly ProcessNode[];
  describe?: (node: ProcessNode) => readonly string[];
}

const EMPTY: readonly string[] = [];

function edgeLabel(def: ProcessDefinition, node: ProcessNode, path: string, lang: 'nl' | 'en'): string | undefined {
  const [head, index] = path.split('/');
  const i = Number(index);
  if (node.kind === 'wait' && head === 'events') {
    const e = expectedEvents(def, node)[i];
    return e?.label[lang] ?? e?.label.nl;
  }
  if (node.kind === 'wait' && head === 'timeout') return node.timeout?.label[lang] ?? node.timeout?.label.nl;
  if (node.kind === 'wait' && head === 'complete') return node.complete?.label[lang] ?? node.complete?.label.nl;
  if (node.kind === 'decision' && head === 'branches')
    return node.branches[i]?.label?.[lang] ?? node.branches[i]?.event;
  if (node.kind === 'subprocess' && head === 'outcomes')
    return node.outcomes[i]?.label?.[lang] ?? node.outcomes[i]?.outcome;
  return head === 'otherwise' ? (lang === 'nl' ? 'anders' : 'otherwise') : undefined;
}

export function processToFlow(
  def: ProcessDefinition,
  lang: 'nl' | 'en',
  deco: FlowDecorations = {},
): { nodes: Array<Omit<ProcessFlowNode, 'position'>>; edges: ProcessFlowEdge[] } {
  const toNode = (n: ProcessNode, diff: DiffMark | undefined) => ({
    id: n.id,
    type: 'step' as const,
    ariaLabel: n.label[lang] ?? n.label.nl,
    ...(diff === 'removed' ? { selectable: false, connectable: false } : {}),
    data: {
      kind: n.kind,
      node: n,
      title: n.label[lang] ?? n.label.nl,
      lines: deco.describe?.(n) ?? EMPTY,
      start: n.id === def.start && diff !== 'removed',
      errors: deco.errors?.get(n.id) ?? 0,
      ...(diff ? { diff } : {}),
    },
  });
  const ids = new Set(def.nodes.map((n) => n.id));
  const nodes = [
    ...def.nodes.map((n) => toNode(n, deco.diff?.get(n.id))),
    ...(deco.removed ?? []).filter((n) => !ids.has(n.id)).map((n) => toNode(n, 'removed')),
  ];
  const edges: ProcessFlowEdge[] = def.nodes.flatMap((n) =>
    edgesOf(n)
      .filter((e) => ids.has(e.target))
      .map((e) => ({
        id: `${n.id}/${e.path}`,
        source: n.id,
        target: e.target,
        label: edgeLabel(def, n, e.path, lang),
        data: { path: e.path },
        reconnectable: true,
      })),
  );
  return { nodes, edges };
}

/**
 * React Flow → process definition: the stored nodes in the flow's order with every edge's target
 * applied; the rest of the definition comes from `base`. Ghost (removed) nodes are left out.
 */
export function flowToProcess(
  base: ProcessDefinition,
  nodes: ReadonlyArray<Pick<ProcessFlowNode, 'data'>>,
  edges: ReadonlyArray<Pick<ProcessFlowEdge, 'source' | 'target' | 'data'>>,
): ProcessDefinition {
  let def: ProcessDefinition = {
    ...base,
    nodes: nodes.filter((n) => n.data.diff !== 'removed').map((n) => n.data.node),
  };
  for (const e of edges) if (e.data?.path) def = setEdgeTarget(def, e.source, e.data.path, e.target);
  return def;
}
