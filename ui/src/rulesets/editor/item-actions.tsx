import { useTranslation } from 'react-i18next';
import type { Json } from '../model/json-pointer';
import { duplicateItem, moveItem, removeItem } from '../model/list-ops';
import type { EditorApi } from './editor-api';

/** Duplicate, move and delete for a rule or condition; keyboard-reachable buttons, not drag and drop. */
export function ItemActions({ api, path, rename }: { api: EditorApi; path: string; rename?: (copy: Json) => Json }) {
  const { t } = useTranslation();
  const apply = (edit: { doc: EditorApi['doc']; select: string } | undefined) => {
    if (!edit) return;
    api.change(edit.doc);
    api.select(edit.select);
  };
  return (
    <div className="utrecht-button-group item-actions">
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={api.readOnly}
        onClick={() => apply(moveItem(api.doc, path, -1))}
      >
        {t('panel.moveUp')}
      </button>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={api.readOnly}
        onClick={() => apply(moveItem(api.doc, path, 1))}
      >
        {t('panel.moveDown')}
      </button>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={api.readOnly}
        onClick={() => apply(duplicateItem(api.doc, path, rename))}
      >
        {t('panel.duplicate')}
      </button>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action utrecht-button--danger"
        disabled={api.readOnly}
        onClick={() => apply(removeItem(api.doc, path))}
      >
        {t('panel.remove')}
      </button>
    </div>
  );
}
