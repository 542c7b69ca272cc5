import type { Db } from '../../platform/store/create-store';
import { currentHalfYear, previousHalfYear } from './half-years';

/** One municipality's taakstelling in one half-year, target against realised (domain.md §4). */
export interface TaakstellingPeriod {
  municipality: string;
  halfYear: string;
  /** The population share entered by an administrator; null when none was entered. */
  target: number | null;
  backlog: number;
  surplus: number;
  /** Whether backlog/surplus were entered, or carried over from the previous half-year's result. */
  carryOver: 'entered' | 'computed' | 'none';
  /** T_g = target + backlog − surplus (never below 0). */
  effectiveTarget: number | null;
  realised: number;
  /** Still to house for the effective target (0 once met). */
  remaining: number | null;
  /** What this half-year carries to the next: the shortfall as backlog or the excess as surplus. */
  next: { backlog: number; surplus: number } | null;
}

export interface TaakstellingSummary {
  current: TaakstellingPeriod[];
  previous: TaakstellingPeriod[];
}

interface TargetInput {
  target: number;
  backlog: number | null;
  surplus: number | null;
}

/**
 * The carry-over rule: T_g = share + backlog − surplus; a shortfall becomes next half-year's
 * backlog, an excess its surplus. Entered backlog/surplus win over computed ones.
 */
export function periodResult(
  municipality: string,
  halfYear: string,
  entered: TargetInput | undefined,
  realised: number,
  carried: { backlog: number; surplus: number } | null,
): TaakstellingPeriod {
  const hasEntered = entered !== undefined && (entered.backlog !== null || entered.surplus !== null);
  const backlog = hasEntered ? (entered.backlog ?? 0) : (carried?.backlog ?? 0);
  const surplus = hasEntered ? (entered.surplus ?? 0) : (carried?.surplus ?? 0);
  const carryOver = hasEntered ? 'entered' : carried ? 'computed' : 'none';
  if (!entered)
    return {
      municipality,
      halfYear,
      target: null,
      backlog,
      surplus,
      carryOver,
      effectiveTarget: null,
      realised,
      remaining: null,
      next: null,
    };
  const effectiveTarget = Math.max(0, entered.target + backlog - surplus);
  const diff = effectiveTarget - realised;
  return {
    municipality,
    halfYear,
    target: entered.target,
    backlog,
    surplus,
    carryOver,
    effectiveTarget,
    realised,
    remaining: Math.max(0, diff),
    next: { backlog: Math.max(0, diff), surplus: Math.max(0, -diff) },
  };
}

/** How many half-years back the carry-over chain is followed when nothing was entered in between. */
const CHAIN = 8;

/**
 * Target against realised for the current and previous half-year, per municipality of the
 * tenant (every municipality with a target or a counted placement).
 */
export async function computeTaakstelling(db: Db, tenant: string, now: Date): Promise<TaakstellingSummary> {
  const current = currentHalfYear(now);
  const chain: string[] = [current];
  for (let i = 0; i < CHAIN; i++) chain.unshift(previousHalfYear(chain[0] as string));
  const [targets, counts] = await Promise.all([
    db
      .selectFrom('quota_targets')
      .selectAll()
      .where('tenant_id', '=', tenant)
      .where('half_year', 'in', chain)
      .execute(),
    db
      .selectFrom('quota_placements')
      .select(['municipality', 'half_year'])
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('tenant_id', '=', tenant)
      .where('half_year', 'in', chain)
      .groupBy(['municipality', 'half_year'])
      .execute(),
  ]);
  const municipalities = [
    ...new Set([...targets.map((t) => t.municipality), ...counts.map((c) => c.municipality)]),
  ].sort();
  const key = (m: string, h: string) => `${m}|${h}`;
  const targetOf = new Map(
    targets.map((t) => [
      key(t.municipality, t.half_year),
      { target: t.target, backlog: t.backlog, surplus: t.surplus },
    ]),
  );
  const realisedOf = new Map(counts.map((c) => [key(c.municipality, c.half_year), Number(c.n)]));
  const summary: TaakstellingSummary = { current: [], previous: [] };
  for (const m of municipalities) {
    let carried: { backlog: number; surplus: number } | null = null;
    const results: TaakstellingPeriod[] = [];
    for (const h of chain) {
      const r = periodResult(m, h, targetOf.get(key(m, h)), realisedOf.get(key(m, h)) ?? 0, carried);
      carried = r.next;
      results.push(r);
    }
    summary.current.push(results[results.length - 1] as TaakstellingPeriod);
    summary.previous.push(results[results.length - 2] as TaakstellingPeriod);
  }
  return summary;
}
