import type { CaseInput } from '../../workflows/case-state';
import { builtInDefinitions } from '../../workflows/definitions';
import { addDuration } from '../../workflows/dsl/duration';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { uniqueId } from './factories';

const day = (iso: string, duration: string): string =>
  addDuration(new Date(`${iso}T00:00:00Z`), duration, 1)
    .toISOString()
    .slice(0, 10);

/**
 * The built-in `overgang-oekraine` with its dates moved to the test's calendar: cohort 1 starts
 * `today`, cohort 2 two months later, and temporary protection ends six months after `today`
 * (the built-in's own dates are real ones, which the test server's clock would pass in time).
 */
export function transitionDefinition(today: string): ProcessDefinition {
  const def = structuredClone(builtInDefinitions.get('overgang-oekraine') as ProcessDefinition);
  const parameters = def.parameters as { norms: Record<string, string>; phasing: { cohorts: Record<string, string> } };
  parameters.norms.endOfTemporaryProtection = day(today, 'P6M');
  parameters.phasing.cohorts = { 'cohort-1': today, 'cohort-2': day(today, 'P2M') };
  return def;
}

/** A household of displaced persons from Ukraine in `cohort`, in GM0363. */
export function transitionCaseInput(
  today: string,
  overrides: Partial<CaseInput> & { data?: Record<string, unknown> } = {},
): CaseInput {
  const { data, ...rest } = overrides;
  return {
    tenant: 'GM0363',
    caseRef: uniqueId('goo'),
    definition: transitionDefinition(today),
    data: {
      municipality: 'GM0363',
      cohort: 'cohort-1',
      householdSize: 3,
      numberOfChildren: 1,
      accommodation: 'gemeentelijke-opvang',
      hasIndependentHome: false,
      medicalUrgency: false,
      socialEmergency: false,
      yearsOfRegionalTies: 3,
      annualIncome: 12000,
      rentArrears: false,
      emergencySelfCaused: false,
      solvableByApplicant: false,
      solvableByMoveMonths: 3,
      contactpersoon: { name: 'Test Contactpersoon', dateOfBirth: '1985-06-01' },
      ...data,
    },
    ...rest,
  };
}
