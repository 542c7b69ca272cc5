import { evaluate, loadTemplate, type RuleSet } from '../../../rules';
import type { MunicipalityProfile } from '../../../services/municipalities/municipality-profile';
import type { DecisionRecord } from '../../../workflows/case-state';

/** The status-holder template as Amsterdam would publish it: its own code, a real start date. */
export function amsterdamRuleSet(): RuleSet {
  const ruleSet = loadTemplate('status-holder-priority', { tenant: 'GM0363', effectiveFrom: '2026-01-01' });
  ruleSet.parameters = {
    ...ruleSet.parameters,
    gemeentecode: { ...ruleSet.parameters!.gemeentecode!, value: 'GM0363' },
  };
  return { ...ruleSet, status: 'published' };
}

export const STATUS_HOLDER_FACTS = {
  permitType: 'asiel',
  linkedMunicipality: 'GM0363',
  hasIndependentHome: false,
  dateOfBirth: '1990-05-01',
  householdSize: 4,
  annualIncome: 30000.5,
  koppelingDate: '2026-09-14',
};

/** A decision record as the workflow keeps it: evaluated by the rules core, then confirmed by a case handler. */
export function confirmedDecision(
  options: {
    facts?: Record<string, unknown>;
    branch?: string | null;
    deviated?: boolean;
    reason?: string;
    at?: string;
    ruleSet?: RuleSet;
  } = {},
): DecisionRecord {
  const ruleSet = options.ruleSet ?? amsterdamRuleSet();
  const facts = options.facts ?? STATUS_HOLDER_FACTS;
  const peildatum = '2026-11-02';
  const result = evaluate(ruleSet, facts, { peildatum, explain: true });
  const proposed = result.events[0]?.type ?? null;
  const branch = options.branch === undefined ? proposed : options.branch;
  const at = options.at ?? '2026-11-27T10:15:00.000Z';
  return {
    nodeId: 'voorrang-besluit',
    at,
    ruleSetKind: ruleSet.kind,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    peildatum,
    facts,
    events: result.events,
    explanation: result.explanation,
    branch,
    next: branch ? 'zoeken' : 'einde',
    status: 'confirmed',
    proposal: { branch: proposed, next: proposed ? 'zoeken' : 'einde' },
    confirmation: {
      by: { userId: '5f0c0e55-0000-4000-8000-000000000001', username: 'behandelaar1', displayName: 'Behandelaar Een' },
      at,
      branch,
      next: branch ? 'zoeken' : 'einde',
      deviated: options.deviated ?? branch !== proposed,
      ...(options.reason ? { reason: options.reason } : {}),
    },
  };
}

export function amsterdamProfile(overrides: Partial<MunicipalityProfile> = {}): MunicipalityProfile {
  return {
    tenant: 'GM0363',
    name: 'Amsterdam',
    nameSource: 'cbs-list',
    address: { street: 'Postbus 202', postcode: '1000 AE', city: 'Amsterdam' },
    objectionAddress: { street: 'Postbus 1840', postcode: '1000 BV', city: 'Amsterdam' },
    signatory: { name: 'M. Jansen', function: 'teamleider Wonen' },
    byeLaw: { name: 'Huisvestingsverordening Amsterdam', year: 2024, articles: { 'housing-priority': 'art. 2.6.1' } },
    court: 'Rechtbank Amsterdam',
    updatedAt: '2026-11-01T09:00:00.000Z',
    updatedBy: 'beheerder',
    ...overrides,
  };
}
