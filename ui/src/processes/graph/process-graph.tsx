import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  type Connection,
  type Edge,
  type NodeChange,
} from '@xyflow/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useStableNodes } from '../../graph/use-stable-nodes';
import { processNodeTypes, stepSize } from './step-node';
import type { ProcessFlowEdge, ProcessFlowNode } from './process-flow';

interface Props {
  nodes: ReadonlyArray<Omit<ProcessFlowNode, 'position'>>;
  edges: ProcessFlowEdge[];
  selected: string | undefined;
  readOnly: boolean;
  onSelect: (id: string) => void;
  /** A connection dragged from one step to another. */
  onConnect: (source: string, target: string) => void;
  /** An existing edge's end dragged to another step. */
  onReconnect: (edgeId: string, source: string, path: string, target: string) => void;
}

const defaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  labelBgPadding: [4, 2] as [number, number],
  labelStyle: { fontSize: 12, fill: '#1a1a1a' },
};

/** The process laid out top-down (dagre); click or Enter selects a step; dragging from a step's lower handle connects it. */
export function ProcessGraph({ nodes: input, edges, selected, readOnly, onSelect, onConnect, onReconnect }: Props) {
  const { t } = useTranslation();
  const nodes = useStableNodes<ProcessFlowNode>(input, edges, stepSize, selected, 'TB');
  const onNodesChange = useCallback(
    (changes: NodeChange<ProcessFlowNode>[]) => {
      const chosen = changes.find((c) => c.type === 'select' && c.selected);
      if (chosen && chosen.type === 'select') onSelect(chosen.id);
    },
    [onSelect],
  );
  const connect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.source !== c.target) onConnect(c.source, c.target);
    },
    [onConnect],
  );
  const reconnect = useCallback(
    (old: Edge, c: Connection) => {
      const path = (old as ProcessFlowEdge).data?.path;
      if (path && c.target && c.source === old.source) onReconnect(old.id, old.source, path, c.target);
    },
    [onReconnect],
  );
  return (
    <div className="graph pd-graph" role="group" aria-label={t('designer.graphLabel')}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={processNodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onNodeClick={(_, n) => {
          if (n.data.diff !== 'removed') onSelect(n.id);
        }}
        onConnect={connect}
        onReconnect={reconnect}
        nodesDraggable={false}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.08 }}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
