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
  homeFound: { nl: 'woning gevonden', en: 'home found' },
  moved: { nl: 'verhuizing', en: 'the move' },
  // Urgency application (urgentie-aanvraag)
  aanvraag: { nl: 'aanvraag', en: 'the application' },
  besluitVerzonden: { nl: 'verzending van het besluit', en: 'the sending of the decision' },
  bezwaar: { nl: 'bezwaar', en: 'the objection' },
  // Civic integration (inburgering)
  bredeIntake: { nl: 'brede intake', en: 'the broad intake' },
  pipVastgesteld: { nl: 'vaststelling van het PIP', en: 'the PIP decision' },
  bijstandStart: { nl: 'start van de bijstand', en: 'the start of social assistance' },
  ontzorgenBeeindigd: { nl: 'einde van het ontzorgen', en: 'the end of ontzorgen' },
  verlengdTot: { nl: 'verlengde inburgeringstermijn', en: 'the extended integration term' },
  ontheffing: { nl: 'ontheffing', en: 'the exemption' },
  voldaan: { nl: 'voldaan aan de inburgeringsplicht', en: 'the integration obligation met' },
  // Ukrainian transition (overgang-oekraine)
  cohortStart: { nl: 'start van het cohort', en: 'the start of the cohort' },
  einddatum: { nl: 'einddatum tijdelijke bescherming', en: 'the end of temporary protection' },
  huisvestingGeregeld: { nl: 'huisvesting geregeld', en: 'housing arranged' },
  inkomenGeregeld: { nl: 'inkomen geregeld', en: 'income arranged' },
  participatieGeregeld: { nl: 'participatie geregeld', en: 'participation arranged' },
  zorgGeregeld: { nl: 'zorg geregeld', en: 'care arranged' },
  inschrijvingGeregeld: { nl: 'inschrijving geregeld', en: 'registration arranged' },
  vertrokken: { nl: 'vertrek van het huishouden', en: 'the household leaving' },
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
