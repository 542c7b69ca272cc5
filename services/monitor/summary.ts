import type { CaseFilter } from '../cases/case-query';
import type { CaseService } from '../cases/case-service';
import type { CaseSummary } from '../../contract/cases';
import type { MonitorSummary } from '../../contract/monitor';
import type { DefinitionSource } from '../cases/definition-source';
import type { Db } from '../../platform/store/create-store';
import { addDuration, parseDuration } from '../../workflows/dsl/duration';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { currentHalfYear, previousHalfYear } from '../quota/half-years';
import { computeTaakstelling } from '../quota/taakstelling';
import { MONITOR_CONFIG as C } from './monitor-config';
import type { StateCache } from './state-cache';

type Text = { nl: string; en: string };

/** The dashboard's answer (contract/monitor.ts). */
export type { MonitorSummary };

export interface SummaryDeps {
  cases: Pick<CaseService, 'count' | 'list'>;
  definitions: DefinitionSource;
  db: Db;
  states: StateCache;
  clock: () => Date;
}

const DAY = 86_400_000;
const text = (l: { nl: string; en?: string } | undefined, fallback: string): Text => ({
  nl: l?.nl ?? fallback,
  en: l?.en ?? l?.nl ?? fallback,
});

/** Up to `limit` cases matching a filter, newest first, through the visibility cursor. */
async function collect(
  cases: SummaryDeps['cases'],
  tenant: string,
  filter: CaseFilter,
  limit: number,
): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await cases.list(tenant, filter, { limit: Math.min(200, limit - out.length), cursor });
    out.push(...page.cases);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < limit);
  return out;
}

function param(def: ProcessDefinition | undefined, path: readonly string[]): unknown {
  let v: unknown = (def as { parameters?: unknown } | undefined)?.parameters;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function durationWeeks(text: unknown, fallback: number): number {
  if (typeof text !== 'string') return fallback;
  try {
    const d = parseDuration(text);
    return d.weeks + d.days / 7 || fallback;
  } catch {
    return fallback;
  }
}

/** The month of stay a date falls in: month 1 starts on the start date (calendar months, as COA counts). */
export function monthOfStay(start: string, now: Date): number {
  const from = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  let m = 1;
  while (
    m < 24 &&
    addDuration(from, { years: 0, months: m, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 }) <= now
  )
    m++;
  return m;
}

async function processCounts(deps: SummaryDeps, tenant: string, definitions: ProcessDefinition[]) {
  return Promise.all(
    definitions.map(async (def) => {
      const stepNodes = def.nodes.filter((n) => n.kind === 'wait' || n.kind === 'subprocess' || n.kind === 'decision');
      const [running, completed, steps] = await Promise.all([
        deps.cases.count(tenant, { processId: def.id, status: 'running' }),
        deps.cases.count(tenant, { processId: def.id, status: 'completed' }),
        Promise.all(
          stepNodes.map(async (n) => ({
            step: n.id,
            label: text(n.label, n.id),
            running: await deps.cases.count(tenant, { processId: def.id, step: n.id, status: 'running' }),
          })),
        ),
      ]);
      return { processId: def.id, title: text(def.title, def.id), running, completed, steps };
    }),
  );
}

/**
 * Hotel stays by month of stay, counted in visibility: the COA-paid step's clock starts at the hotel
 * placement (search attribute DoorstroomStepClockStart), so month m is a range of start dates.
 */
async function hotelStays(
  deps: SummaryDeps,
  tenant: string,
  def: ProcessDefinition | undefined,
  now: Date,
): Promise<MonitorSummary['hotelStays']> {
  const filter: CaseFilter = { processId: C.hotel.processId, step: C.hotel.step, status: 'running' };
  const paid = param(def, [C.hotel.paidPeriodParam]);
  const paidMonths = typeof paid === 'string' ? parseDuration(paid).months + parseDuration(paid).years * 12 || 6 : 6;
  const monthsAgo = (m: number) =>
    addDuration(now, { years: 0, months: m, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 }, -1).toISOString();
  const [total, ...counts] = await Promise.all([
    deps.cases.count(tenant, filter),
    // Month m (1-based): started after now − m months and on or before now − (m − 1) months.
    ...Array.from({ length: paidMonths }, (_, i) =>
      deps.cases.count(tenant, {
        ...filter,
        stepClockStartAfter: monthsAgo(i + 1),
        stepClockStartOnOrBefore: monthsAgo(i),
      }),
    ),
    deps.cases.count(tenant, { ...filter, stepClockStartOnOrBefore: monthsAgo(paidMonths) }),
  ]);
  return { total, sampled: total, paidMonths, byMonth: counts.map((count, i) => ({ month: i + 1, count })) };
}

/** HAR placements whose time limit ends within the window: counted in visibility, the soonest read in detail. */
async function harEnding(deps: SummaryDeps, tenant: string, now: Date): Promise<MonitorSummary['harEnding']> {
  const filter: CaseFilter = { processId: C.har.processId, step: C.har.step, status: 'running' };
  const limit = new Date(now.getTime() + C.harEndingWindowDays * DAY).toISOString();
  const ending: CaseFilter = { ...filter, stepTimeoutBefore: limit };
  const [running, endingSoon, list] = await Promise.all([
    deps.cases.count(tenant, filter),
    deps.cases.count(tenant, ending),
    collect(deps.cases, tenant, ending, 50),
  ]);
  const states = await deps.states.many(
    tenant,
    list.map((c) => ({ caseId: c.caseId, version: c.step })),
  );
  const ends: Array<{ caseId: string; caseRef: string; endsAt: string }> = [];
  states.forEach((s, i) => {
    const timeout = s?.deadlines.find((d) => d.kind === 'timeout' && d.nodeId === C.har.step && d.status === 'pending');
    const c = list[i] as CaseSummary;
    if (timeout) ends.push({ caseId: c.caseId, caseRef: c.caseRef, endsAt: timeout.at });
  });
  ends.sort((a, b) => a.endsAt.localeCompare(b.endsAt));
  return { running, sampled: list.length, windowDays: C.harEndingWindowDays, endingSoon, soonest: ends.slice(0, 10) };
}

async function koppelingToHome(
  deps: SummaryDeps,
  tenant: string,
  def: ProcessDefinition | undefined,
): Promise<MonitorSummary['koppelingToHome']> {
  const normWeeks = durationWeeks(param(def, C.housing.normParam), C.housing.defaultNormWeeks);
  const list = await collect(
    deps.cases,
    tenant,
    { processId: C.housing.processId, status: 'completed' },
    C.completedSampleLimit,
  );
  const states = await deps.states.many(
    tenant,
    list.map((c) => ({ caseId: c.caseId, version: 'closed' })),
  );
  const weeks: number[] = [];
  for (const s of states) {
    const from = s?.dates[C.housing.fromDate];
    const to = s?.dates[C.housing.homeDate];
    if (from && to) weeks.push(Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / (7 * DAY))));
  }
  const counts = new Map<number, number>();
  for (const w of weeks) counts.set(w, (counts.get(w) ?? 0) + 1);
  const top = Math.max(normWeeks + 4, ...weeks);
  return {
    normWeeks,
    cases: weeks.length,
    averageWeeks: weeks.length ? Math.round((weeks.reduce((a, b) => a + b, 0) / weeks.length) * 10) / 10 : null,
    withinNorm: weeks.filter((w) => w <= normWeeks).length,
    distribution: Array.from({ length: top + 1 }, (_, w) => ({ weeks: w, count: counts.get(w) ?? 0 })),
  };
}

/** The dashboard: visibility counts, and case-state queries (cached) where a date is needed. */
export async function computeSummary(deps: SummaryDeps, tenant: string): Promise<MonitorSummary> {
  const now = deps.clock();
  const definitions = await deps.definitions.list(tenant);
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const iso = (ms: number) => new Date(ms).toISOString();
  const [processes, overdue, next7Days, next30Days, hotel, har, taakstelling, weeks] = await Promise.all([
    processCounts(deps, tenant, definitions),
    deps.cases.count(tenant, { overdue: true }),
    deps.cases.count(tenant, {
      status: 'running',
      deadlineAfter: iso(now.getTime()),
      deadlineBefore: iso(now.getTime() + 7 * DAY),
    }),
    deps.cases.count(tenant, {
      status: 'running',
      deadlineAfter: iso(now.getTime()),
      deadlineBefore: iso(now.getTime() + 30 * DAY),
    }),
    hotelStays(deps, tenant, byId.get(C.hotel.processId), now),
    harEnding(deps, tenant, now),
    computeTaakstelling(deps.db, tenant, now),
    koppelingToHome(deps, tenant, byId.get(C.housing.processId)),
  ]);
  const current = currentHalfYear(now);
  return {
    generatedAt: now.toISOString(),
    processes,
    deadlines: { overdue, next7Days, next30Days },
    hotelStays: hotel,
    harEnding: har,
    taakstelling: { currentHalfYear: current, previousHalfYear: previousHalfYear(current), ...taakstelling },
    koppelingToHome: weeks,
  };
}
