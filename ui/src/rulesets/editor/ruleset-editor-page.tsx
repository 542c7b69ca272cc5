import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { catalogOf, validateRuleSet, type FactCatalog, type RuleSet } from '../../../../rules';
import { ArtifactEditorFrame, EditorPending } from '../../editing/artifact-editor-frame';
import { JsonDocumentView } from '../../editing/json-document-view';
import { useArtifactEditor } from '../../editing/use-artifact-editor';
import { currentLang } from '../../i18n/i18n';
import { ReviewPanel } from '../../review/review-panel';
import { lazyPage, PageSuspense } from '../../shell/lazy-page';
import { useSession } from '../../shell/session-context';
import { RuleSetGraph } from '../graph/ruleset-graph';
import { errorsByNode, ruleSetToFlow, type RunStatus } from '../graph/ruleset-flow';
import type { SimulationSummary } from '../simulation/simulation-panel';
import { TestPanel } from '../test/test-panel';
import type { EditorApi } from './editor-api';
import { IssueList } from './issue-list';
import { PrioritySwitch } from './priority-switch';
import { SidePanel } from './side-panel';

// The simulation's charts (recharts) load with its tab, not with the editor.
const SimulationPanel = lazyPage(() => import('../simulation/simulation-panel'), 'SimulationPanel');

const TABS = ['edit', 'json', 'test', 'simulate', 'review'] as const;
type TabKey = (typeof TABS)[number];

/** One rule set: the graph with its side panel, JSON, test, simulation, and versions with review. */
export function RuleSetEditorPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLang();
  const { session } = useSession();
  const editor = useArtifactEditor<RuleSet>('rulesets', key);
  const { history, version, doc, published, readOnly, dirty, reload } = editor;
  const [selected, setSelected] = useState<string | undefined>('');
  const [tab, setTab] = useState<TabKey>('edit');
  const [statuses, setStatuses] = useState<Map<string, RunStatus>>();
  const [simulation, setSimulation] = useState<SimulationSummary>();

  const deferred = useDeferredValue(doc);
  const validation = useMemo(() => (deferred ? validateRuleSet(deferred) : undefined), [deferred]);
  // The kind's catalog extended by the draft's own facts: forms, graph and test panel list both.
  const catalog = useMemo(() => (doc ? catalogOf(doc) : undefined), [doc]);
  // A simulation reads cases for both versions: facts either one defines.
  const simulationCatalog = useMemo((): FactCatalog | undefined => {
    if (!catalog || !published || published.kind !== doc?.kind) return catalog;
    return { ...catalog, facts: { ...catalogOf(published).facts, ...catalog.facts } };
  }, [catalog, published, doc?.kind]);
  const decorations = useMemo(() => {
    const paths = deferred ? ruleSetToFlow(deferred, undefined, lang).nodes.map((n) => n.data.path) : [];
    const errors = errorsByNode(
      (validation?.errors ?? []).map((e) => e.path),
      paths,
    );
    return { errors, statuses, groupLabel: (g: 'all' | 'any' | 'not') => t(`node.${g}`) };
  }, [deferred, validation, statuses, lang, t]);

  const editorChange = editor.change;
  const change = useCallback(
    (next: RuleSet, undoKey?: string) => {
      editorChange(next, undoKey);
      setStatuses(undefined);
    },
    [editorChange],
  );

  const api: EditorApi | undefined = doc
    ? { doc, catalog, lang, readOnly, change, select: setSelected, tenant: session.tenant }
    : undefined;

  if (editor.error || !history || !version || !doc || !api) return <EditorPending error={editor.error} />;

  // One element for the three tabs that show the graph beside their panel.
  const graph = (
    <RuleSetGraph
      ruleSet={doc}
      catalog={catalog}
      lang={lang}
      decorations={decorations}
      selected={selected}
      onSelect={setSelected}
    />
  );
  return (
    <ArtifactEditorFrame
      editor={editor}
      version={version}
      title={history.artifact.name}
      titleId="editor-title"
      className="editor"
      list={{ to: '/regels', label: t('nav.rules') }}
      controls={<PrioritySwitch doc={doc} readOnly={readOnly} tenant={session.tenant} onChange={(d) => change(d)} />}
      tabs={TABS}
      tabIdPrefix="rs"
      tab={tab}
      onTab={setTab}
      issues={
        (tab === 'edit' || tab === 'json') &&
        validation && (
          <IssueList
            errors={validation.errors}
            warnings={validation.warnings}
            lang={lang}
            onGo={(p) => {
              setTab('edit');
              setSelected(nearestNode(doc, p));
            }}
          />
        )
      }
    >
      {tab === 'edit' && (
        <div className="split">
          {graph}
          <SidePanel api={api} path={selected} />
        </div>
      )}
      {tab === 'json' && (
        <div className="split split--json">
          <JsonDocumentView
            idPrefix="json"
            doc={doc}
            issues={validation?.errors ?? []}
            readOnly={readOnly}
            onChange={(d) => change(d, 'json')}
          />
          {graph}
        </div>
      )}
      {tab === 'test' && (
        <div className="split split--test">
          <TestPanel
            ruleSet={doc}
            catalog={catalog}
            lang={lang}
            storageKey={`${session.tenant}/${key}`}
            onStatuses={setStatuses}
          />
          {graph}
        </div>
      )}
      {tab === 'simulate' && (
        <PageSuspense>
          <SimulationPanel
            draft={doc}
            published={published}
            catalog={simulationCatalog}
            lang={lang}
            tenant={session.tenant}
            result={simulation}
            onResult={setSimulation}
          />
        </PageSuspense>
      )}
      {tab === 'review' && (
        <ReviewPanel
          type="rulesets"
          artifactKey={key}
          history={history}
          version={version}
          dirty={dirty}
          valid={validation?.valid ?? false}
          simulation={simulation?.text}
          onChanged={(v) => void reload(v)}
        />
      )}
    </ArtifactEditorFrame>
  );
}

/** The node a pointer belongs to: the deepest rule, group or condition above it. */
function nearestNode(doc: RuleSet, path: string): string {
  const nodes = new Set(ruleSetToFlow(doc, undefined, 'nl').nodes.map((n) => n.data.path));
  let at = path;
  while (at !== '' && !nodes.has(at)) at = at.slice(0, at.lastIndexOf('/'));
  return at;
}
