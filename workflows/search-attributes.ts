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

/** When the case first missed a norm (a case deadline) while still running; null when none is missed or the case ended. */
export const SA_OVERDUE_SINCE = defineSearchAttributeKey('DoorstroomOverdueSince', SearchAttributeType.DATETIME);

/** Name → type as the Temporal CLI's `--search-attribute` flag wants them. */
export const SEARCH_ATTRIBUTE_REGISTRATIONS: ReadonlyArray<readonly [string, string]> = [
  [SA_TENANT.name, 'Keyword'],
  [SA_PROCESS.name, 'Keyword'],
  [SA_STEP.name, 'Keyword'],
  [SA_NEXT_DEADLINE.name, 'Datetime'],
  [SA_OUTCOME.name, 'Keyword'],
  [SA_CASE_REF.name, 'Keyword'],
  [SA_PROCESS_VERSION.name, 'Keyword'],
  [SA_OVERDUE_SINCE.name, 'Datetime'],
];
