import { isIsoDate } from './dates';
import type { LocalizedText } from './localized-text';
import type { RulesIssue } from './rules-error';

/**
 * The days a date may lie on wherever one enters the rules core: a rule set's effective dates, date
 * parameters and condition values, and date facts of a case. Issue 17: `9999-12-31` as a placement
 * date failed a workflow task with a 500, `0000-01-01` produced deadlines in 1900. Nobody born before
 * 1900 applies for a home, and no bye-law or deadline runs past 2100.
 */
export const DATE_BOUNDS = { min: '1900-01-01', max: '2100-12-31' } as const;

const WINDOW: LocalizedText = {
  nl: '1 januari 1900 tot en met 31 december 2100',
  en: '1 January 1900 to 31 December 2100',
};

/** A valid calendar date (YYYY-MM-DD) within DATE_BOUNDS; fixed-width ISO dates compare as text. */
export function isDateInBounds(value: unknown): boolean {
  return isIsoDate(value) && value >= DATE_BOUNDS.min && value <= DATE_BOUNDS.max;
}

/** The coded issue for a valid date outside DATE_BOUNDS, or undefined when it is inside (or no date at all). */
export function dateOutOfRange(value: unknown, path: string, what: LocalizedText): RulesIssue | undefined {
  if (!isIsoDate(value) || isDateInBounds(value)) return undefined;
  return {
    code: 'date-out-of-range',
    path,
    message: {
      nl: `${what.nl} (${value}) ligt buiten ${WINDOW.nl}.`,
      en: `${what.en} (${value}) lies outside ${WINDOW.en}.`,
    },
  };
}
