import type { NodeKind, ProcessDefinition, ProcessNode } from '../../../../workflows/dsl/schema';
import { checkSpec } from './check-spec';
import { decisionSpec } from './decision-spec';
import { endSpec } from './end-spec';
import type { NodeSpec, NodeSpecs } from './node-spec';
import { subprocessSpec } from './subprocess-spec';
import { taskSpec } from './task-spec';
import { waitSpec } from './wait-spec';

/** Every node kind's spec; the mapped type makes a kind without a spec a compile error. */
export const nodeSpecs: NodeSpecs = {
  task: taskSpec,
  wait: waitSpec,
  decision: decisionSpec,
  subprocess: subprocessSpec,
  end: endSpec,
  check: checkSpec,
};

export const NODE_KINDS = Object.keys(nodeSpecs) as NodeKind[];

export function specOf<K extends NodeKind>(kind: K): NodeSpec<K> {
  return nodeSpecs[kind];
}

export function describeNode(node: ProcessNode, def: ProcessDefinition, lang: 'nl' | 'en'): string[] {
  return specOf(node.kind).describe(node, def, lang);
}
