import { memo, useMemo } from 'react';
import { Background, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { layoutGraph } from '../graph/layout';
import type { CaseView } from '../api/monitor';
import { useMonitorT } from './use-monitor-t';

type StepData = { label: string; kind: string; state: 'current' | 'visited' | 'other'; currentText: string };
type StepNode = Node<StepData, 'step'>;

const W = 180;
const H = 56;

const StepBox = memo(function StepBox({ data }: NodeProps<StepNode>) {
  return (
    <div className={`monitor-node monitor-node--${data.state} monitor-node--${data.kind}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span>{data.label}</span>
      {data.state === 'current' && <span className="visually-hidden"> ({data.currentText})</span>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { step: StepBox };

/** The case's own definition as a read-only graph: current step highlighted, the path taken in blue. */
export function CaseGraph({ view }: { view: CaseView }) {
  const { t, pick, lang } = useMonitorT();
  const currentText = t('case.current');
  // Keyed on the case's data by content and the language — not on the translator functions (new
  // on every render) nor on the objects of each reload: new node objects make React Flow measure
  // them again, and it hides them meanwhile (a blank graph after every live update).
  const signature = JSON.stringify([view.graph, view.path, view.currentStep]);
  const { nodes, edges } = useMemo(() => {
    const [graph, path, currentStep] = JSON.parse(signature) as [CaseView['graph'], string[], string | null];
    const pickLabel = (l: { nl: string; en: string } | undefined, fallback: string) => (l ? l[lang] : fallback);
    const visited = new Set(path);
    const taken = new Set(path.slice(1).map((id, i) => `${path[i]}>${id}`));
    const pos = layoutGraph(
      graph.nodes.map((n) => ({ id: n.id, width: W, height: H })),
      graph.edges,
    );
    const ns: StepNode[] = graph.nodes.map((n) => ({
      id: n.id,
      type: 'step',
      position: pos.get(n.id) ?? { x: 0, y: 0 },
      draggable: false,
      selectable: false,
      focusable: false,
      data: {
        label: pickLabel(n.label, n.id),
        kind: n.kind,
        state: n.id === currentStep ? 'current' : visited.has(n.id) ? 'visited' : 'other',
        currentText,
      },
    }));
    const es: Edge[] = graph.edges.map((e, i) => {
      const on = taken.has(`${e.source}>${e.target}`);
      return {
        id: `${e.source}-${e.target}-${i}`,
        source: e.source,
        target: e.target,
        animated: false,
        focusable: false,
        style: { stroke: on ? '#154273' : '#9a9a9a', strokeWidth: on ? 3 : 1 },
      };
    });
    return { nodes: ns, edges: es };
  }, [signature, lang, currentText]);
  const current = view.graph.nodes.find((n) => n.id === view.currentStep);
  return (
    <figure
      className="monitor-graph"
      aria-label={`${t('case.graph')}: ${view.path.map((id) => pick(view.graph.nodes.find((n) => n.id === id)?.label, id)).join(' → ')}`}
    >
      <div className="monitor-graph-canvas" aria-hidden="true">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          panOnDrag
          zoomOnScroll={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
        </ReactFlow>
      </div>
      <figcaption className="utrecht-paragraph">
        {t('case.graphNote')} {current ? `${t('case.step')}: ${pick(current.label)}.` : ''}
      </figcaption>
    </figure>
  );
}
