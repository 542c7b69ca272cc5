import type { CaseSummary } from '../../contract/cases';
import type { CohortProgress, TransitionProgress } from '../../contract/cohort-progress';
import type { CaseState } from '../../workflows/case-state';
import { sourceOfParameter } from '../../workflows/dsl/parameter-sources';
import type { CaseService } from '../cases/case-service';
import type { DefinitionSource } from '../cases/definition-source';
import { TRANSITION_PROCESS } from '../cases/household-import';

/** Households read per view (the import's maximum); more are counted as `truncated`. */
export const MAX_TRANSITION_CASES = 2000;
/** A domain whose term is at most this many days ahead is at risk. */
export const AT_RISK_DAYS = 14;
const DAY = 86_400_000;

export interface CohortProgressDeps {
  cases: Pick<CaseService, 'list' | 'get'>;
  definitions: DefinitionSource;
  clock: () => Date;
}

/**
 * Progress of the Ukrainian transition per cohort: households, done per domain, at risk (the
 * domain's case deadline within AT_RISK_DAYS or passed, domain not arranged), completed and left.
 * Cohorts come from the phasing parameter in the order of their start dates; a household in a
 * cohort the parameter no longer names still counts, under its own name.
 */
export async function computeCohortProgress(deps: CohortProgressDeps, tenant: string): Promise<TransitionProgress> {
  const def = await deps.definitions.get(tenant, TRANSITION_PROCESS);
  const params = (def?.parameters ?? {}) as {
    norms?: { endOfTemporaryProtection?: string };
    phasing?: { cohorts?: Record<string, string> };
  };
  const endDate = params.norms?.endOfTemporaryProtection ?? '';
  const source = def ? sourceOfParameter(def, 'norms.endOfTemporaryProtection') : undefined;
  const domains = (def?.deadlines ?? []).map((d) => ({
    id: d.id,
    label: { nl: d.label.nl, en: d.label.en ?? d.label.nl },
  }));

  const summaries: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.cases.list(
      tenant,
      { processId: TRANSITION_PROCESS },
      { limit: Math.min(200, MAX_TRANSITION_CASES + 1 - summaries.length), cursor },
    );
    summaries.push(...page.cases);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && summaries.length <= MAX_TRANSITION_CASES);
  const truncated = summaries.length > MAX_TRANSITION_CASES;
  const counted = summaries.slice(0, MAX_TRANSITION_CASES);

  const states = new Array<CaseState | undefined>(counted.length);
  let next = 0;
  const reader = async () => {
    while (next < counted.length) {
      const i = next++;
      states[i] = await deps.cases.get(tenant, (counted[i] as CaseSummary).caseId).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, counted.length) }, reader));

  const now = deps.clock().getTime();
  const byCohort = new Map<string, CohortProgress>();
  const cohortOf = (id: string, start: string): CohortProgress => {
    let c = byCohort.get(id);
    if (!c) {
      c = {
        cohort: id,
        start,
        households: 0,
        completed: 0,
        left: 0,
        atRisk: 0,
        domains: domains.map((d) => ({ ...d, done: 0, atRisk: 0, overdue: 0 })),
      };
      byCohort.set(id, c);
    }
    return c;
  };
  for (const [id, start] of Object.entries(params.phasing?.cohorts ?? {})) cohortOf(id, start);

  for (const s of states) {
    if (!s) continue;
    const id = typeof s.data.cohort === 'string' ? s.data.cohort : '';
    const c = cohortOf(id, (s.dates.cohortStart ?? '').slice(0, 10) || '0000-01-01');
    c.households += 1;
    if (s.outcome === 'vertrokken') {
      c.left += 1;
      continue;
    }
    if (s.status === 'completed') c.completed += 1;
    let risky = false;
    for (const d of c.domains) {
      const dl = s.deadlines.find((x) => x.id === `case:${d.id}`);
      if (dl?.status === 'met' || (s.status === 'completed' && s.outcome !== 'vertrokken')) {
        d.done += 1;
        continue;
      }
      if (s.status !== 'running' || !dl) continue;
      const at = new Date(dl.at).getTime();
      if (dl.status === 'missed' || at <= now) {
        d.atRisk += 1;
        d.overdue += 1;
        risky = true;
      } else if (dl.status === 'pending' && at - now <= AT_RISK_DAYS * DAY) {
        d.atRisk += 1;
        risky = true;
      }
    }
    if (risky) c.atRisk += 1;
  }
  return {
    processId: TRANSITION_PROCESS,
    endDate,
    ...(source
      ? { endDateSource: { nl: source.source.document.nl, en: source.source.document.en ?? source.source.document.nl } }
      : {}),
    atRiskDays: AT_RISK_DAYS,
    cohorts: [...byCohort.values()].sort((a, b) => a.start.localeCompare(b.start) || a.cohort.localeCompare(b.cohort)),
    households: counted.length,
    truncated,
    generatedAt: deps.clock().toISOString(),
  };
}
