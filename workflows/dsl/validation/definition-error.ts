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
  | 'INVALID_ENUM_LABELS'
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
  | 'UNKNOWN_RULE_SET_KIND'
  | 'FACT_NOT_MAPPED'
  | 'UNKNOWN_PERSONAL_DATA'
  | 'PERSONAL_DATA_EXPORTED'
  | 'UNKNOWN_EVENT'
  | 'UNKNOWN_FACT_MAPPING'
  | 'FACT_MAPPED_TWICE'
  | 'UNKNOWN_TASK_PARAM'
  | 'INVALID_TASK_PARAM'
  | 'LABEL_CONTRADICTS_PARAMETER'
  | 'INVALID_VALIDITY'
  | 'DUPLICATE_CONDITION'
  | 'CHECK_NOT_NUMERIC';

/**
 * Findings that change no behaviour, so they do not make a definition invalid: the input was in
 * format version 1 and was upgraded (paths then point into the upgraded definition), a declaration
 * nothing refers to, a wait step that overrides an event's declaration.
 */
export type DefinitionWarningCode = 'UPGRADED_FROM_V1' | 'UNUSED_EVENT' | 'UNUSED_FACT_MAPPING' | 'EVENT_OVERRIDE';

export interface DefinitionError {
  code: DefinitionErrorCode;
  /** JSON pointer into the definition. */
  path: string;
  nodeId?: string;
  message: { nl: string; en: string };
}

export interface DefinitionWarning {
  code: DefinitionWarningCode;
  path: string;
  nodeId?: string;
  message: { nl: string; en: string };
}

export type AddWarning = (code: DefinitionWarningCode, path: string, nl: string, en: string, nodeId?: string) => void;

/** A key as one JSON-pointer segment (RFC 6901). */
export const pointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

export type AddError = (code: DefinitionErrorCode, path: string, nl: string, en: string, nodeId?: string) => void;
