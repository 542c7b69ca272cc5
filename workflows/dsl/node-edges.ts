import type { NodeKind, NodeOfKind, ProcessNode } from './schema';

/** An edge of the process graph: the node it leads to and the JSON path (below the node) that names it. */
export interface Edge {
  target: string;
  path: string;
}

type EdgesOf = { [K in NodeKind]: (node: NodeOfKind<K>) => Edge[] };

/** Every node kind's outgoing edges: the mapped type makes a forgotten kind a compile error. */
const edgesByKind: EdgesOf = {
  task: (node) => [{ target: node.next, path: 'next' }],
  wait: (node) => [
    ...node.events.map((e, i) => ({ target: e.next, path: `events/${i}/next` })),
    ...(node.timeout ? [{ target: node.timeout.next, path: 'timeout/next' }] : []),
    ...(node.complete ? [{ target: node.complete.next, path: 'complete/next' }] : []),
  ],
  decision: (node) => [
    ...node.branches.map((b, i) => ({ target: b.next, path: `branches/${i}/next` })),
    ...(node.otherwise !== undefined ? [{ target: node.otherwise, path: 'otherwise' }] : []),
  ],
  subprocess: (node) => [
    ...node.outcomes.map((o, i) => ({ target: o.next, path: `outcomes/${i}/next` })),
    ...(node.otherwise !== undefined ? [{ target: node.otherwise, path: 'otherwise' }] : []),
  ],
  end: () => [],
  check: (node) => [
    { target: node.pass, path: 'pass' },
    { target: node.fail, path: 'fail' },
  ],
};

export function edgesOf(node: ProcessNode): Edge[] {
  return (edgesByKind[node.kind] as (n: ProcessNode) => Edge[])(node);
}
