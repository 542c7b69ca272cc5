/** Stable codes a designer (and the editor) can act on; each error names the node it concerns. */
export type DefinitionErrorCode =
  | 'SCHEMA'
  | 'DUPLICATE_NODE'
  | 'UNKNOWN_NODE'
  | 'UNREACHABLE_NODE'
  | 'NO_END'
  | 'NO_WAY_OUT'
  | 'CYCLE_WITHOUT_WAIT'
  | 'DUPLICATE_EVENT'
  | 'INVALID_PAYLOAD_SCHEMA'
  | 'PAYLOAD_SCHEMA_NOT_OBJECT'
  | 'INVALID_DURATION'
  | 'UNKNOWN_DATE'
  | 'UNKNOWN_VARIABLE'
  | 'UNKNOWN_PARAMETER'
  | 'DECISION_UNCOVERED'
  | 'UNKNOWN_RULE_EVENT'
  | 'UNKNOWN_PROCESS'
  | 'UNKNOWN_OUTCOME'
  | 'SUBPROCESS_UNCOVERED'
  | 'CONFIRMATION_REQUIRED'
  | 'FACT_NOT_MAPPED'
  | 'UNKNOWN_PERSONAL_DATA'
  | 'PERSONAL_DATA_EXPORTED';

export interface DefinitionError {
  code: DefinitionErrorCode;
  /** JSON pointer into the definition. */
  path: string;
  nodeId?: string;
  message: { nl: string; en: string };
}

export type AddError = (code: DefinitionErrorCode, path: string, nl: string, en: string, nodeId?: string) => void;
