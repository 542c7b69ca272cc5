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

const NODESEP = 16;
const RANKSEP = 56;
const MARGIN = 16;

/**
 * Positions (top-left corners, as React Flow wants them); UI-only, never saved. A tree (a rule
 * set is one) is laid out directly in linear time; dagre took ~450 ms for the 1,400 nodes of a
 * 200-rule set (bench/editor.ts). Graphs with joins or cycles (processes) go to dagre.
 */
export function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  direction: 'LR' | 'TB' = 'LR',
): Map<string, { x: number; y: number }> {
  return layoutTree(nodes, edges, direction) ?? layoutDagre(nodes, edges, direction);
}

/** A tidy tree: ranks by depth, leaves stacked in order, each parent centred on its children; undefined when not a forest. */
export function layoutTree(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  direction: 'LR' | 'TB' = 'LR',
): Map<string, { x: number; y: number }> | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    if (hasParent.has(e.target)) return undefined;
    hasParent.add(e.target);
    const list = children.get(e.source);
    if (list) list.push(e.target);
    else children.set(e.source, [e.target]);
  }
  const main = (n: LayoutNode) => (direction === 'LR' ? n.width : n.height);
  const cross = (n: LayoutNode) => (direction === 'LR' ? n.height : n.width);
  const depth = new Map<string, number>();
  const rankSize: number[] = [];
  const order: string[] = [];
  for (const root of nodes) {
    if (hasParent.has(root.id)) continue;
    const stack: Array<[string, number]> = [[root.id, 0]];
    while (stack.length) {
      const [id, d] = stack.pop() as [string, number];
      if (depth.has(id)) return undefined;
      depth.set(id, d);
      order.push(id);
      rankSize[d] = Math.max(rankSize[d] ?? 0, main(byId.get(id) as LayoutNode));
      const kids = children.get(id) ?? [];
      for (let i = kids.length - 1; i >= 0; i -= 1) stack.push([kids[i] as string, d + 1]);
    }
  }
  if (depth.size !== nodes.length) return undefined;
  const rankStart: number[] = [];
  rankSize.reduce((at, size, d) => ((rankStart[d] = at), at + size + RANKSEP), MARGIN);
  const center = new Map<string, number>();
  const lastEnd: number[] = [];
  let cursor = MARGIN;
  // Children before parents: the pre-order reversed.
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const id = order[i] as string;
    const n = byId.get(id) as LayoutNode;
    const kids = children.get(id) ?? [];
    const d = depth.get(id) as number;
    const half = cross(n) / 2;
    // Never on top of the node placed before it in the same rank.
    const floor = lastEnd[d] === undefined ? -Infinity : lastEnd[d] + NODESEP + half;
    let c: number;
    if (kids.length === 0) {
      c = Math.max(cursor + half, floor);
      cursor = c + half + NODESEP;
    } else
      c = Math.max(
        ((center.get(kids[0] as string) as number) + (center.get(kids[kids.length - 1] as string) as number)) / 2,
        floor,
      );
    center.set(id, c);
    lastEnd[d] = c + half;
  }
  // Reversed pre-order places later subtrees first: mirror so the first child comes first.
  const extent = Math.max(MARGIN, ...lastEnd.filter((x) => x !== undefined));
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const m = rankStart[depth.get(n.id) as number] as number;
    const cr = extent + MARGIN - (center.get(n.id) as number) - cross(n) / 2;
    out.set(n.id, direction === 'LR' ? { x: m, y: cr } : { x: cr, y: m });
  }
  return out;
}

function layoutDagre(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  direction: 'LR' | 'TB',
): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: NODESEP, ranksep: RANKSEP, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    g.setEdge(
      e.source,
      e.target,
      typeof e.label === 'string' && e.label
        ? { width: Math.min(220, e.label.length * 6.5), height: 18, labelpos: 'c' }
        : {},
    );
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
