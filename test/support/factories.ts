import type { CaseInput } from '../../workflows/case-state';
import { builtInDefinitions } from '../../workflows/definitions';
import type { ProcessDefinition } from '../../workflows/dsl/schema';

export function hotelDefinition(): ProcessDefinition {
  return structuredClone(builtInDefinitions.get('nareiziger-hotelverblijf') as ProcessDefinition);
}

let counter = 0;
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export function hotelCaseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    tenant: 'GM0363',
    caseRef: uniqueId('zaak'),
    definition: hotelDefinition(),
    data: { municipality: 'GM0363', householdSize: 3, registrationDate: '2026-01-20', nareiziger: { name: 'Test Persoon', vNumber: '1234567890' } },
    ...overrides,
  };
}

/** The UTC calendar date of an instant, as the date events carry it. */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
