const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The municipality's calendar date `days` ago (Europe/Amsterdam, as the seeded rule set's start date
 * is): between 23:00 and 24:00 UTC the UTC date is still yesterday there, and a case dated by UTC
 * would fall before the rule set in force.
 */
export const daysAgo = (days: number): string => amsterdamDay.format(new Date(Date.now() - days * 86_400_000));
