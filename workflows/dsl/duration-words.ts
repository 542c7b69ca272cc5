import { parseDuration, type Duration } from './duration';

/**
 * Durations in words, Dutch and English ("P6M" → "6 maanden" / "6 months"), and the reverse for
 * the phrases a label states ("10 weken", "zes weken", "2 weeks"). Pure: the validator, the
 * designer and the label generator share it, so a label and its parameter say the same thing.
 */
export type WordsLang = 'nl' | 'en';

const UNITS: Record<WordsLang, Record<keyof Duration, [string, string]>> = {
  nl: {
    years: ['jaar', 'jaar'],
    months: ['maand', 'maanden'],
    weeks: ['week', 'weken'],
    days: ['dag', 'dagen'],
    hours: ['uur', 'uur'],
    minutes: ['minuut', 'minuten'],
    seconds: ['seconde', 'seconden'],
  },
  en: {
    years: ['year', 'years'],
    months: ['month', 'months'],
    weeks: ['week', 'weeks'],
    days: ['day', 'days'],
    hours: ['hour', 'hours'],
    minutes: ['minute', 'minutes'],
    seconds: ['second', 'seconds'],
  },
};
const ORDER: Array<keyof Duration> = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'];
const AND: Record<WordsLang, string> = { nl: 'en', en: 'and' };

/** "P6M" → "6 maanden"; "P1Y2W" → "1 jaar en 2 weken"; undefined when it is not an ISO-8601 duration. */
export function durationInWords(iso: string, lang: WordsLang): string | undefined {
  let d: Duration;
  try {
    d = parseDuration(iso);
  } catch {
    return undefined;
  }
  const parts = ORDER.filter((k) => d[k] > 0).map((k) => `${d[k]} ${UNITS[lang][k][d[k] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return lang === 'nl' ? 'direct' : 'immediately';
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} ${AND[lang]} ${parts[parts.length - 1]}`;
}

const NUMBER_WORDS: Record<string, number> = {
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  veertien: 14,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
};
const UNIT_WORDS: Record<string, 'Y' | 'M' | 'W' | 'D'> = {
  jaar: 'Y',
  jaren: 'Y',
  year: 'Y',
  years: 'Y',
  maand: 'M',
  maanden: 'M',
  month: 'M',
  months: 'M',
  week: 'W',
  weken: 'W',
  weeks: 'W',
  dag: 'D',
  dagen: 'D',
  day: 'D',
  days: 'D',
};

/** "10 weken", "zes weken", "6 months" (also "6-month"): a number (digits or a word up to fourteen) and a calendar unit. */
const PHRASE = new RegExp(
  `(?<![\\p{L}\\d:.])(\\d+|${Object.keys(NUMBER_WORDS).join('|')})[ -](${Object.keys(UNIT_WORDS).join('|')})(?![\\p{L}])`,
  'giu',
);

export interface DurationPhrase {
  /** Where the phrase starts in the text, and its length. */
  index: number;
  length: number;
  /** The phrase as an ISO-8601 duration of one unit, e.g. P10W. */
  iso: string;
}

/** The durations a text states, in order. */
export function durationPhrases(text: string): DurationPhrase[] {
  const out: DurationPhrase[] = [];
  for (const m of text.matchAll(PHRASE)) {
    const amount = /^\d+$/.test(m[1] as string) ? Number(m[1]) : NUMBER_WORDS[(m[1] as string).toLowerCase()];
    const unit = UNIT_WORDS[(m[2] as string).toLowerCase()];
    if (amount === undefined || unit === undefined) continue;
    out.push({ index: m.index ?? 0, length: m[0].length, iso: `P${amount}${unit}` });
  }
  return out;
}

/** Whether two ISO-8601 durations are the same span on the calendar (P2W is P14D; P1M is not P4W). */
export function sameDuration(a: string, b: string): boolean {
  try {
    const x = parseDuration(a);
    const y = parseDuration(b);
    const days = (d: Duration) => d.weeks * 7 + d.days;
    const months = (d: Duration) => d.years * 12 + d.months;
    return (
      days(x) === days(y) &&
      months(x) === months(y) &&
      x.hours * 3600 + x.minutes * 60 + x.seconds === y.hours * 3600 + y.minutes * 60 + y.seconds
    );
  } catch {
    return false;
  }
}
