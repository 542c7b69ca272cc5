import { patched, upsertSearchAttributes } from '@temporalio/workflow';
import type { CaseState } from '../case-state';
import { SA_CASE_REF, SA_NEXT_DEADLINE, SA_OUTCOME, SA_OVERDUE_SINCE, SA_PROCESS, SA_PROCESS_VERSION, SA_STEP, SA_TENANT } from '../search-attributes';

// Cases started before the version attribute existed replay their recorded upserts unchanged.
export const PATCH_SA_PROCESS_VERSION = 'doorstroom-sa-process-version';
export const PATCH_SA_OVERDUE = 'doorstroom-sa-overdue';

/** The search attributes of a case: references and codes only, never personal data. */
export function publishSearchAttributes(state: CaseState): void {
  const pending = state.deadlines.filter((d) => d.status === 'pending').map((d) => d.at).sort();
  const attributes = [
    { key: SA_TENANT, value: state.tenant },
    { key: SA_PROCESS, value: state.processId },
    { key: SA_CASE_REF, value: state.caseRef },
    { key: SA_STEP, value: state.currentStep ?? '' },
    { key: SA_NEXT_DEADLINE, value: pending[0] ? new Date(pending[0]) : null },
    { key: SA_OUTCOME, value: state.outcome ?? null },
  ] as Parameters<typeof upsertSearchAttributes>[0];
  if (patched(PATCH_SA_PROCESS_VERSION)) {
    (attributes as unknown[]).push({ key: SA_PROCESS_VERSION, value: String(state.processVersion) });
  }
  if (patched(PATCH_SA_OVERDUE)) {
    // A missed norm (e.g. 12 weeks from koppeling to moved) keeps a running case overdue until it ends.
    const missed = state.deadlines.filter((d) => d.status === 'missed').map((d) => d.at).sort();
    (attributes as unknown[]).push({ key: SA_OVERDUE_SINCE, value: state.status === 'running' && missed[0] ? new Date(missed[0]) : null });
  }
  upsertSearchAttributes(attributes);
}
