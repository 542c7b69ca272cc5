import { toEpochDay } from '../dates';
import type { OperatorContext, OperatorSpec } from './operator-spec';

// Custom operators: registered into json-rules-engine from this same code, so both paths agree.
// They never throw: a missing or malformed date simply does not satisfy the condition.

function compareDates(test: (fact: number, value: number) => boolean) {
  return (a: unknown, b: unknown): boolean => {
    const x = toEpochDay(a);
    const y = toEpochDay(b);
    return x !== undefined && y !== undefined && test(x, y);
  };
}

function specialiseDates(test: (fact: number, value: number) => boolean) {
  return (b: unknown) => {
    const y = toEpochDay(b);
    return (a: unknown): boolean => {
      if (y === undefined) return false;
      const x = toEpochDay(a);
      return x !== undefined && test(x, y);
    };
  };
}

/** Days from the fact's date to the peildatum; negative when the date lies after it. */
function daysBeforePeildatum(a: unknown, context: OperatorContext): number | undefined {
  const x = toEpochDay(a);
  const p = toEpochDay(context.peildatum);
  return x === undefined || p === undefined ? undefined : p - x;
}

const isDays = (b: unknown): b is number => typeof b === 'number' && Number.isFinite(b);

const before = (x: number, y: number) => x < y;
const onOrBefore = (x: number, y: number) => x <= y;
const after = (x: number, y: number) => x > y;
const onOrAfter = (x: number, y: number) => x >= y;

export const dateOperators = {
  dateBefore: {
    label: { nl: 'vóór {value}', en: 'before {value}' },
    builtin: false,
    value: 'same',
    factTypes: ['date'],
    evaluate: compareDates(before),
    specialise: specialiseDates(before),
  },
  dateOnOrBefore: {
    label: { nl: 'op of vóór {value}', en: 'on or before {value}' },
    builtin: false,
    value: 'same',
    factTypes: ['date'],
    evaluate: compareDates(onOrBefore),
    specialise: specialiseDates(onOrBefore),
  },
  dateAfter: {
    label: { nl: 'na {value}', en: 'after {value}' },
    builtin: false,
    value: 'same',
    factTypes: ['date'],
    evaluate: compareDates(after),
    specialise: specialiseDates(after),
  },
  dateOnOrAfter: {
    label: { nl: 'op of na {value}', en: 'on or after {value}' },
    builtin: false,
    value: 'same',
    factTypes: ['date'],
    evaluate: compareDates(onOrAfter),
    specialise: specialiseDates(onOrAfter),
  },
  withinDays: {
    label: { nl: 'hoogstens {value} dagen vóór de peildatum', en: 'at most {value} days before the peildatum' },
    builtin: false,
    value: 'days',
    factTypes: ['date'],
    evaluate: (a, b, context) => {
      const days = daysBeforePeildatum(a, context);
      return days !== undefined && isDays(b) && days >= 0 && days <= b;
    },
  },
  moreThanDaysAgo: {
    label: { nl: 'meer dan {value} dagen vóór de peildatum', en: 'more than {value} days before the peildatum' },
    builtin: false,
    value: 'days',
    factTypes: ['date'],
    evaluate: (a, b, context) => {
      const days = daysBeforePeildatum(a, context);
      return days !== undefined && isDays(b) && days > b;
    },
  },
} as const satisfies Record<string, OperatorSpec>;
