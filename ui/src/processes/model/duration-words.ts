import { parseDuration, type Duration } from '../../../../workflows/dsl/duration';
import { durationInWords, type WordsLang } from '../../../../workflows/dsl/duration-words';
import { resolveDurationValue } from '../../../../workflows/dsl/references';
import type { ParamRef, RelativeTime } from '../../../../workflows/dsl/schema';

/**
 * Durations and moments in words, as a designer reads them: P6M from hotelStart is
 * "6 maanden na hotelplaatsing" (Dutch) or "6 months after hotel placement" (English).
 */
export type { WordsLang } from '../../../../workflows/dsl/duration-words';
export { durationInWords } from '../../../../workflows/dsl/duration-words';

/** Case dates by their name in words; an unknown name is shown as it is. */
export const DATE_WORDS: Record<string, Record<WordsLang, string>> = {
  caseStarted: { nl: 'start van de zaak', en: 'the start of the case' },
  hotelStart: { nl: 'hotelplaatsing', en: 'hotel placement' },
  registration: { nl: 'registratie', en: 'registration' },
  registrationDate: { nl: 'registratie', en: 'registration' },
  koppeling: { nl: 'koppeling', en: 'linking (koppeling)' },
  koppelingDate: { nl: 'koppeling', en: 'linking (koppeling)' },
  permit: { nl: 'vergunningverlening', en: 'the permit' },
  permitDate: { nl: 'vergunningverlening', en: 'the permit' },
  placement: { nl: 'plaatsing', en: 'placement' },
  placed: { nl: 'plaatsing in de HAR', en: 'placement in the HAR' },
  harStart: { nl: 'start van de HAR', en: 'the start of the HAR' },
  housed: { nl: 'huisvesting', en: 'housing' },
  tenancyStart: { nl: 'ingang huurcontract', en: 'the start of the tenancy' },
  offer: { nl: 'woningaanbod', en: 'the offer' },
  departed: { nl: 'vertrek', en: 'departure' },
  handoverRequested: { nl: 'overname door de gemeente', en: 'the takeover by the municipality' },
};

export function dateInWords(name: string, lang: WordsLang): string {
  return DATE_WORDS[name]?.[lang] ?? name;
}

/**
 * A relative moment in words: "6 maanden na hotelplaatsing", "2 weken voor einde HAR",
 * "bij hotelplaatsing". A parameter reference is resolved from the definition's parameters.
 */
export function relativeTimeInWords(
  at: RelativeTime,
  lang: WordsLang,
  parameters: Record<string, unknown> = {},
): string {
  const date = dateInWords(at.from, lang);
  const value = at.after ?? at.before;
  if (value === undefined) return lang === 'nl' ? `bij ${date}` : `at ${date}`;
  const iso = resolveDurationValue(value, { parameters, variables: {} });
  const amount =
    iso === undefined
      ? lang === 'nl'
        ? `(parameter ${(value as ParamRef).param})`
        : `(parameter ${(value as ParamRef).param})`
      : (durationInWords(iso, lang) ?? iso);
  const relation = at.after !== undefined ? (lang === 'nl' ? 'na' : 'after') : lang === 'nl' ? 'voor' : 'before';
  return `${amount} ${relation} ${date}`;
}

/** A duration of one unit as amount and unit (for the amount + unit form), or undefined when it mixes units. */
export function singleUnit(iso: string): { amount: number; unit: 'Y' | 'M' | 'W' | 'D' } | undefined {
  let d: Duration;
  try {
    d = parseDuration(iso);
  } catch {
    return undefined;
  }
  const used = (['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const).filter((k) => d[k] > 0);
  if (used.length !== 1) return used.length === 0 ? { amount: 0, unit: 'D' } : undefined;
  const unit = ({ years: 'Y', months: 'M', weeks: 'W', days: 'D' } as const)[used[0] as 'years'];
  return unit ? { amount: d[used[0] as keyof Duration], unit } : undefined;
}
