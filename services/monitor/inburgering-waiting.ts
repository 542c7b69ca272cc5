import type { CaseSummary } from '../../contract/cases';
import type { InburgeringWaiting, WaitingWeek } from '../../contract/inburgering-waiting';
import type { CaseState } from '../../workflows/case-state';
import type { CaseService } from '../cases/case-service';
import type { DefinitionSource } from '../cases/definition-source';
import { dutchDay } from '../../rules/dates';

export const INBURGERING_PROCESS = 'inburgering';
/** Cases read per view; more are counted as `truncated`. */
export const MAX_WAITING_CASES = 2000;
const INTAKE_STEPS = new Set(['brede-intake']);
const PIP_STEPS = new Set(['pip-besluit', 'pip-verzenden']);
const DAY = 86_400_000;

export interface InburgeringWaitingDeps {
  cases: Pick<CaseService, 'list' | 'get'>;
  definitions: DefinitionSource;
  clock: () => Date;
}

/** Monday of the ISO week of a calendar date (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(t - weekday * DAY).toISOString().slice(0, 10);
}

/**
 * Counts running cases waiting for the brede intake and for the PIP, per week of their koppeling,
 * oldest week first; `overdue` when the case's PIP norm has been missed. Pure.
 */
export function groupWaiting(states: readonly CaseState[]): { weeks: WaitingWeek[]; totals: WaitingWeek } {
  const byWeek = new Map<string, WaitingWeek>();
  const totals: WaitingWeek = { week: '', intake: 0, pip: 0, overdue: 0 };
  for (const s of states) {
    if (s.status !== 'running' || !s.currentStep) continue;
    const intake = INTAKE_STEPS.has(s.currentStep);
    if (!intake && !PIP_STEPS.has(s.currentStep)) continue;
    // The Dutch calendar day (a koppeling is a date; a case started at 23:30 UTC started the next day here).
    const koppeling = dutchDay(s.dates.koppeling ?? s.dates.caseStarted ?? '');
    if (!koppeling) continue;
    const week = mondayOf(koppeling);
    const row = byWeek.get(week) ?? { week, intake: 0, pip: 0, overdue: 0 };
    byWeek.set(week, row);
    const missed = s.deadlines.some((d) => d.id === 'case:pip-binnen-norm' && d.status === 'missed');
    for (const r of [row, totals]) {
      if (intake) r.intake += 1;
      else r.pip += 1;
      if (missed) r.overdue += 1;
    }
  }
  return { weeks: [...byWeek.values()].sort((a, b) => a.week.localeCompare(b.week)), totals };
}

/** The waiting list of the municipality's civic-integration cases (read through the case service). */
export async function computeInburgeringWaiting(
  deps: InburgeringWaitingDeps,
  tenant: string,
): Promise<InburgeringWaiting> {
  const def = await deps.definitions.get(tenant, INBURGERING_PROCESS);
  const pipWithin = (def?.parameters as { norms?: { pipWithin?: unknown } } | undefined)?.norms?.pipWithin;
  const summaries: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.cases.list(
      tenant,
      { processId: INBURGERING_PROCESS },
      { limit: Math.min(200, MAX_WAITING_CASES + 1 - summaries.length), cursor },
    );
    summaries.push(...page.cases);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && summaries.length <= MAX_WAITING_CASES);
  const counted = summaries.slice(0, MAX_WAITING_CASES).filter((c) => c.status === 'running');
  const states: CaseState[] = [];
  let next = 0;
  const reader = async () => {
    while (next < counted.length) {
      const i = next++;
      const s = await deps.cases.get(tenant, (counted[i] as CaseSummary).caseId).catch(() => undefined);
      if (s) states.push(s);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, counted.length) }, reader));
  const { weeks, totals } = groupWaiting(states);
  return {
    processId: INBURGERING_PROCESS,
    pipWithin: typeof pipWithin === 'string' ? pipWithin : '',
    weeks,
    totals: { intake: totals.intake, pip: totals.pip, overdue: totals.overdue },
    cases: counted.length,
    truncated: summaries.length > MAX_WAITING_CASES,
    generatedAt: deps.clock().toISOString(),
  };
}
