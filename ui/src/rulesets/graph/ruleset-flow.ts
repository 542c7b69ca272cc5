import type { Edge, Node } from '@xyflow/react';
import type { Condition, ConditionStatus, FactCatalog, Language, RuleSet } from '../../../../rules';
import { describeFactCondition } from './describe';

/**
 * The stored rule set ↔ React Flow. Nodes are named after the JSON pointer of what they show
 * (`n` + pointer), so validation errors and explanations, which carry pointers, land on their
 * node, and a selected node maps straight back to the part of the document it edits. Positions,
 * selection and colours live only here: nothing of it goes back into the saved JSON.
 */

export type RuleSetNodeKind = 'ruleset' | 'rule' | 'logic' | 'fact' | 'reference';
export type RunStatus = ConditionStatus | 'fired' | 'not-fired';

export type RuleSetNodeData = {
  path: string;
  title: string;
  detail?: string;
  /** all/any/not for groups. */
  group?: 'all' | 'any' | 'not';
  disabled?: boolean;
  errors: number;
  status?: RunStatus;
};

export type RuleSetFlowNode = Node<RuleSetNodeData, RuleSetNodeKind>;

export const nodeIdOf = (path: string) => `n${path}`;
export const pathOfNodeId = (id: string) => id.slice(1);

export interface Decorations {
  /** Error count per node path (see errorsByNode). */
  errors?: ReadonlyMap<string, number>;
  statuses?: ReadonlyMap<string, RunStatus>;
  /** Words for all/any/not in the reader's language (screen readers read node labels). */
  groupLabel?: (group: 'all' | 'any' | 'not') => string;
}

export interface FlowModel {
  nodes: Array<Omit<RuleSetFlowNode, 'position'>>;
  edges: Edge[];
}

export function ruleSetToFlow(
  ruleSet: RuleSet,
  catalog: FactCatalog | undefined,
  lang: Language,
  deco: Decorations = {},
): FlowModel {
  const nodes: FlowModel['nodes'] = [];
  const edges: Edge[] = [];
  const add = (
    kind: RuleSetNodeKind,
    path: string,
    data: Omit<RuleSetNodeData, 'path' | 'errors' | 'status'>,
    parent?: string,
  ) => {
    const status = deco.statuses?.get(path);
    const title = data.group && deco.groupLabel ? deco.groupLabel(data.group) : data.title;
    const ariaLabel = `${title}${data.detail ? `: ${data.detail}` : ''}`;
    nodes.push({
      id: nodeIdOf(path),
      type: kind,
      ariaLabel,
      data: { ...data, path, errors: deco.errors?.get(path) ?? 0, ...(status ? { status } : {}) },
    });
    if (parent !== undefined) edges.push({ id: `e${path}`, source: nodeIdOf(parent), target: nodeIdOf(path) });
  };

  const walk = (c: Condition, path: string, parent: string, disabled: boolean) => {
    if ('all' in c || 'any' in c) {
      const group = 'all' in c ? 'all' : 'any';
      add('logic', path, { title: group, group, disabled }, parent);
      const list = 'all' in c ? c.all : c.any;
      list.forEach((child, i) => walk(child, `${path}/${group}/${i}`, path, disabled));
    } else if ('not' in c) {
      add('logic', path, { title: 'not', group: 'not', disabled }, parent);
      walk(c.not, `${path}/not`, path, disabled);
    } else if ('condition' in c) {
      add('reference', path, { title: c.condition, disabled }, parent);
    } else {
      const d = describeFactCondition(c, ruleSet, catalog, lang);
      add('fact', path, { title: d.fact, detail: d.requirement, disabled }, parent);
    }
  };

  add('ruleset', '', { title: ruleSet.title, detail: `v${ruleSet.version}` });
  ruleSet.rules.forEach((rule, i) => {
    const path = `/rules/${i}`;
    const disabled = rule.enabled === false;
    add('rule', path, { title: rule.title, detail: rule.event.type, disabled }, '');
    walk(rule.conditions, `${path}/conditions`, path, disabled);
  });
  return { nodes, edges };
}

/** Counts issues per node: each issue goes to the deepest node whose pointer is a prefix of the issue's path. */
export function errorsByNode(issuePaths: readonly string[], nodePaths: readonly string[]): Map<string, number> {
  const known = new Set(nodePaths);
  const out = new Map<string, number>();
  for (const p of issuePaths) {
    let at = p;
    while (at !== '' && !known.has(at)) at = at.slice(0, Math.max(0, at.lastIndexOf('/')));
    out.set(at, (out.get(at) ?? 0) + 1);
  }
  return out;
}
