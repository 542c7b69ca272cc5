import { builtInDefinitions } from '../../../workflows/definitions';
import { formatEntryTime, formatListTerm, formatTerm, isCalendarDayTerm } from '../../../ui/src/monitor/term-date';

const overgang = builtInDefinitions.get('overgang-oekraine')!;
const har = builtInDefinitions.get('har-overdracht')!;

// A household of the first cohort: the cohort start and the end date are calendar days (midnight UTC).
const dates = {
  caseStarted: '2026-11-30T07:09:12.345Z',
  cohortStart: '2026-10-26T00:00:00.000Z',
  einddatum: '2027-05-30T00:00:00.000Z',
};
const term = (id: string, kind: 'case' | 'reminder' | 'timeout', nodeId: string, at: string) => ({
  id,
  kind,
  nodeId,
  at,
});

describe('formatTerm: a term that is a calendar day reads as the day, a moment keeps its time', () => {
  it('shows a case term counted from the cohort start (a date) without a clock time', () => {
    const t = term('case:zorg', 'case', 'domeinen', '2026-12-07T00:00:00.000Z');
    expect(isCalendarDayTerm(overgang, dates, t)).toBe(true);
    expect(formatTerm(overgang, dates, t, 'nl')).toBe('7 december 2026');
    expect(formatTerm(overgang, dates, t, 'en')).toBe('7 December 2026');
  });

  it('shows a term before the end date as that day, not "om 02:00" in summer time', () => {
    const t = term('case:inkomen', 'case', 'domeinen', '2027-03-30T00:00:00.000Z');
    expect(formatTerm(overgang, dates, t, 'nl')).toBe('30 maart 2027');
    const housing = term('case:huisvesting', 'case', 'domeinen', '2027-04-30T00:00:00.000Z');
    expect(formatTerm(overgang, dates, housing, 'nl')).toBe('30 april 2027');
  });

  it("treats a wait step's reminders and timeout the same way", () => {
    const reminder = term('domeinen:voortgang', 'reminder', 'domeinen', '2026-11-09T00:00:00.000Z');
    expect(formatTerm(overgang, dates, reminder, 'nl')).toBe('9 november 2026');
    const timeout = term('domeinen:timeout', 'timeout', 'domeinen', '2027-05-30T00:00:00.000Z');
    expect(formatTerm(overgang, dates, timeout, 'nl')).toBe('30 mei 2027');
  });

  it("keeps the time of a decision's confirmation terms: they count from the moment of the proposal", () => {
    const t = term('woonvoorrang:bevestigen-herinnering-1', 'reminder', 'woonvoorrang', '2026-12-07T07:09:12.345Z');
    expect(isCalendarDayTerm(overgang, dates, t)).toBe(false);
    expect(formatTerm(overgang, dates, t, 'nl')).toBe('7 december 2026 om 08:09');
  });

  it('keeps the time of a term counted from the moment the case started, even at midnight UTC', () => {
    const t = term('wacht-op-plaatsing:plaatsing-open', 'reminder', 'wacht-op-plaatsing', '2026-12-14T00:00:00.000Z');
    const midnightStart = { caseStarted: '2026-11-30T00:00:00.000Z' };
    expect(isCalendarDayTerm(har, midnightStart, t)).toBe(false);
    expect(formatTerm(har, midnightStart, t, 'nl')).toBe('14 december 2026 om 01:00');
  });

  it('keeps the time when the date it counts from was a moment (an event\'s "now")', () => {
    const t = term('tijdelijk-verblijf:escalatie', 'reminder', 'tijdelijk-verblijf', '2027-05-01T13:20:00.000Z');
    expect(formatTerm(har, { placed: '2026-11-01T13:20:00.000Z' }, t, 'nl')).toBe('1 mei 2027 om 15:20');
  });

  it('keeps the time when the definition is not (yet) loaded: nothing to derive the day from', () => {
    const t = term('case:zorg', 'case', 'domeinen', '2026-12-07T00:00:00.000Z');
    expect(formatTerm(null, dates, t, 'nl')).toBe('7 december 2026 om 01:00');
  });
});

describe('formatEntryTime: the timeline', () => {
  const terms = [
    term('domeinen:voortgang', 'reminder', 'domeinen', '2026-11-09T00:00:00.000Z'),
    term('case:inschrijving', 'case', 'domeinen', '2026-11-23T00:00:00.000Z'),
  ];
  it('shows a reminder or missed term that fired on its calendar-day term as the day', () => {
    const reminder = { at: '2026-11-09T00:00:00.000Z', type: 'reminder', nodeId: 'domeinen' };
    expect(formatEntryTime(reminder, overgang, dates, terms, 'nl')).toBe('9 november 2026');
    // A case term is missed in whichever step the case is then.
    const missed = { at: '2026-11-23T00:00:00.000Z', type: 'deadline-missed', nodeId: 'woonvoorrang' };
    expect(formatEntryTime(missed, overgang, dates, terms, 'nl')).toBe('23 november 2026');
  });

  it('keeps the time of everything else, and of a term noticed later than its day', () => {
    const started = { at: '2026-11-30T07:09:12.345Z', type: 'case-started' };
    expect(formatEntryTime(started, overgang, dates, terms, 'nl')).toBe('30 november 2026 om 08:09');
    const late = { at: '2026-11-30T07:09:13.000Z', type: 'deadline-missed', nodeId: 'woonvoorrang' };
    expect(formatEntryTime(late, overgang, dates, terms, 'nl')).toBe('30 november 2026 om 08:09');
    const midnightStep = { at: '2026-11-09T00:00:00.000Z', type: 'step-entered', nodeId: 'domeinen' };
    expect(formatEntryTime(midnightStep, overgang, dates, terms, 'nl')).toBe('9 november 2026 om 01:00');
  });
});

describe('formatListTerm: the case list’s next term, without a definition per row', () => {
  it('reads a term at midnight UTC as the calendar day, as Temporal returns it and as the engine stores it', () => {
    expect(formatListTerm('2026-12-07T00:00:00Z', 'nl')).toBe('7 december 2026');
    expect(formatListTerm('2027-03-30T00:00:00.000Z', 'nl')).toBe('30 maart 2027');
    expect(formatListTerm('2026-12-07T00:00:00Z', 'en')).toBe('7 December 2026');
  });

  it('keeps the time of a term that is a moment', () => {
    expect(formatListTerm('2026-12-07T07:09:12.345Z', 'nl')).toBe('7 december 2026 om 08:09');
    expect(formatListTerm('2026-12-07T00:00:00.001Z', 'nl')).toMatch(/om 01:00$/);
  });

  it('shows a dash for a case without a next term', () => {
    expect(formatListTerm(undefined, 'nl')).toBe('—');
  });
});
