import { evaluate } from '../../../rules/evaluate';
import { loadTemplate, TEMPLATE_IDS, templates } from '../../../rules/templates/templates';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { PEILDATUM } from '../support/factories';

function aStatusHolder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    dateOfBirth: '1994-03-10', householdSize: 3, annualIncome: 24000, rentArrears: false, permitType: 'asiel',
    linkedMunicipality: 'GM0363', hasIndependentHome: false, koppelingDate: '2025-10-15', ...overrides,
  };
}

function forAmsterdam(id: (typeof TEMPLATE_IDS)[number]) {
  const ruleSet = loadTemplate(id, { tenant: 'GM0363' });
  if (ruleSet.parameters?.gemeentecode) ruleSet.parameters.gemeentecode.value = 'GM0363';
  return ruleSet;
}

const types = (events: Array<{ type: string; params?: Record<string, unknown> }>) => events.map((e) => `${e.type}:${String(e.params?.category ?? e.params?.reason)}`);

describe('templates', () => {
  it.each(TEMPLATE_IDS)('%s is a valid rule set whose only warnings are legal-basis placeholders', (id) => {
    const result = validateRuleSet(templates[id].document);
    expect(result.errors).toEqual([]);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(new Set(result.warnings.map((w) => w.code))).toEqual(new Set(['legal-basis-placeholder']));
  });

  it('loads a fresh draft for a tenant, leaving the template untouched', () => {
    const a = loadTemplate('urgency-scheme', { tenant: 'GM0363', effectiveFrom: '2026-07-01' });
    a.rules.pop();
    const b = loadTemplate('urgency-scheme', { tenant: 'GM0599' });
    expect(a).toMatchObject({ tenant: 'GM0363', status: 'draft', version: 1, effectiveFrom: '2026-07-01' });
    expect(b.rules.length).toBe(a.rules.length + 1);
  });

  describe('status holders get priority', () => {
    it('gives a linked status holder without a home priority', () => {
      expect(types(evaluate(forAmsterdam('status-holder-priority'), aStatusHolder(), { peildatum: PEILDATUM }).events)).toEqual(['priority:status-holder']);
    });
    it('gives none to someone linked to another municipality', () => {
      expect(evaluate(forAmsterdam('status-holder-priority'), aStatusHolder({ linkedMunicipality: 'GM0599' }), { peildatum: PEILDATUM }).events).toEqual([]);
    });
    it('has a single switch that turns the priority off', () => {
      const ruleSet = forAmsterdam('status-holder-priority');
      expect(ruleSet.rules.filter((r) => r.enabled !== undefined)).toHaveLength(1);
      ruleSet.rules[0]!.enabled = false;
      expect(evaluate(ruleSet, aStatusHolder(), { peildatum: PEILDATUM }).events).toEqual([]);
    });
  });

  it('no priority for status holders: says so, with its legal basis', () => {
    const result = evaluate(forAmsterdam('no-status-holder-priority'), aStatusHolder(), { peildatum: PEILDATUM, explain: true });
    expect(types(result.events)).toEqual(['no-priority:status-holder']);
    expect(result.explanation?.rules[0]?.legalBasis).toMatch(/Huisvestingsverordening/);
  });

  describe('complete urgency scheme', () => {
    const scheme = () => forAmsterdam('urgency-scheme');
    const run = (facts: Record<string, unknown>) => types(evaluate(scheme(), facts, { peildatum: PEILDATUM }).events);
    const urgent = { yearsOfRegionalTies: 5, emergencySelfCaused: false, solvableByApplicant: false, solvableByMoveMonths: 3 };

    it('carries the 2026 income limits as parameters', () => {
      const p = scheme().parameters ?? {};
      expect([p.inkomensgrensEenpersoons?.value, p.inkomensgrensMeerpersoons?.value, p.huurgrens?.value]).toEqual([51537, 56910, 932.93]);
      expect([p.passendToewijzenEenpersoons?.value, p.passendToewijzenMeerpersoons?.value, p.passendToewijzenEenpersoonsAow?.value, p.passendToewijzenMeerpersoonsAow?.value])
        .toEqual([29400, 39925, 28775, 38650]);
    });
    it('gives a status holder priority', () => {
      expect(run(aStatusHolder())).toEqual(['priority:status-holder']);
    });
    it('ranks medical urgency first when several categories apply', () => {
      expect(run(aStatusHolder({ ...urgent, medicalUrgency: true, mantelzorg: true }))).toEqual(['priority:medical', 'priority:mantelzorg', 'priority:status-holder']);
    });
    it('covers leaving maatschappelijke opvang, beschermd wonen and the women\'s shelter', () => {
      for (const leavingInstitution of ['maatschappelijke-opvang', 'beschermd-wonen', 'vrouwenopvang']) {
        expect(run(aStatusHolder({ permitType: 'regulier', leavingInstitution }))).toEqual(['priority:leaving-institution']);
      }
    });
    it('covers demolition for tenants with a home', () => {
      expect(run(aStatusHolder({ permitType: 'regulier', demolition: true, hasIndependentHome: true }))).toEqual(['priority:demolition']);
    });
    it('applies the single-person income limit to a single person', () => {
      expect(run(aStatusHolder({ householdSize: 1, annualIncome: 52000 }))).toEqual(['not-eligible:basic-conditions']);
      expect(run(aStatusHolder({ householdSize: 2, annualIncome: 52000 }))).toEqual(['priority:status-holder']);
    });
    it('refuses minors and applicants with rent arrears', () => {
      expect(run(aStatusHolder({ dateOfBirth: '2010-01-01' }))).toEqual(['not-eligible:basic-conditions']);
      expect(run(aStatusHolder({ rentArrears: true }))).toEqual(['not-eligible:basic-conditions']);
    });
    it('requires regional ties and a real emergency for medical urgency', () => {
      expect(run(aStatusHolder({ ...urgent, yearsOfRegionalTies: 1, medicalUrgency: true }))).toEqual(['priority:status-holder']);
      expect(run(aStatusHolder({ ...urgent, emergencySelfCaused: true, medicalUrgency: true }))).toEqual(['priority:status-holder']);
    });
    it('lets a municipality switch status-holder priority off', () => {
      const ruleSet = scheme();
      ruleSet.rules.find((r) => r.name === 'statushouder')!.enabled = false;
      expect(evaluate(ruleSet, aStatusHolder(), { peildatum: PEILDATUM }).events).toEqual([]);
    });
  });
});
