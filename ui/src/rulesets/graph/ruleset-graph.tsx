import { Background, Controls, ReactFlow, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactCatalog, Language, RuleSet } from '../../../../rules';
import { useStableNodes } from '../../graph/use-stable-nodes';
import { ruleSetNodeSpecs, ruleSetNodeTypes } from './node-specs';
import { nodeIdOf, pathOfNodeId, ruleSetToFlow, type Decorations, type RuleSetFlowNode } from './ruleset-flow';

interface Props {
  ruleSet: RuleSet;
  catalog: FactCatalog | undefined;
  lang: Language;
  decorations: Decorations;
  selected: string | undefined;
  onSelect: (path: string) => void;
}

/** A node's size by its kind; module-level, so the layout is not redone each render. */
const ruleSetNodeSize = (n: Omit<RuleSetFlowNode, 'position'>) => ruleSetNodeSpecs[n.type];

/** The rule set drawn as a tree, laid out by dagre; clicking (or Enter on) a node selects it for the side panel. */
export function RuleSetGraph({ ruleSet, catalog, lang, decorations, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const model = useMemo(
    () => ruleSetToFlow(ruleSet, catalog, lang, decorations),
    [ruleSet, catalog, lang, decorations],
  );
  const nodes = useStableNodes<RuleSetFlowNode>(
    model.nodes,
    model.edges,
    ruleSetNodeSize,
    selected === undefined ? undefined : nodeIdOf(selected),
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<RuleSetFlowNode>[]) => {
      const chosen = changes.find((c) => c.type === 'select' && c.selected);
      if (chosen && chosen.type === 'select') onSelect(pathOfNodeId(chosen.id));
    },
    [onSelect],
  );

  return (
    <div className="graph" role="group" aria-label={t('editor.graphLabel')}>
      <ReactFlow
        nodes={nodes}
        edges={model.edges}
        nodeTypes={ruleSetNodeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={(_, n) => onSelect(pathOfNodeId(n.id))}
        nodesDraggable={false}
        nodesConnectable={false}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.1 }}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
