import { formatValue, type FactDefinition } from '../../rules';
import { unitSpec } from '../../rules/facts/units';
import { findMunicipality } from '../municipalities/municipalities';

const dateInWordsFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const cents = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** The calendar day of an instant in the Netherlands (a letter sent at 00:30 CET is dated that day). */
export function dutchDay(instant: Date): string {
  return amsterdamDay.format(instant);
}

/** "2026-02-01" → "1 februari 2026"; an instant is first taken to its day in the Netherlands. */
export function dateInWords(isoDateOrInstant: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrInstant) ? isoDateOrInstant : dutchDay(new Date(isoDateOrInstant));
  return dateInWordsFormat.format(new Date(`${day}T00:00:00Z`));
}

/** "€ 30.000,50"; whole amounts without cents: "€ 51.537". */
export function euro(amount: number): string {
  return `€ ${Number.isInteger(amount) ? whole.format(amount) : cents.format(amount)}`;
}

/**
 * A fact's value as the letter writes it: labels for options, dates in words, amounts in euros,
 * a CBS code as the municipality's name (never the code itself).
 */
export function letterValue(value: unknown, fact: FactDefinition | undefined): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => letterValue(v, fact));
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} of ${items[items.length - 1] ?? ''}`;
  }
  if (typeof value === 'number') {
    const unit = unitSpec(fact?.unit);
    if (unit?.currency) return `${euro(value)} ${unit.suffix.nl}`;
  }
  if (typeof value === 'string') {
    const municipality = /^GM\d{4}$/.test(value) ? findMunicipality(value) : undefined;
    if (municipality) return `de gemeente ${municipality.name}`;
    if (fact?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateInWords(value);
  }
  return formatValue(value, fact, 'nl');
}
