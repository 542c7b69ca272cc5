import { Background, Controls, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { useStableNodes } from '../graph/use-stable-nodes';
import { currentLang } from '../i18n/i18n';
import { StatusBadge } from '../review/status-badge';
import { useArtifact } from '../review/use-artifact';
import { processNodeTypes } from './graph/step-node';
import { processToFlow, type ProcessFlowNode } from './graph/process-flow';

/** A process as a graph, with validation errors on its steps (editing steps follows; see docs/editor.md). */
export function ProcessDesignerPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLang();
  const { history, version, error } = useArtifact('definitions', key);
  const def = version?.content as ProcessDefinition | undefined;
  const issues = useMemo(() => {
    if (!def) return [];
    const r = validateDefinition(def);
    return r.valid ? [] : r.errors;
  }, [def]);
  const model = useMemo(() => {
    if (!def) return { nodes: [], edges: [] };
    const counts = new Map<string, number>();
    for (const e of issues) if (e.nodeId) counts.set(e.nodeId, (counts.get(e.nodeId) ?? 0) + 1);
    return processToFlow(def, lang, counts);
  }, [def, lang, issues]);
  const nodes = useStableNodes<ProcessFlowNode>(model.nodes, model.edges, () => ({ width: 240, height: 72 }), undefined, 'TB');

  if (error) return <p role="alert" className="error">{t('app.error', { message: error })}</p>;
  if (!history || !version || !def) return <p>{t('app.loading')}</p>;
  return (
    <section aria-labelledby="pd-title" className="editor">
      <p className="breadcrumb"><Link to="/processen">{t('nav.processes')}</Link> › {history.artifact.name}</p>
      <div className="editor-toolbar">
        <h1 id="pd-title" className="utrecht-heading-1">{def.title[lang] ?? def.title.nl}</h1>
        <span className="version-label">{t('editor.version', { version: version.version })}</span>
        <StatusBadge version={version} />
      </div>
      {def.description && <p className="utrecht-paragraph">{def.description[lang] ?? def.description.nl}</p>}
      <p className="utrecht-paragraph">{issues.length ? t('designer.errors', { count: issues.length }) : t('editor.valid')}</p>
      <div className="graph" role="group" aria-label={t('designer.graphLabel')}>
        <ReactFlow nodes={nodes} edges={model.edges} nodeTypes={processNodeTypes} nodesDraggable={false} nodesConnectable={false} fitView proOptions={{ hideAttribution: true }}>
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </section>
  );
}
