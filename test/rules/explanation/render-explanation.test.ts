import { evaluate } from '../../../rules/evaluate';
import { renderExplanation, renderFactCondition } from '../../../rules/explanation/render-explanation';
import { housingPriorityCatalog } from '../../../rules/facts/housing-priority-catalog';
import type { FactConditionExplanation } from '../../../rules/explanation/explanation';
import { aFactCondition, aRuleSetWith, PEILDATUM } from '../support/factories';

const condition = (overrides: Partial<FactConditionExplanation>): FactConditionExplanation => ({
  kind: 'fact',
  path: '/rules/0/conditions/all/0',
  fact: 'householdSize',
  operator: 'greaterThanInclusive',
  expected: 4,
  actual: 5,
  known: true,
  status: 'held',
  ...overrides,
});

describe('renderExplanation', () => {
  it('says a condition in one plain Dutch sentence', () => {
    expect(renderFactCondition(condition({}), housingPriorityCatalog, 'nl')).toBe(
      'Huishoudgrootte is 5 personen; vereist is minstens 4 personen: voldaan.',
    );
  });

  it('says the same in English', () => {
    expect(renderFactCondition(condition({ status: 'failed', actual: 3 }), housingPriorityCatalog, 'en')).toBe(
      'Household size is 3 persons; required is at least 4 persons: not met.',
    );
  });

  it('formats money, yes/no, enum labels, dates and parameters for readers', () => {
    const nl = (c: Partial<FactConditionExplanation>) =>
      renderFactCondition(condition(c), housingPriorityCatalog, 'nl');
    const labels = {
      outcomes: {},
      noOutcome: { label: { nl: 'geen voorrang', en: 'no priority' } },
      parameters: { inkomensgrens: { nl: 'Inkomensgrens sociale huur', en: 'Social housing income limit' } },
      conditions: {},
    };
    expect(
      renderFactCondition(
        condition({
          fact: 'annualIncome',
          operator: 'lessThanInclusive',
          expected: 51537,
          parameter: 'inkomensgrens',
          actual: 30000.5,
        }),
        housingPriorityCatalog,
        'nl',
        labels,
      ),
    ).toBe(
      'Huishoudinkomen is € 30.000,50 per jaar; vereist is hoogstens € 51.537 per jaar (Inkomensgrens sociale huur): voldaan.',
    );
    // Without a label the parameter's id is left out rather than shown.
    expect(
      nl({
        fact: 'annualIncome',
        operator: 'lessThanInclusive',
        expected: 51537,
        parameter: 'inkomensgrens',
        actual: 30000,
      }),
    ).toBe('Huishoudinkomen is € 30.000 per jaar; vereist is hoogstens € 51.537 per jaar: voldaan.');
    expect(nl({ fact: 'medicalUrgency', operator: 'equal', expected: true, actual: false, status: 'failed' })).toBe(
      'Medische urgentie is nee; vereist is ja: niet voldaan.',
    );
    expect(nl({ fact: 'permitType', operator: 'in', expected: ['asiel', 'nareis'], actual: 'nareis' })).toBe(
      'Soort verblijfsvergunning is nareis (gezinshereniging); vereist is een van asiel of nareis (gezinshereniging): voldaan.',
    );
    expect(nl({ fact: 'koppelingDate', operator: 'withinDays', expected: 90, actual: '2025-12-01' })).toBe(
      'Datum koppeling is 1 december 2025; vereist is hoogstens 90 dagen vóór de peildatum: voldaan.',
    );
  });

  it('says when a fact is unknown and when a condition was not evaluated', () => {
    expect(
      renderFactCondition(
        condition({ known: false, actual: undefined, status: 'not-evaluated' }),
        housingPriorityCatalog,
        'nl',
      ),
    ).toBe('Huishoudgrootte is onbekend; vereist is minstens 4 personen: niet beoordeeld.');
  });

  it('renders a whole evaluation: header, rule verdict with legal basis, and nested conditions', () => {
    const ruleSet = aRuleSetWith({
      any: [
        aFactCondition('householdSize', 'greaterThanInclusive', 4),
        aFactCondition('medicalUrgency', 'equal', true),
      ],
    });
    const { explanation } = evaluate(ruleSet, { householdSize: 5 }, { peildatum: PEILDATUM, explain: true });
    expect(renderExplanation(explanation!, 'nl').split('\n')).toEqual([
      "Regelset 'Urgentieregeling Testdam', versie 1, geldig vanaf 1 januari 2026; peildatum 1 februari 2026.",
      '',
      "Regel 'Grote gezinnen' (Huisvestingsverordening Testdam 2026, art. 2.1): van toepassing. Uitkomst: voorrang.",
      '  - Minstens één voorwaarde hieronder: voldaan.',
      '    - Huishoudgrootte is 5 personen; vereist is minstens 4 personen: voldaan.',
      // Medical urgency may be unknown (not claimed): said as such, never as met or not met.
      '    - Medische urgentie is onbekend; vereist is ja: onbekend, niet vastgesteld.',
    ]);
  });

  it('spells out a named condition once and refers back to it after that', () => {
    const ruleSet = aRuleSetWith(
      { all: [{ condition: 'groot' }, { not: { condition: 'groot' } }] },
      { namedConditions: { groot: { all: [aFactCondition()] } } },
    );
    const text = renderExplanation(
      evaluate(ruleSet, { householdSize: 5 }, { peildatum: PEILDATUM, explain: true }).explanation!,
      'en',
    );
    expect(text).toContain("Condition 'groot': met (see above).");
    expect(text.match(/Household size/g)).toHaveLength(1);
  });
});
