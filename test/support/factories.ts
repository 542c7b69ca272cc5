import { loadTemplate, type RuleSet } from '../../rules';
import type { RuleSetSource } from '../../services/rule-sets/rule-set-source';
import type { CaseInput } from '../../workflows/case-state';
import { archivedDefinitions, builtInDefinitions } from '../../workflows/definitions';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import pipLeerroute from '../fixtures/rule-sets/pip-leerroute.json';

function builtIn(id: string): ProcessDefinition {
  return structuredClone(builtInDefinitions.get(id) as ProcessDefinition);
}

/** The current built-in hotel-stay definition (v2: hands over to har-overdracht as a subprocess). */
export function hotelDefinition(): ProcessDefinition {
  return builtIn('nareiziger-hotelverblijf');
}

/** Version 1 of the hotel stay, as the recorded replay fixtures started with it. */
export function hotelDefinitionV1(): ProcessDefinition {
  return structuredClone(
    archivedDefinitions.find((d) => d.id === 'nareiziger-hotelverblijf' && d.version === 1) as ProcessDefinition,
  );
}

/** An earlier version of a built-in, as the archive keeps it (for cases and fixtures that started with it). */
export function archivedBuiltIn(id: string, version: number): ProcessDefinition {
  const found = archivedDefinitions.find((d) => d.id === id && d.version === version);
  if (!found) throw new Error(`factories: no archived ${id} v${version}`);
  return structuredClone(found);
}

export function harDefinition(): ProcessDefinition {
  return builtIn('har-overdracht');
}

export function housingDefinition(): ProcessDefinition {
  return builtIn('huisvesting-statushouder');
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
    data: {
      municipality: 'GM0363',
      householdSize: 3,
      registrationDate: '2026-01-20',
      nareiziger: { name: 'Test Persoon', vNumber: '1234567890' },
    },
    ...overrides,
  };
}

export function harCaseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    tenant: 'GM0363',
    caseRef: uniqueId('zaak'),
    definition: harDefinition(),
    data: { municipality: 'GM0363', householdSize: 2 },
    ...overrides,
  };
}

/** A status holder linked to `tenant` on `koppelingDate`, permit two weeks earlier unless given. */
export function housingCaseInput(
  koppelingDate: string,
  overrides: Partial<CaseInput> & { permitDate?: string } = {},
): CaseInput {
  const { permitDate, ...rest } = overrides;
  const tenant = rest.tenant ?? 'GM0363';
  const permit =
    permitDate ?? new Date(Date.parse(`${koppelingDate}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
  return {
    tenant,
    caseRef: uniqueId('zaak'),
    definition: housingDefinition(),
    data: {
      municipality: tenant,
      householdSize: 4,
      permitType: 'asiel',
      permitDate: permit,
      koppelingDate,
      statushouder: { name: 'Test Statushouder', vNumber: '1234567890', dateOfBirth: '1990-05-01' },
    },
    ...rest,
  };
}

/**
 * An urgency application received on `applicationDate`: a medically urgent household that meets
 * every basic condition of the full urgency scheme (rules/templates/urgency-scheme.json).
 */
export function urgencyApplicationInput(
  applicationDate: string,
  overrides: Partial<CaseInput> & { data?: Record<string, unknown> } = {},
): CaseInput {
  const { data, ...rest } = overrides;
  return {
    tenant: 'GM0363',
    caseRef: uniqueId('zaak'),
    definition: builtIn('urgentie-aanvraag'),
    data: {
      municipality: 'GM0363',
      applicationDate,
      householdSize: 2,
      annualIncome: 30000,
      yearsOfRegionalTies: 5,
      rentArrears: false,
      hasIndependentHome: true,
      medicalUrgency: true,
      emergencySelfCaused: false,
      solvableByApplicant: false,
      solvableByMoveMonths: 3,
      aanvrager: { name: 'Test Aanvrager', dateOfBirth: '1980-03-14' },
      ...data,
    },
    ...rest,
  };
}

/** A published housing-priority rule set made from a rules/ template, effective from 2000. */
export function publishedRuleSet(
  template: 'status-holder-priority' | 'no-status-holder-priority',
  tenant: string,
  version = 1,
  effectiveFrom = '2000-01-01',
): RuleSet {
  const ruleSet = loadTemplate(template, { tenant, id: `voorrang-${tenant.toLowerCase()}`, effectiveFrom });
  const code = ruleSet.parameters?.gemeentecode;
  if (code) code.value = tenant;
  return { ...ruleSet, version, status: 'published' };
}

/**
 * Two municipalities that decide differently: GM0363 gives status holders priority, GM0599 does
 * not. Any other tenant has nothing published.
 */
export function twoMunicipalityRuleSets(): RuleSetSource & { calls: Array<{ tenant: string; kind: string }> } {
  const calls: Array<{ tenant: string; kind: string }> = [];
  const byTenant: Record<string, RuleSet[]> = {
    GM0363: [publishedRuleSet('status-holder-priority', 'GM0363')],
    GM0599: [publishedRuleSet('no-status-holder-priority', 'GM0599')],
  };
  return {
    calls,
    async published(tenant, kind) {
      calls.push({ tenant, kind });
      return kind === 'housing-priority' ? (byTenant[tenant] ?? []) : [];
    },
  };
}

/** The UTC calendar date of an instant, as the date events carry it. */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A person obliged to integrate, linked to `tenant` on `koppelingDate`, with the housing case it belongs to. */
export function inburgeringCaseInput(
  koppelingDate: string,
  overrides: Partial<CaseInput> & { data?: Record<string, unknown> } = {},
): CaseInput {
  const { data, ...rest } = overrides;
  const tenant = rest.tenant ?? 'GM0363';
  return {
    tenant,
    caseRef: uniqueId('zaak'),
    definition: builtIn('inburgering'),
    data: {
      municipality: tenant,
      koppelingDate,
      housingCaseId: `${tenant}-huisvesting-statushouder-0a1b2c3d`,
      householdSize: 2,
      inburgeraar: { name: 'Test Inburgeraar', dateOfBirth: '1995-02-11' },
      ...data,
    },
    ...rest,
  };
}

/** The municipality's PIP rule set (the learning route as the broad intake advises), published, in force since 2000. */
export function pipRuleSets(tenant: string): RuleSetSource {
  const ruleSet = {
    ...(structuredClone(pipLeerroute) as unknown as RuleSet),
    tenant,
    id: `pip-leerroute-${tenant.toLowerCase()}`,
    effectiveFrom: '2000-01-01',
    status: 'published' as const,
  };
  return { published: async (t, kind) => (t === tenant && kind === 'inburgering-pip' ? [ruleSet] : []) };
}
