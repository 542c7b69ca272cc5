import type { CaseState } from '../../../workflows/case-state';
import { computeInburgeringWaiting, groupWaiting, mondayOf } from '../../../services/monitor/inburgering-waiting';
import { builtInDefinitions } from '../../../workflows/definitions';

function state(caseId: string, step: string, koppeling: string, extra: Partial<CaseState> = {}): CaseState {
  return {
    caseId,
    status: 'running',
    currentStep: step,
    dates: { koppeling: `${koppeling}T00:00:00.000Z` },
    deadlines: [],
    ...extra,
  } as unknown as CaseState;
}

describe('inburgering waiting list', () => {
  it('mondayOf: the Monday of the ISO week (Sunday belongs to the week before)', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
  });

  it('counts intake and PIP waiters per week of koppeling, oldest first, with the PIP norm missed', () => {
    const missed = { deadlines: [{ id: 'case:pip-binnen-norm', status: 'missed' }] } as unknown as Partial<CaseState>;
    const { weeks, totals } = groupWaiting([
      state('a', 'brede-intake', '2026-12-02'),
      state('b', 'brede-intake', '2026-12-06'),
      state('c', 'pip-besluit', '2026-12-03'),
      state('d', 'pip-verzenden', '2026-09-14', missed),
      state('e', 'brede-intake', '2026-09-15', missed),
      state('f', 'leerroute', '2026-09-15'),
      state('g', 'brede-intake', '2026-09-15', { status: 'completed' }),
    ]);
    expect(weeks).toEqual([
      { week: '2026-09-14', intake: 1, pip: 1, overdue: 2 },
      { week: '2026-11-30', intake: 2, pip: 1, overdue: 0 },
    ]);
    expect(totals).toMatchObject({ intake: 3, pip: 2, overdue: 2 });
  });

  it('reads the running cases of the process through the case service, with the PIP norm of the definition', async () => {
    const states = new Map([
      ['c1', state('c1', 'brede-intake', '2026-11-02')],
      ['c2', state('c2', 'pip-verzenden', '2026-11-04')],
    ]);
    const listed: unknown[] = [];
    const result = await computeInburgeringWaiting(
      {
        cases: {
          list: async (_t: string, filter: unknown) => {
            listed.push(filter);
            return {
              cases: [
                { caseId: 'c1', status: 'running' },
                { caseId: 'c2', status: 'running' },
                { caseId: 'c3', status: 'completed' },
              ],
              nextCursor: null,
            } as never;
          },
          get: async (_t: string, id: string) => states.get(id) as CaseState,
        },
        definitions: { get: async (_t: string, id: string) => builtInDefinitions.get(id) } as never,
        clock: () => new Date('2026-11-30T10:00:00Z'),
      },
      'GM0363',
    );
    expect(listed).toEqual([{ processId: 'inburgering' }]);
    expect(result).toEqual({
      processId: 'inburgering',
      pipWithin: 'P10W',
      weeks: [{ week: '2026-11-02', intake: 1, pip: 1, overdue: 0 }],
      totals: { intake: 1, pip: 1, overdue: 0 },
      cases: 2,
      truncated: false,
      generatedAt: '2026-11-30T10:00:00.000Z',
    });
  });
});
