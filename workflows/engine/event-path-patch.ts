import { patched } from '@temporalio/workflow';
import type { CaseState } from '../case-state';
import { startPatch3On } from './patches-at-start';

/**
 * One patch id for the cheap event path (issue 13): case events only where the municipality
 * subscribed, case.started from the case, one search-attribute upsert per activation with only what
 * changed. One id, not one per change: the SDK records a marker *and* upserts its own
 * TemporalChangeVersion search attribute for every patch id a new case meets, so cases started from
 * here on carry this one marker instead of the seven the older patches cost them (the older patch
 * ids are asked only where this one is absent, i.e. in histories recorded before it).
 */
export const PATCH_EVENT_PATH = 'doorstroom-event-path';

/** A case with start patch 3 has the event path without asking (one marker at its start, not two). */
export function eventPathOn(state: CaseState): boolean {
  return startPatch3On(state) || patched(PATCH_EVENT_PATH);
}
