import { edgesOf } from '../node-edges';
import type { ProcessDefinition, ProcessNode } from '../schema';
import type { AddError } from './definition-error';

/**
 * The shape of the graph: transitions to existing nodes, everything reachable from the start,
 * a way from every node to an end, and no loop the case could run round without waiting.
 */
export function checkGraph(def: ProcessDefinition, index: ReadonlyMap<string, number>, add: AddError): void {
  const nodeAt = (id: string): ProcessNode | undefined => {
    const i = index.get(id);
    return i === undefined ? undefined : def.nodes[i];
  };
  if (!index.has(def.start))
    add(
      'UNKNOWN_NODE',
      '/start',
      `Startstap "${def.start}" bestaat niet.`,
      `Start node "${def.start}" does not exist.`,
    );
  def.nodes.forEach((n, i) => {
    for (const e of edgesOf(n)) {
      if (!index.has(e.target)) {
        add(
          'UNKNOWN_NODE',
          `/nodes/${i}/${e.path}`,
          `Stap "${n.id}" verwijst naar onbekende stap "${e.target}".`,
          `Node "${n.id}" points to unknown node "${e.target}".`,
          n.id,
        );
      }
    }
  });
  if (!def.nodes.some((n) => n.kind === 'end'))
    add('NO_END', '/nodes', 'De definitie heeft geen eindstap.', 'The definition has no end node.');

  const reached = new Set<string>();
  const stack = [def.start];
  while (stack.length) {
    const id = stack.pop() as string;
    const node = nodeAt(id);
    if (!node || reached.has(id)) continue;
    reached.add(id);
    for (const e of edgesOf(node)) stack.push(e.target);
  }
  def.nodes.forEach((n, i) => {
    if (!reached.has(n.id))
      add(
        'UNREACHABLE_NODE',
        `/nodes/${i}`,
        `Stap "${n.id}" is vanaf de start niet bereikbaar.`,
        `Node "${n.id}" cannot be reached from the start.`,
        n.id,
      );
  });

  // A way out: some path from the node leads to an end (computed backwards from the ends).
  const leadsToEnd = new Set(def.nodes.filter((n) => n.kind === 'end').map((n) => n.id));
  for (let changed = true; changed;) {
    changed = false;
    for (const n of def.nodes) {
      if (!leadsToEnd.has(n.id) && edgesOf(n).some((e) => leadsToEnd.has(e.target))) {
        leadsToEnd.add(n.id);
        changed = true;
      }
    }
  }
  if (leadsToEnd.size > 0) {
    def.nodes.forEach((n, i) => {
      if (!leadsToEnd.has(n.id))
        add(
          'NO_WAY_OUT',
          `/nodes/${i}`,
          `Vanaf stap "${n.id}" is geen eindstap te bereiken.`,
          `No end node can be reached from node "${n.id}".`,
          n.id,
        );
    });
  }

  // A loop of tasks, decisions and subprocesses would spin forever inside one case: each loop needs a wait.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    const node = nodeAt(id);
    for (const e of node ? edgesOf(node) : []) {
      const target = nodeAt(e.target);
      if (!target || target.kind === 'wait') continue;
      const s = state.get(target.id);
      if (s === 'open') {
        const i = index.get(target.id) as number;
        add(
          'CYCLE_WITHOUT_WAIT',
          `/nodes/${i}`,
          `Lus via stap "${target.id}" zonder wachtstap: de zaak zou eindeloos rondgaan.`,
          `Loop through node "${target.id}" has no wait node: the case would spin forever.`,
          target.id,
        );
      } else if (s === undefined) visit(target.id);
    }
    state.set(id, 'done');
  };
  for (const n of def.nodes) if (n.kind !== 'wait' && !state.has(n.id)) visit(n.id);
}
