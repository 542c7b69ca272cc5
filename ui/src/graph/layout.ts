import dagre from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
  /** A text label takes room between the ranks, so dagre keeps labels apart from nodes. */
  label?: unknown;
}

/** Positions (top-left corners, as React Flow wants them) from dagre; UI-only, never saved. */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], direction: 'LR' | 'TB' = 'LR'): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: 16, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    g.setEdge(e.source, e.target, typeof e.label === 'string' && e.label ? { width: Math.min(220, e.label.length * 6.5), height: 18, labelpos: 'c' } : {});
  }
  dagre.layout(g);
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    out.set(n.id, p ? { x: p.x - n.width / 2, y: p.y - n.height / 2 } : { x: 0, y: 0 });
  }
  return out;
}

/** A layout is recomputed only when the graph's shape changes, not on every edit of a value. */
export function shapeKey(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): string {
  return `${nodes.map((n) => n.id).join('|')}#${edges.map((e) => `${e.source}>${e.target}`).join('|')}`;
}
