import type { Lang } from '../i18n/i18n';

/** What the cohort view knows of a cohort: its id (the phasing parameter's key), its start and, once the
 * progress carries one, the phasing parameter's own label. */
export interface CohortRef {
  cohort: string;
  start: string;
  label?: Partial<Record<Lang, string>>;
}

/**
 * A cohort's name as a person reads it, never its id: the phasing parameter's label when it has
 * one; otherwise "Cohort 1", "Cohort 2", … by the order of the start dates (the order the cohort
 * view lists them in); households without a cohort are "Zonder cohort".
 */
export function cohortNames(cohorts: readonly CohortRef[], lang: Lang): Map<string, string> {
  const names = new Map<string, string>();
  const numbered = cohorts
    .filter((c) => c.cohort !== '')
    .slice()
    .sort((a, b) => a.start.localeCompare(b.start) || a.cohort.localeCompare(b.cohort));
  numbered.forEach((c, i) => {
    const own = c.label?.[lang] ?? c.label?.nl;
    names.set(c.cohort, own && own.trim() !== '' ? own : `Cohort ${i + 1}`);
  });
  if (cohorts.some((c) => c.cohort === '')) names.set('', lang === 'nl' ? 'Zonder cohort' : 'Without a cohort');
  return names;
}
