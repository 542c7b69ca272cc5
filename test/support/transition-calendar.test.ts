import fc from 'fast-check';
import { computeCohortProgress } from '../../services/monitor/cohort-progress';
import type { CaseState } from '../../workflows/case-state';
import { builtInDefinitions } from '../../workflows/definitions';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { caseDeadline } from '../../workflows/engine/deadlines';
import { dutchDay, transitionCalendar, type TransitionCalendar } from './transition-calendar';

/**
 * The transition e2e (test/e2e/transition-cohorts.test.ts) reads its dates from transitionCalendar(today).
 * Here "today" is any day up to 2040: the product's own deadline arithmetic (caseDeadline) and cohort
 * view (computeCohortProgress, with its clock at that day) give the figures the e2e asserts.
 */

const HOUSEHOLDS: Array<[cohort: keyof TransitionCalendar['cohorts'], n: number]> = [
  ['cohort-1', 4],
  ['cohort-2', 2],
  ['cohort-3', 1],
];

function definitionFor(calendar: TransitionCalendar): ProcessDefinition {
  const def = structuredClone(builtInDefinitions.get('overgang-oekraine') as ProcessDefinition);
  const parameters = def.parameters as { norms: Record<string, string>; phasing: { cohorts: Record<string, string> } };
  parameters.norms.endOfTemporaryProtection = calendar.endOfTemporaryProtection;
  parameters.phasing.cohorts = { ...calendar.cohorts };
  return def;
}

/** A household just imported today: open at its first steps, every case deadline as the engine computes it. */
function householdState(def: ProcessDefinition, calendar: TransitionCalendar, cohort: string, i: number): CaseState {
  const dates = {
    einddatum: `${calendar.endOfTemporaryProtection}T00:00:00.000Z`,
    cohortStart: `${calendar.cohorts[cohort as keyof TransitionCalendar['cohorts']]}T00:00:00.000Z`,
  };
  const scope = { dates, parameters: def.parameters ?? {}, variables: {} };
  const deadlines = (def.deadlines ?? []).map((spec) => caseDeadline(spec, scope, 'woonvoorrang'));
  return {
    caseId: `case-${cohort}-${i}`,
    status: 'running',
    data: { cohort },
    dates,
    deadlines: deadlines.filter((d) => d !== undefined),
  } as unknown as CaseState;
}

async function progressOn(today: string, at: string) {
  const calendar = transitionCalendar(today);
  const def = definitionFor(calendar);
  const states = HOUSEHOLDS.flatMap(([cohort, n]) =>
    Array.from({ length: n }, (_, i) => householdState(def, calendar, cohort, i)),
  );
  const progress = await computeCohortProgress(
    {
      definitions: { get: () => Promise.resolve(def), list: () => Promise.resolve([def]) },
      cases: {
        list: () => Promise.resolve({ cases: states.map((s) => ({ caseId: s.caseId })), nextCursor: null }),
        get: (_tenant: string, caseId: string) => Promise.resolve(states.find((s) => s.caseId === caseId)),
      } as never,
      clock: () => new Date(at),
    },
    'GM0363',
  );
  const cell = (cohort: string, domain: string) => {
    const d = progress.cohorts.find((c) => c.cohort === cohort)?.domains.find((x) => x.id === domain);
    return d && { done: d.done, atRisk: d.atRisk, overdue: d.overdue };
  };
  return { calendar, progress, cell };
}

/** What test/e2e/transition-cohorts.test.ts asserts about the cohort view, on `today` at instant `at`. */
async function expectTheE2eFigures(today: string, at: string): Promise<void> {
  const { calendar, progress, cell } = await progressOn(today, at);
  expect(progress.endDate).toBe(calendar.endOfTemporaryProtection);
  expect(progress.endDate > today).toBe(true);
  expect(progress.cohorts.map((c) => [c.cohort, c.start])).toEqual(Object.entries(calendar.cohorts));
  const summary = Object.fromEntries(progress.cohorts.map((c) => [c.cohort, [c.households, c.completed, c.atRisk]]));
  expect(summary).toEqual({ 'cohort-1': [4, 0, 4], 'cohort-2': [2, 0, 0], 'cohort-3': [1, 0, 0] });
  expect(cell('cohort-1', 'inschrijving')).toEqual({ done: 0, atRisk: 4, overdue: 4 });
  expect(cell('cohort-1', 'zorg')).toEqual({ done: 0, atRisk: 4, overdue: 0 });
  expect(cell('cohort-1', 'huisvesting')).toEqual({ done: 0, atRisk: 0, overdue: 0 });
  expect(cell('cohort-2', 'huisvesting')).toEqual({ done: 0, atRisk: 0, overdue: 0 });
  for (const domain of ['inschrijving', 'zorg', 'participatie', 'inkomen', 'huisvesting'])
    expect({ domain, cell: cell('cohort-3', domain) }).toEqual({ domain, cell: { done: 0, atRisk: 0, overdue: 0 } });
}

describe('transitionCalendar: the transition e2e says the same in any year', () => {
  it('today (30 November 2026), after the built-in end date (5 March 2027), on 29 February 2028 and at the end of 2028', async () => {
    for (const today of ['2026-11-30', '2027-03-05', '2028-02-29', '2028-06-15', '2028-12-31']) {
      // Early and late in the municipality's day (Amsterdam is UTC+1 in winter, +2 in summer).
      await expectTheE2eFigures(today, `${today}T00:30:00+01:00`);
      await expectTheE2eFigures(today, `${today}T23:30:00+01:00`);
    }
  });

  it('every day from 2026 to 2040', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 14 * 366 }), fc.integer({ min: 0, max: 23 }), async (d, hour) => {
        const today = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        await expectTheE2eFigures(today, `${today}T${String(hour).padStart(2, '0')}:15:00Z`);
      }),
      { numRuns: 300 },
    );
  });

  it('dates by the calendar: cohort 1 five weeks back, cohorts 2 and 3 four and eight weeks ahead, the end six months ahead', () => {
    expect(transitionCalendar('2028-02-29')).toEqual({
      today: '2028-02-29',
      endOfTemporaryProtection: '2028-08-29',
      cohorts: { 'cohort-1': '2028-01-25', 'cohort-2': '2028-03-28', 'cohort-3': '2028-04-25' },
    });
    // End of month: six months from 31 August is the last day of February, as the engine counts.
    expect(transitionCalendar('2027-08-31').endOfTemporaryProtection).toBe('2028-02-29');
    expect(() => transitionCalendar('30-11-2026')).toThrow(/YYYY-MM-DD/);
  });

  it('writes a day as the monitor does, in Dutch words', () => {
    expect(dutchDay('2027-03-04')).toBe('4 maart 2027');
    expect(dutchDay('2028-02-29')).toBe('29 februari 2028');
  });
});
