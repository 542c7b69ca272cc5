import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { artifacts, type ArtifactType } from '../api/artifacts';
import { useHasRole } from '../shell/session-context';
import { useArtifact } from './use-artifact';
import { useUndoable } from './use-undoable';

/**
 * What a rule-set and a process editor share: the version shown, its document with undo/redo, the
 * version in force beside it, and saving the draft or starting a new one. The page adds its own
 * views; the document type is the page's (RuleSet, ProcessDefinition).
 */
export function useArtifactEditor<T>(type: ArtifactType, key: string) {
  const { t } = useTranslation();
  const isDesigner = useHasRole('designer');
  const { history, version, error, reload } = useArtifact(type, key);
  const undoable = useUndoable<T>(undefined as unknown as T);
  const { reset, set } = undoable;
  const [saved, setSaved] = useState<T>();
  const [published, setPublished] = useState<T>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (!version?.content) return;
    const doc = version.content as T;
    reset(doc);
    setSaved(doc);
  }, [version, reset]);
  useEffect(() => {
    // The version in force, to compare or simulate against; there may be none yet.
    artifacts.effective(type, key).then(
      (v) => setPublished(v.content as T),
      () => setPublished(undefined),
    );
  }, [type, key, history]);

  const doc = undoable.doc as T | undefined;
  const readOnly = !version || version.status !== 'draft' || !isDesigner;

  const change = useCallback(
    (next: T, undoKey?: string) => {
      set(next, undoKey);
      setMessage(undefined);
    },
    [set],
  );

  const save = useCallback(async () => {
    if (!version || doc === undefined) return;
    setBusy(true);
    try {
      await artifacts.saveDraft(type, key, version.version, doc);
      setSaved(doc);
      setMessage(t('editor.saved'));
    } catch (e) {
      setMessage(t('editor.saveFailed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }, [type, key, version, doc, t]);

  /** A new draft from the version shown; true when it is open for editing. */
  const newDraft = useCallback(async (): Promise<boolean> => {
    setBusy(true);
    try {
      const draft = await artifacts.createDraft(type, key, version?.version);
      await reload(draft.version);
      return true;
    } catch (e) {
      setMessage(t('app.error', { message: (e as Error).message }));
      return false;
    } finally {
      setBusy(false);
    }
  }, [type, key, version, reload, t]);

  return {
    history,
    version,
    error,
    reload,
    doc,
    published,
    isDesigner,
    readOnly,
    dirty: doc !== saved,
    busy,
    message,
    undoable,
    change,
    save,
    newDraft,
  };
}

export type ArtifactEditor<T> = ReturnType<typeof useArtifactEditor<T>>;
