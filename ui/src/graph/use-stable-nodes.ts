import type { Node } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { layoutGraph, shapeKey, type LayoutEdge } from './layout';

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/**
 * Lays out (dagre) only when the graph's shape changes, and hands React Flow the previous node
 * object when nothing about it changed, so one edit re-renders one node, not a thousand.
 * `size` must be stable (a module-level function): a new one each render recomputes every node.
 */
export function useStableNodes<N extends Node>(
  nodes: ReadonlyArray<Omit<N, 'position'>>,
  edges: readonly LayoutEdge[],
  size: (node: Omit<N, 'position'>) => { width: number; height: number },
  selectedId: string | undefined,
  direction: 'LR' | 'TB' = 'LR',
): N[] {
  const layoutRef = useRef<{ key: string; positions: Map<string, { x: number; y: number }> }>(undefined);
  const prevRef = useRef<Map<string, N>>(new Map());
  return useMemo(() => {
    const sized = nodes.map((n) => ({ id: n.id, ...size(n) }));
    const key = shapeKey(sized, edges) + direction;
    if (layoutRef.current?.key !== key) layoutRef.current = { key, positions: layoutGraph(sized, edges, direction) };
    const positions = layoutRef.current.positions;
    const prev = prevRef.current;
    const next = new Map<string, N>();
    const out = nodes.map((n) => {
      const position = positions.get(n.id) ?? { x: 0, y: 0 };
      const selected = n.id === selectedId;
      const old = prev.get(n.id);
      const node =
        old &&
        old.position === position &&
        old.selected === selected &&
        old.type === n.type &&
        sameData(old.data, n.data)
          ? old
          : ({ ...n, position, selected } as N);
      next.set(n.id, node);
      return node;
    });
    prevRef.current = next;
    return out;
  }, [nodes, edges, size, selectedId, direction]);
}
