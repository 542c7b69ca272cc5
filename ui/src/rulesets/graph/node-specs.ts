import type { NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import { FactNode } from './nodes/fact-node';
import { GroupNode } from './nodes/group-node';
import { ReferenceNode } from './nodes/reference-node';
import { RuleNode } from './nodes/rule-node';
import { RuleSetNode } from './nodes/ruleset-node';
import type { RuleSetNodeKind } from './ruleset-flow';

export interface RuleSetNodeSpec {
  // React Flow passes NodeProps; the components narrow it themselves.
  component: ComponentType<never>;
  width: number;
  height: number;
}

/** One entry per node kind: a kind without a spec does not compile. */
export const ruleSetNodeSpecs: { [K in RuleSetNodeKind]: RuleSetNodeSpec } = {
  ruleset: { component: RuleSetNode, width: 240, height: 64 },
  rule: { component: RuleNode, width: 260, height: 76 },
  logic: { component: GroupNode, width: 190, height: 44 },
  fact: { component: FactNode, width: 300, height: 76 },
  reference: { component: ReferenceNode, width: 220, height: 56 },
};

/** Built once at module level: a new object per render would remount every node. */
export const ruleSetNodeTypes: NodeTypes = Object.fromEntries(
  Object.entries(ruleSetNodeSpecs).map(([kind, spec]) => [kind, spec.component]),
) as NodeTypes;
