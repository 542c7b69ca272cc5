import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtifactVersion } from '../api/artifacts';
import { StatusBadge } from '../review/status-badge';

interface Props {
  titleId: string;
  title: string;
  version: ArtifactVersion;
  dirty: boolean;
  busy: boolean;
  readOnly: boolean;
  message?: string;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onSave: () => void;
}

/** Title, version and status, save state, undo/redo (also Ctrl+Z / Ctrl+Y outside text fields) and save. */
export function EditorToolbar(p: Props) {
  const { t } = useTranslation();
  const { onUndo, onRedo } = p;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (!(e.ctrlKey || e.metaKey) || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (e.key === 'z' && !e.shiftKey) {
        e.preventDefault();
        onUndo();
      }
      if (e.key === 'y' || (e.key === 'z' && e.shiftKey)) {
        e.preventDefault();
        onRedo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onUndo, onRedo]);
  return (
    <div className="editor-toolbar">
      <h1 id={p.titleId} className="utrecht-heading-1">
        {p.title}
      </h1>
      <span className="version-label">{t('editor.version', { version: p.version.version })}</span>
      <StatusBadge version={p.version} />
      <span className="spacer" />
      {!p.readOnly && (
        <span className="save-state" role="status">
          {p.message ?? (p.dirty ? t('editor.unsaved') : t('editor.saved'))}
        </span>
      )}
      {p.readOnly && p.message && (
        <span className="save-state" role="status">
          {p.message}
        </span>
      )}
      {!p.readOnly && (
        <div className="utrecht-button-group">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={!p.canUndo}
            onClick={p.onUndo}
          >
            {t('editor.undo')}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={!p.canRedo}
            onClick={p.onRedo}
          >
            {t('editor.redo')}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            disabled={!p.dirty || p.busy}
            onClick={p.onSave}
          >
            {p.busy ? t('editor.saving') : t('editor.save')}
          </button>
        </div>
      )}
    </div>
  );
}
