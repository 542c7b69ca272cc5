import { neededFacts } from '../../rules/needed-facts';
import { loadTemplate } from '../../rules/templates/templates';
import { aFactCondition, aRuleSetWith } from './support/factories';

describe('neededFacts', () => {
  it('lists the input facts of the status-holder template: age becomes date of birth, a refused offer may be unknown', () => {
    expect(neededFacts(loadTemplate('status-holder-priority', { tenant: 'GM0363' }))).toEqual([
      'dateOfBirth',
      'permitType',
      'linkedMunicipality',
      'hasIndependentHome',
    ]);
  });

  it('follows named conditions and leaves out disabled rules and claim-like facts', () => {
    const scheme = loadTemplate('urgency-scheme', { tenant: 'GM0363' });
    const needed = neededFacts(scheme);
    expect(needed).toEqual(
      expect.arrayContaining([
        'dateOfBirth',
        'householdSize',
        'annualIncome',
        'rentArrears',
        'yearsOfRegionalTies',
        'permitType',
      ]),
    );
    expect(needed).not.toEqual(expect.arrayContaining(['age']));
    for (const claim of ['medicalUrgency', 'mantelzorg', 'socialEmergency', 'demolition', 'leavingInstitution'])
      expect(needed).not.toContain(claim);
    for (const rule of scheme.rules) rule.enabled = false;
    expect(neededFacts(scheme)).toEqual([]);
  });

  it('reads a named condition once however often it is referenced', () => {
    const ruleSet = aRuleSetWith(
      { all: [{ condition: 'groot' }, { not: { condition: 'groot' } }] },
      { namedConditions: { groot: { all: [aFactCondition()] } } },
    );
    expect(neededFacts(ruleSet)).toEqual(['householdSize']);
  });
});
