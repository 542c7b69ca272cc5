import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { knownNames } from '../../../workflows/dsl/validation/reference-checks';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import type { NodeKind, NodeOfKind, ProcessDefinition, ProcessNode } from '../../../workflows/dsl/schema';
import { artifacts } from '../api/artifacts';
import { currentLang } from '../i18n/i18n';
import { ReviewPanel } from '../review/review-panel';
import { publishedVersion, useArtifact } from '../review/use-artifact';
import { EditorToolbar } from '../rulesets/editor/editor-toolbar';
import { useUndoable } from '../rulesets/model/use-undoable';
import { useHasRole } from '../shell/session-context';
import { Tabs } from '../shell/tabs';
import { DefinitionIssueList } from './editor/definition-issue-list';
import { JsonDocumentView } from '../editing/json-document-view';
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

type TabKey = 'edit' | 'json' | 'review';

/** A process definition as an editable graph: palette, side panel per step kind, JSON, errors, undo/redo, diff with the published version, review. */
export function ProcessDesignerPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLang();
  const isDesigner = useHasRole('designer');
  const { history, version, error, reload } = useArtifact('definitions', key);
  const undoable = useUndoable<ProcessDefinition>(undefined as unknown as ProcessDefinition);
  const { reset, set } = undoable;
  const [saved, setSaved] = useState<ProcessDefinition>();
  const [published, setPublished] = useState<ProcessDefinition>();
  const [selected, setSelected] = useState<string>();
  const [tab, setTab] = useState<TabKey>('edit');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (!version?.content) return;
    const doc = version.content as ProcessDefinition;
    reset(doc);
    setSaved(doc);
  }, [version, reset]);
  useEffect(() => {
    artifacts.effective('definitions', key).then(
      (v) => setPublished(v.content as ProcessDefinition),
      () => setPublished(undefined),
    );
  }, [key, history]);

  const doc = undoable.doc;
  const readOnly = !version || version.status !== 'draft' || !isDesigner;
  const dirty = doc !== saved;
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
    const params = { parameters: doc?.parameters } as ProcessDefinition;
    return (n: ProcessNode) => {
      let lines = cache.get(n);
      if (!lines) cache.set(n, (lines = describeNode(n, params, lang)));
      return lines;
    };
  }, [doc?.parameters, lang]);
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

  const change = useCallback(
    (next: ProcessDefinition, undoKey?: string) => {
      set(next, undoKey);
      setMessage(undefined);
    },
    [set],
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
      const node = doc.nodes.find((n) => n.id === source);
      if (!node) return;
      const connected = specOf(node.kind).connect(node as NodeOfKind<typeof node.kind>, target);
      if (connected) change(replaceNode(doc, source, connected));
      setSelected(source);
    },
    [doc, change],
  );
  const onReconnect = useCallback(
    (_edge: string, source: string, path: string, target: string) => change(setEdgeTarget(doc, source, path, target)),
    [doc, change],
  );

  async function save() {
    if (!version) return;
    setBusy(true);
    try {
      await artifacts.saveDraft('definitions', key, version.version, doc);
      setSaved(doc);
      setMessage(t('editor.saved'));
    } catch (e) {
      setMessage(t('editor.saveFailed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }
  async function newDraft() {
    setBusy(true);
    try {
      const draft = await artifacts.createDraft('definitions', key, version?.version);
      await reload(draft.version);
      setTab('edit');
    } catch (e) {
      setMessage(t('app.error', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  if (error)
    return (
      <p role="alert" className="error">
        {t('app.error', { message: error })}
      </p>
    );
  if (!history || !version || !doc || !ctx) return <p>{t('app.loading')}</p>;
  const title = doc.title[lang] ?? doc.title.nl;
  return (
    <section aria-labelledby="pd-title" className="editor pd-editor">
      <p className="breadcrumb">
        <Link to="/processen">{t('nav.processes')}</Link> › {title}
      </p>
      <EditorToolbar
        titleId="pd-title"
        title={title}
        version={version}
        dirty={dirty}
        busy={busy}
        readOnly={readOnly}
        message={message}
        canUndo={undoable.canUndo}
        canRedo={undoable.canRedo}
        onUndo={undoable.undo}
        onRedo={undoable.redo}
        onSave={() => void save()}
      />
      {doc.description && (
        <p className="utrecht-paragraph pd-description">{doc.description[lang] ?? doc.description.nl}</p>
      )}
      {version.status === 'in_review' && (
        <div className="utrecht-alert utrecht-alert--info draft-intro">
          <p className="utrecht-paragraph">{t('designer.inReview', { version: version.version })}</p>
        </div>
      )}
      {version.status !== 'draft' && version.status !== 'in_review' && (
        <div className="utrecht-alert utrecht-alert--info draft-intro">
          <p className="utrecht-paragraph">{t('editor.draftIntro')}</p>
          {isDesigner ? (
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              disabled={busy}
              onClick={() => void newDraft()}
            >
              {t('editor.newDraft')}
            </button>
          ) : (
            <p className="utrecht-paragraph">{t('editor.noDraftRights')}</p>
          )}
        </div>
      )}
      <Tabs<TabKey>
        idPrefix="pd"
        active={tab}
        onChange={setTab}
        tabs={(['edit', 'json', 'review'] as const).map((k) => ({ key: k, label: t(`editor.tabs.${k}`) }))}
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
      </Tabs>
      {tab !== 'review' && (
        <section aria-label={t('editor.errorList')} className="issues-section">
          <DefinitionIssueList
            errors={errors}
            lang={lang}
            onGo={(id) => {
              setTab('edit');
              setSelected(id);
            }}
          />
        </section>
      )}
    </section>
  );
}
