import type { LocalizedText } from '../localized-text';

export interface UnitSpec {
  /** Words after the number, e.g. '€ 51.537 per jaar'. */
  suffix: LocalizedText;
  /** Words after exactly 1, when they differ: '1 persoon'. */
  one?: LocalizedText;
  currency?: boolean;
}

/** Unit codes used by fact catalogs and parameters; a parameter compared with a fact must carry the fact's unit. */
export const UNITS = {
  'EUR/jaar': { suffix: { nl: 'per jaar', en: 'per year' }, currency: true },
  'EUR/maand': { suffix: { nl: 'per maand', en: 'per month' }, currency: true },
  jaar: { suffix: { nl: 'jaar', en: 'years' }, one: { nl: 'jaar', en: 'year' } },
  maanden: { suffix: { nl: 'maanden', en: 'months' }, one: { nl: 'maand', en: 'month' } },
  weken: { suffix: { nl: 'weken', en: 'weeks' }, one: { nl: 'week', en: 'week' } },
  dagen: { suffix: { nl: 'dagen', en: 'days' }, one: { nl: 'dag', en: 'day' } },
  'uren/week': {
    suffix: { nl: 'uur per week', en: 'hours per week' },
    one: { nl: 'uur per week', en: 'hour per week' },
  },
  // Scores of an assessment (e.g. a zelfredzaamheidsmatrix or a municipality's own urgency points).
  punten: { suffix: { nl: 'punten', en: 'points' }, one: { nl: 'punt', en: 'point' } },
  personen: { suffix: { nl: 'personen', en: 'persons' }, one: { nl: 'persoon', en: 'person' } },
  kinderen: { suffix: { nl: 'kinderen', en: 'children' }, one: { nl: 'kind', en: 'child' } },
} satisfies Record<string, UnitSpec>;

export type UnitCode = keyof typeof UNITS;

export function unitSpec(code: string | undefined): UnitSpec | undefined {
  return code !== undefined && Object.prototype.hasOwnProperty.call(UNITS, code) ? UNITS[code as UnitCode] : undefined;
}
