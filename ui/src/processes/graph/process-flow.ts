import type { Edge, Node } from '@xyflow/react';
import { edgesOf } from '../../../../workflows/dsl/node-edges';
import type { NodeKind, ProcessDefinition, ProcessNode } from '../../../../workflows/dsl/schema';

/** Process definition → React Flow: one node per step (id = step id), one edge per `next`, labelled by event or outcome. */
export type ProcessNodeData = { kind: NodeKind; title: string; detail?: string; start: boolean; errors: number };
export type ProcessFlowNode = Node<ProcessNodeData, 'step'>;

function edgeLabel(node: ProcessNode, path: string, lang: 'nl' | 'en'): string | undefined {
  const [head, index] = path.split('/');
  const i = Number(index);
  if (node.kind === 'wait' && head === 'events') return node.events[i]?.label[lang] ?? node.events[i]?.label.nl;
  if (node.kind === 'wait' && head === 'timeout') return node.timeout?.label[lang] ?? node.timeout?.label.nl;
  if (node.kind === 'decision' && head === 'branches') return node.branches[i]?.label?.[lang] ?? node.branches[i]?.event;
  if (node.kind === 'subprocess' && head === 'outcomes') return node.outcomes[i]?.label?.[lang] ?? node.outcomes[i]?.outcome;
  return head === 'otherwise' ? '…' : undefined;
}

export function processToFlow(def: ProcessDefinition, lang: 'nl' | 'en', errors: ReadonlyMap<string, number> = new Map()): { nodes: Array<Omit<ProcessFlowNode, 'position'>>; edges: Edge[] } {
  const nodes = def.nodes.map((n) => ({
    id: n.id, type: 'step' as const, ariaLabel: n.label[lang] ?? n.label.nl,
    data: { kind: n.kind, title: n.label[lang] ?? n.label.nl, start: n.id === def.start, errors: errors.get(n.id) ?? 0,
      detail: n.kind === 'end' ? n.outcome : n.kind === 'decision' ? n.ruleSetKind : n.kind === 'subprocess' ? n.process : n.kind === 'task' ? n.action : undefined },
  }));
  const edges: Edge[] = def.nodes.flatMap((n) => edgesOf(n).map((e) => ({ id: `${n.id}/${e.path}`, source: n.id, target: e.target, label: edgeLabel(n, e.path, lang) })));
  return { nodes, edges };
}
