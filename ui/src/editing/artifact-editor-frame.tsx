import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ArtifactVersion } from '../api/artifacts';
import { Tabs } from '../shell/tabs';
import { EditorToolbar } from './editor-toolbar';
import type { ArtifactEditor } from './use-artifact-editor';

/** The editor tabs; each editor picks the ones it has (labels under `editor.tabs`). */
export type EditorTab = 'edit' | 'json' | 'test' | 'simulate' | 'review';

interface Props<T, K extends EditorTab> {
  editor: ArtifactEditor<T>;
  /** The version shown (the editor's, once loaded). */
  version: ArtifactVersion;
  title: string;
  titleId: string;
  className: string;
  /** The list this artifact belongs to, for the breadcrumb. */
  list: { to: string; label: string };
  /** Under the title: a description. */
  intro?: ReactNode;
  /** What a version in review means in this editor (default: the generic sentence). */
  inReviewText?: string;
  /** Above the tabs, below the version notices: settings of the whole document. */
  controls?: ReactNode;
  tabs: readonly K[];
  tabIdPrefix: string;
  tab: K;
  onTab: (tab: K) => void;
  /** The open tab's panel. */
  children: ReactNode;
  /** The issue list below the panel; left out where a tab has none. */
  issues?: ReactNode;
}

/**
 * The frame both editors share: breadcrumb, toolbar (version, save state, undo/redo, save), what a
 * version that is not a draft means with the way to a new draft, the tabs and the issue list.
 */
export function ArtifactEditorFrame<T, K extends EditorTab>(p: Props<T, K>) {
  const { t } = useTranslation();
  const { editor, version } = p;
  const { undoable } = editor;
  const openDraft = async () => {
    if (await editor.newDraft()) p.onTab(p.tabs[0] as K);
  };
  return (
    <section aria-labelledby={p.titleId} className={p.className}>
      <p className="breadcrumb">
        <Link to={p.list.to}>{p.list.label}</Link> › {p.title}
      </p>
      <EditorToolbar
        titleId={p.titleId}
        title={p.title}
        version={version}
        dirty={editor.dirty}
        busy={editor.busy}
        readOnly={editor.readOnly}
        message={editor.message}
        canUndo={undoable.canUndo}
        canRedo={undoable.canRedo}
        onUndo={undoable.undo}
        onRedo={undoable.redo}
        onSave={() => void editor.save()}
      />
      {p.intro}
      {version.status === 'in_review' && (
        <div className="utrecht-alert utrecht-alert--info draft-intro">
          <p className="utrecht-paragraph">{p.inReviewText ?? t('editor.inReview', { version: version.version })}</p>
        </div>
      )}
      {version.status !== 'draft' && version.status !== 'in_review' && (
        <div className="utrecht-alert utrecht-alert--info draft-intro">
          <p className="utrecht-paragraph">{t('editor.draftIntro')}</p>
          {editor.isDesigner ? (
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              disabled={editor.busy}
              onClick={() => void openDraft()}
            >
              {t('editor.newDraft')}
            </button>
          ) : (
            <p className="utrecht-paragraph">{t('editor.noDraftRights')}</p>
          )}
        </div>
      )}
      {p.controls}
      <Tabs<K>
        idPrefix={p.tabIdPrefix}
        active={p.tab}
        onChange={p.onTab}
        tabs={p.tabs.map((k) => ({ key: k, label: t(`editor.tabs.${k}`) }))}
      >
        {p.children}
      </Tabs>
      {p.issues && (
        <section aria-label={t('editor.errorList')} className="issues-section">
          {p.issues}
        </section>
      )}
    </section>
  );
}

/** Before the frame: the error that stopped loading, or that it is still loading. */
export function EditorPending({ error }: { error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p role="alert" className="error">
      {t('app.error', { message: error })}
    </p>
  ) : (
    <p>{t('app.loading')}</p>
  );
}
