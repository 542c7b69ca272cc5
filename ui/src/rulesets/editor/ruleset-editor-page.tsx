import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { catalogOf, validateRuleSet, type FactCatalog, type RuleSet } from '../../../../rules';
import { artifacts } from '../../api/artifacts';
import { currentLang } from '../../i18n/i18n';
import { ReviewPanel } from '../../review/review-panel';
import { useArtifact } from '../../review/use-artifact';
import { useHasRole, useSession } from '../../shell/session-context';
import { Tabs } from '../../shell/tabs';
import { RuleSetGraph } from '../graph/ruleset-graph';
import { errorsByNode, ruleSetToFlow, type RunStatus } from '../graph/ruleset-flow';
import { useUndoable } from '../model/use-undoable';
import { SimulationPanel, type SimulationSummary } from '../simulation/simulation-panel';
import { TestPanel } from '../test/test-panel';
import type { EditorApi } from './editor-api';
import { IssueList } from './issue-list';
import { JsonDocumentView } from '../../editing/json-document-view';
import { PrioritySwitch } from './priority-switch';
import { SidePanel } from './side-panel';
import { EditorToolbar } from './editor-toolbar';

type TabKey = 'edit' | 'json' | 'test' | 'simulate' | 'review';

/** One rule set: the graph with its side panel, JSON, test, simulation, and versions with review. */
export function RuleSetEditorPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLang();
  const { session } = useSession();
  const isDesigner = useHasRole('designer');
  const { history, version, error, reload } = useArtifact('rulesets', key);
  const undoable = useUndoable<RuleSet>(undefined as unknown as RuleSet);
  const [saved, setSaved] = useState<RuleSet>();
  const [selected, setSelected] = useState<string | undefined>('');
  const [tab, setTab] = useState<TabKey>('edit');
  const [statuses, setStatuses] = useState<Map<string, RunStatus>>();
  const [simulation, setSimulation] = useState<SimulationSummary>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const { reset } = undoable;
  const [published, setPublished] = useState<RuleSet>();
  useEffect(() => {
    // The version in force, to simulate against; there may be none yet.
    artifacts.effective('rulesets', key).then(
      (v) => setPublished(v.content as RuleSet),
      () => setPublished(undefined),
    );
  }, [key, history]);

  useEffect(() => {
    if (!version?.content) return;
    const doc = version.content as RuleSet;
    reset(doc);
    setSaved(doc);
  }, [version, reset]);

  const doc = undoable.doc;
  const readOnly = !version || version.status !== 'draft' || !isDesigner;
  const dirty = doc !== saved;
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

  const change = useCallback(
    (next: RuleSet, undoKey?: string) => {
      undoable.set(next, undoKey);
      setStatuses(undefined);
      setMessage(undefined);
    },
    [undoable],
  );

  const api: EditorApi | undefined = doc
    ? { doc, catalog, lang, readOnly, change, select: setSelected, tenant: session.tenant }
    : undefined;

  async function save() {
    if (!version) return;
    setBusy(true);
    try {
      await artifacts.saveDraft('rulesets', key, version.version, doc);
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
      const draft = await artifacts.createDraft('rulesets', key, version?.version);
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
  if (!history || !version || !doc || !api) return <p>{t('app.loading')}</p>;

  return (
    <section aria-labelledby="editor-title" className="editor">
      <p className="breadcrumb">
        <Link to="/regels">{t('nav.rules')}</Link> › {history.artifact.name}
      </p>
      <EditorToolbar
        titleId="editor-title"
        title={history.artifact.name}
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
      {version.status !== 'draft' && (
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
      <PrioritySwitch doc={doc} readOnly={readOnly} tenant={session.tenant} onChange={(d) => change(d)} />
      <Tabs<TabKey>
        idPrefix="rs"
        active={tab}
        onChange={setTab}
        tabs={(['edit', 'json', 'test', 'simulate', 'review'] as const).map((k) => ({
          key: k,
          label: t(`editor.tabs.${k}`),
        }))}
      >
        {tab === 'edit' && (
          <div className="split">
            <RuleSetGraph
              ruleSet={doc}
              catalog={catalog}
              lang={lang}
              decorations={decorations}
              selected={selected}
              onSelect={setSelected}
            />
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
            <RuleSetGraph
              ruleSet={doc}
              catalog={catalog}
              lang={lang}
              decorations={decorations}
              selected={selected}
              onSelect={setSelected}
            />
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
            <RuleSetGraph
              ruleSet={doc}
              catalog={catalog}
              lang={lang}
              decorations={decorations}
              selected={selected}
              onSelect={setSelected}
            />
          </div>
        )}
        {tab === 'simulate' && (
          <SimulationPanel
            draft={doc}
            published={published}
            catalog={simulationCatalog}
            lang={lang}
            tenant={session.tenant}
            result={simulation}
            onResult={setSimulation}
          />
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
      </Tabs>
      {(tab === 'edit' || tab === 'json') && validation && (
        <section aria-label={t('editor.errorList')} className="issues-section">
          <IssueList
            errors={validation.errors}
            warnings={validation.warnings}
            lang={lang}
            onGo={(p) => {
              setTab('edit');
              setSelected(nearestNode(doc, p));
            }}
          />
        </section>
      )}
    </section>
  );
}

/** The node a pointer belongs to: the deepest rule, group or condition above it. */
function nearestNode(doc: RuleSet, path: string): string {
  const nodes = new Set(ruleSetToFlow(doc, undefined, 'nl').nodes.map((n) => n.data.path));
  let at = path;
  while (at !== '' && !nodes.has(at)) at = at.slice(0, at.lastIndexOf('/'));
  return at;
}
