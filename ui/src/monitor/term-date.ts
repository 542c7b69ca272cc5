import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import type { HistoryEntryView } from '../api/cases';
import type { CaseView } from '../api/monitor';
import type { Lang } from '../i18n/i18n';
import { formatDate, formatDateTime } from '../shell/format';

type Term = Pick<CaseView['deadlines'][number], 'id' | 'kind' | 'nodeId' | 'at'>;

/** A calendar date is stored as midnight UTC of that day (workflows/engine/deadlines.ts, toIsoInstant). */
const MIDNIGHT_UTC = /^\d{4}-\d{2}-\d{2}(T00:00:00(\.0+)?Z)?$/;

/**
 * Where the definition says a term falls: a case deadline (`case:<id>`), a wait step's reminder
 * (`<step>:<id>`) or its timeout (`<step>:timeout`). The confirmation terms of a decision step
 * are counted from the moment of the proposal and have none.
 */
export function termSpec(definition: ProcessDefinition | null, term: Pick<Term, 'id' | 'kind' | 'nodeId'>) {
  if (!definition) return undefined;
  if (term.kind === 'case') return definition.deadlines?.find((d) => `case:${d.id}` === term.id)?.at;
  const node = definition.nodes.find((n) => n.id === term.nodeId);
  if (node?.kind !== 'wait') return undefined;
  if (term.kind === 'timeout') return term.id === `${node.id}:timeout` ? node.timeout?.at : undefined;
  return node.reminders?.find((r) => `${node.id}:${r.id}` === term.id)?.at;
}

/**
 * A term is a calendar day when the definition counts it from a case date that is a calendar day
 * (a date without a time: an event's or the input's `format: date` field, a date parameter) and it
 * lands on a day too — whole days, weeks, months or years, no hours. Such a term is shown as
 * "7 december 2026", never with the clock time midnight UTC happens to be in the Netherlands.
 * A term counted from a moment (caseStarted, an event's "now", a proposal) keeps its time.
 */
export function isCalendarDayTerm(
  definition: ProcessDefinition | null,
  dates: Record<string, string>,
  term: Pick<Term, 'id' | 'kind' | 'nodeId' | 'at'>,
): boolean {
  const spec = termSpec(definition, term);
  if (!spec || spec.from === 'caseStarted') return false;
  const base = dates[spec.from];
  return base !== undefined && MIDNIGHT_UTC.test(base) && MIDNIGHT_UTC.test(term.at);
}

/** A term in words: "7 december 2026" for a calendar day, "7 december 2026 om 08:09" for a moment. */
export function formatTerm(
  definition: ProcessDefinition | null,
  dates: Record<string, string>,
  term: Pick<Term, 'id' | 'kind' | 'nodeId' | 'at'>,
  lang: Lang,
): string {
  return isCalendarDayTerm(definition, dates, term)
    ? formatDate(term.at.slice(0, 10), lang)
    : formatDateTime(term.at, lang);
}

/**
 * A case's next term in the case list, which has no definition per row: a term at exactly midnight UTC is
 * a calendar day (as the engine stores one, deadlines.ts) and reads "7 december 2026"; any other is a
 * moment with its time. A term counted from a moment falls on midnight UTC to the millisecond only when its
 * case began on that very millisecond; the case page, which has the definition, decides exactly.
 */
export function formatListTerm(iso: string | null | undefined, lang: Lang): string {
  return iso && MIDNIGHT_UTC.test(iso) ? formatDate(iso.slice(0, 10), lang) : formatDateTime(iso, lang);
}

const TERM_ENTRIES = new Set(['reminder', 'timeout', 'deadline-missed']);

/**
 * When a timeline entry happened, in words. A reminder, timeout or missed term that came on its
 * calendar-day term fired at midnight UTC of that day: it reads as the day, like the term.
 */
export function formatEntryTime(
  entry: Pick<HistoryEntryView, 'at' | 'type' | 'nodeId'>,
  definition: ProcessDefinition | null,
  dates: Record<string, string>,
  terms: readonly Term[],
  lang: Lang,
): string {
  const onDayTerm =
    TERM_ENTRIES.has(entry.type) &&
    terms.some(
      (t) =>
        Date.parse(t.at) === Date.parse(entry.at) &&
        (t.kind === 'case' || t.nodeId === entry.nodeId) &&
        isCalendarDayTerm(definition, dates, t),
    );
  return onDayTerm ? formatDate(entry.at.slice(0, 10), lang) : formatDateTime(entry.at, lang);
}
