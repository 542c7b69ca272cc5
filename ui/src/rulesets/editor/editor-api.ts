import type { FactCatalog, Language, RuleSet } from '../../../../rules';

/** What a side-panel form gets: the document, a way to change it (one undo step per key), and selection. */
export interface EditorApi {
  doc: RuleSet;
  catalog: FactCatalog | undefined;
  lang: Language;
  readOnly: boolean;
  change: (doc: RuleSet, undoKey?: string) => void;
  select: (path: string) => void;
  /** Tenant code, for the gemeentecode hint. */
  tenant: string;
}
