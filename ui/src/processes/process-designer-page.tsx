import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { knownNames } from '../../../workflows/dsl/validation/reference-checks';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import type { NodeKind, ProcessDefinition, ProcessNode } from '../../../workflows/dsl/schema';
import { ArtifactEditorFrame, EditorPending } from '../editing/artifact-editor-frame';
import { publishedVersion } from '../editing/use-artifact';
import { useArtifactEditor } from '../editing/use-artifact-editor';
import { currentLang } from '../i18n/i18n';
import { ReviewPanel } from '../review/review-panel';
import { JsonDocumentView } from '../editing/json-document-view';
import { DefinitionIssueList } from './editor/definition-issue-list';
import { DesignerSidePanel } from './editor/designer-side-panel';
import { DiffLegend } from './editor/diff-legend';
import { Palette } from './editor/palette';
import { ProcessGraph } from './graph/process-graph';
import { processToFlow } from './graph/process-flow';
import { describeNode, specOf } from './kinds/node-specs';
import type { PanelContext } from './kinds/node-spec';
import { diffDefinitions } from './model/definition-diff';
import { countByNode, withNodeIds } from './model/definition-issues';
import { addNode, freshId, replaceNode, setEdgeTarget, setParameter } from './model/definition-ops';
import './process-designer.css';

const TABS = ['edit', 'json', 'review'] as const;
type TabKey = (typeof TABS)[number];

/** A process definition as an editable graph: palette, side panel per step kind, JSON, errors, undo/redo, diff with the published version, review. */
export function ProcessDesignerPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLang();
  const editor = useArtifactEditor<ProcessDefinition>('definitions', key);
  const { history, version, doc, published, readOnly, dirty, reload, change } = editor;
  const [selected, setSelected] = useState<string>();
  const [tab, setTab] = useState<TabKey>('edit');

  const deferred = useDeferredValue(doc);
  const errors = useMemo(() => {
    if (!deferred) return [];
    const r = validateDefinition(deferred);
    return r.valid ? [] : withNodeIds(deferred, r.errors);
  }, [deferred]);
  const diff = useMemo(
    () => (doc && published && version?.status !== 'published' ? diffDefinitions(published, doc) : undefined),
    [doc, published, version?.status],
  );
  // Lines per step object, so an edit of one step gives only that step new data (one node re-renders and is re-measured).
  const describe = useMemo(() => {
    const cache = new WeakMap<ProcessNode, string[]>();
    const params = { parameters: doc?.parameters, events: doc?.events } as ProcessDefinition;
    return (n: ProcessNode) => {
      let lines = cache.get(n);
      if (!lines) cache.set(n, (lines = describeNode(n, params, lang)));
      return lines;
    };
  }, [doc?.parameters, doc?.events, lang]);
  const flow = useMemo(
    () =>
      doc
        ? processToFlow(doc, lang, {
            errors: countByNode(errors),
            diff: diff?.marks,
            removed: diff?.removed,
            describe,
          })
        : { nodes: [], edges: [] },
    [doc, lang, errors, diff, describe],
  );

  const ctx: PanelContext | undefined = useMemo(
    () =>
      doc
        ? {
            def: doc,
            lang,
            readOnly,
            dates: [...knownNames(doc).dates],
            setParameter: (path, value, undoKey) => change(setParameter(doc, path, value), undoKey),
          }
        : undefined,
    [doc, lang, readOnly, change],
  );

  const add = (kind: NodeKind) => {
    if (!doc) return;
    const spec = specOf(kind);
    const id = freshId(doc, spec.idStem);
    let next = addNode(doc, spec.create(id, lang));
    // A selected step whose way out is still open now leads to the new one.
    const from = selected ? doc.nodes.find((n) => n.id === selected) : undefined;
    if (from && from.kind === 'task' && !from.next) next = setEdgeTarget(next, from.id, 'next', id);
    change(next);
    setSelected(id);
  };
  const onConnect = useCallback(
    (source: string, target: string) => {
      const node = doc?.nodes.find((n) => n.id === source);
      if (!doc || !node) return;
      const connected = specOf(node.kind).connect(node, target);
      if (connected) change(replaceNode(doc, source, connected));
      setSelected(source);
    },
    [doc, change],
  );
  const onReconnect = useCallback(
    (_edge: string, source: string, path: string, target: string) => {
      if (doc) change(setEdgeTarget(doc, source, path, target));
    },
    [doc, change],
  );

  if (editor.error || !history || !version || !doc || !ctx) return <EditorPending error={editor.error} />;
  const title = doc.title[lang] ?? doc.title.nl;
  return (
    <ArtifactEditorFrame<ProcessDefinition, TabKey>
      editor={editor}
      version={version}
      title={title}
      titleId="pd-title"
      className="editor pd-editor"
      list={{ to: '/processen', label: t('nav.processes') }}
      intro={
        doc.description && (
          <p className="utrecht-paragraph pd-description">{doc.description[lang] ?? doc.description.nl}</p>
        )
      }
      inReviewText={t('designer.inReview', { version: version.version })}
      tabs={TABS}
      tabIdPrefix="pd"
      tab={tab}
      onTab={setTab}
      issues={
        tab !== 'review' && (
          <DefinitionIssueList
            errors={errors}
            lang={lang}
            onGo={(id) => {
              setTab('edit');
              setSelected(id);
            }}
          />
        )
      }
    >
      {tab === 'edit' && (
        <>
          {diff && <DiffLegend diff={diff} publishedVersion={publishedVersion(history)?.version} />}
          <div className={`pd-split${readOnly ? ' pd-split--read' : ''}`}>
            {!readOnly && <Palette onAdd={add} disabled={readOnly} />}
            <ProcessGraph
              nodes={flow.nodes}
              edges={flow.edges}
              selected={selected}
              readOnly={readOnly}
              onSelect={setSelected}
              onConnect={onConnect}
              onReconnect={onReconnect}
            />
            <DesignerSidePanel
              key={selected ?? ''}
              ctx={ctx}
              selected={selected}
              errors={errors}
              change={change}
              select={setSelected}
            />
          </div>
        </>
      )}
      {tab === 'json' && (
        <JsonDocumentView
          idPrefix="pd-json"
          doc={doc}
          issues={errors}
          readOnly={readOnly}
          onChange={(d) => change(d, 'json')}
        />
      )}
      {tab === 'review' && (
        <ReviewPanel
          type="definitions"
          artifactKey={key}
          history={history}
          version={version}
          dirty={dirty}
          valid={errors.length === 0}
          onChanged={(v) => void reload(v)}
        />
      )}
    </ArtifactEditorFrame>
  );
}
