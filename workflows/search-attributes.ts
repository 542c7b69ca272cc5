import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes of every case, registered with the Temporal server at start.
 * Temporal stores them unencrypted: they hold references and codes only, never personal data.
 */
export const SA_TENANT = defineSearchAttributeKey('DoorstroomTenant', SearchAttributeType.KEYWORD);
export const SA_PROCESS = defineSearchAttributeKey('DoorstroomProcess', SearchAttributeType.KEYWORD);
export const SA_STEP = defineSearchAttributeKey('DoorstroomStep', SearchAttributeType.KEYWORD);
export const SA_NEXT_DEADLINE = defineSearchAttributeKey('DoorstroomNextDeadline', SearchAttributeType.DATETIME);
export const SA_OUTCOME = defineSearchAttributeKey('DoorstroomOutcome', SearchAttributeType.KEYWORD);
export const SA_CASE_REF = defineSearchAttributeKey('DoorstroomCaseRef', SearchAttributeType.KEYWORD);
/** The definition version as text (keyword): the registration helpers know keywords and datetimes. */
export const SA_PROCESS_VERSION = defineSearchAttributeKey('DoorstroomProcessVersion', SearchAttributeType.KEYWORD);

/**
 * 'true' while a running case has missed a norm (a case deadline). A keyword, not a date: SQL
 * visibility allows only three custom Datetime attributes per namespace.
 */
export const SA_OVERDUE = defineSearchAttributeKey('DoorstroomOverdue', SearchAttributeType.KEYWORD);

/** The date the current step's time limit counts from (e.g. the hotel placement for the COA-paid period). */
export const SA_STEP_CLOCK_START = defineSearchAttributeKey('DoorstroomStepClockStart', SearchAttributeType.DATETIME);
/** When the current step's time limit ends (e.g. the 6 months of a hotel stay or a HAR placement). */
export const SA_STEP_TIMEOUT = defineSearchAttributeKey('DoorstroomStepTimeout', SearchAttributeType.DATETIME);

/** Name → type as the Temporal CLI's `--search-attribute` flag wants them. */
export const SEARCH_ATTRIBUTE_REGISTRATIONS: ReadonlyArray<readonly [string, string]> = [
  [SA_TENANT.name, 'Keyword'],
  [SA_PROCESS.name, 'Keyword'],
  [SA_STEP.name, 'Keyword'],
  [SA_NEXT_DEADLINE.name, 'Datetime'],
  [SA_OUTCOME.name, 'Keyword'],
  [SA_CASE_REF.name, 'Keyword'],
  [SA_PROCESS_VERSION.name, 'Keyword'],
  [SA_OVERDUE.name, 'Keyword'],
  [SA_STEP_CLOCK_START.name, 'Datetime'],
  [SA_STEP_TIMEOUT.name, 'Datetime'],
];
