import { isIsoDate } from '../dates';
import type { FactDefinition } from '../facts/fact-catalog';
import { unitSpec } from '../facts/units';
import type { Language } from '../localized-text';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

function formatNumber(n: number, lang: Language, cents = false): string {
  const key = `${lang}${cents ? 'c' : ''}`;
  let f = numberFormats.get(key);
  if (!f)
    numberFormats.set(
      key,
      (f = new Intl.NumberFormat(
        LOCALES[lang],
        cents ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 2 },
      )),
    );
  return f.format(n);
}

/** An amount as a letter writes it: "€ 51.537", "€ 30.000,50" (cents only when there are any). */
export function formatAmount(n: number, lang: Language): string {
  return `€ ${formatNumber(n, lang, !Number.isInteger(n))}`;
}

/** A calendar date in words: "1 februari 2026" / "1 February 2026"; anything else is returned as it is. */
export function formatDate(iso: string, lang: Language): string {
  if (!isIsoDate(iso)) return iso;
  let f = dateFormats.get(lang);
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' })));
  return f.format(new Date(`${iso}T00:00:00Z`));
}

/** One value as a reader expects it: "€ 51.537 per jaar", "€ 30.000,50 per jaar", "ja", "1 oktober 2025", "nareis (gezinshereniging)". */
export function formatValue(value: unknown, fact: FactDefinition | undefined, lang: Language): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => formatValue(v, fact, lang));
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'of' : 'or'} ${items[items.length - 1] ?? ''}`;
  }
  if (typeof value === 'boolean') return value ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no';
  if (typeof value === 'number') {
    const unit = unitSpec(fact?.unit);
    if (!unit) return formatNumber(value, lang);
    const amount = unit.currency ? formatAmount(value, lang) : formatNumber(value, lang);
    return `${amount} ${(value === 1 && unit.one ? unit.one : unit.suffix)[lang]}`;
  }
  if (typeof value === 'string') {
    const option = fact?.options?.find((o) => o.value === value);
    if (option) return option.label[lang];
    if (fact?.type === 'date' && isIsoDate(value)) return formatDate(value, lang);
    return value;
  }
  if (value === null) return lang === 'nl' ? 'leeg' : 'empty';
  return JSON.stringify(value) ?? '';
}
