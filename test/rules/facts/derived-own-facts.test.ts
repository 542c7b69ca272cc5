import { assessCase } from '../../../rules/assess-case';
import { evaluate } from '../../../rules/evaluate';
import { renderExplanation } from '../../../rules/explanation/render-explanation';
import { catalogOf } from '../../../rules/facts/catalog-of';
import { MAX_DERIVATION_DEPTH } from '../../../rules/facts/derivation';
import { deriveFacts } from '../../../rules/facts/derive-facts';
import { validateFacts } from '../../../rules/facts/facts-schema';
import { neededFacts } from '../../../rules/needed-facts';
import type { Condition } from '../../../rules/condition-schema';
import type { MunicipalityFact, RuleSet } from '../../../rules/rule-set-schema';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aRuleSet, aRuleWith, PEILDATUM } from '../support/factories';

// A municipality's own facts that are derived: stated declaratively in the rule set's `facts`
// (years/weeks/days since a date, sum, difference, lookup), validated, computed before evaluation,
// and explained in words.

const text = (nl: string, en = nl) => ({ nl, en });
const fact = (overrides: Partial<MunicipalityFact>): MunicipalityFact => ({
  type: 'integer',
  label: text('Feit', 'Fact'),
  description: text('Een feit.', 'A fact.'),
  ...overrides,
});

const geboortedatumPartner = fact({ type: 'date', label: text('Geboortedatum partner', 'Partner’s date of birth') });
const leeftijdPartner = fact({
  unit: 'jaar',
  label: text('Leeftijd partner', 'Partner’s age'),
  derivation: { op: 'years-since', fact: 'geboortedatumPartner' },
});
const inkomenPartner = fact({ type: 'number', unit: 'EUR/jaar', label: text('Inkomen partner', 'Partner’s income') });
const totaalInkomen = fact({
  type: 'number',
  unit: 'EUR/jaar',
  label: text('Gezamenlijk inkomen', 'Joint income'),
  derivation: { op: 'sum', facts: ['annualIncome', 'inkomenPartner'] },
});
const woonpunten = fact({
  unit: 'punten',
  label: text('Woonpunten', 'Housing points'),
  derivation: { op: 'lookup', fact: 'currentHousing', table: { azc: 5, hotel: 4, dakloos: 8 }, default: 0 },
});

function ruleSet(facts: Record<string, MunicipalityFact>, condition: Condition): RuleSet {
  return aRuleSet({ facts, rules: [aRuleWith({ all: [condition] }, { name: 'eigen', title: 'Eigen regel' })] });
}
const codes = (rs: unknown) => validateRuleSet(rs).errors.map((e) => [e.code, e.path]);

describe('derived own facts: computed before evaluation', () => {
  it('years-since: whole years from a date fact to the peildatum, as birthdays count', () => {
    const rs = ruleSet(
      { geboortedatumPartner, leeftijdPartner },
      { fact: 'leeftijdPartner', operator: 'greaterThanInclusive', value: 18 },
    );
    expect(validateRuleSet(rs)).toMatchObject({ valid: true, errors: [] });
    // PEILDATUM is 2026-02-01: born 2008-02-01 is 18 that day, born 2008-02-02 is not yet.
    expect(evaluate(rs, { geboortedatumPartner: '2008-02-01' }, { peildatum: PEILDATUM }).events).toHaveLength(1);
    expect(evaluate(rs, { geboortedatumPartner: '2008-02-02' }, { peildatum: PEILDATUM }).events).toHaveLength(0);
  });

  it('weeks-since and days-since count whole weeks and days', () => {
    const since = fact({ type: 'date', label: text('Datum melding', 'Date of report') });
    const catalog = catalogOf(
      aRuleSet({
        facts: {
          melding: since,
          weken: fact({ unit: 'weken', derivation: { op: 'weeks-since', fact: 'melding' } }),
          dagen: fact({ unit: 'dagen', derivation: { op: 'days-since', fact: 'melding' } }),
        },
      }),
    );
    expect(deriveFacts(catalog, { melding: '2026-01-01' }, PEILDATUM)).toMatchObject({ weken: 4, dagen: 31 });
  });

  it('sum and difference of numbers, with the unit of their inputs', () => {
    const rs = ruleSet(
      {
        inkomenPartner,
        totaalInkomen,
        ruimte: fact({
          type: 'number',
          unit: 'EUR/jaar',
          derivation: { op: 'difference', facts: ['grossAnnualIncome', 'annualIncome'] },
        }),
      },
      { fact: 'totaalInkomen', operator: 'lessThanInclusive', value: 51537 },
    );
    expect(validateRuleSet(rs).errors).toEqual([]);
    const derived = deriveFacts(
      catalogOf(rs),
      { annualIncome: 30000.1, inkomenPartner: 20000.2, grossAnnualIncome: 40000 },
      PEILDATUM,
    );
    expect(derived).toMatchObject({ totaalInkomen: 50000.3, ruimte: 9999.9 });
    expect(evaluate(rs, { annualIncome: 30000, inkomenPartner: 21538 }, { peildatum: PEILDATUM }).events).toEqual([]);
    expect(evaluate(rs, { annualIncome: 30000, inkomenPartner: 21537 }, { peildatum: PEILDATUM }).events).toHaveLength(
      1,
    );
  });

  it('lookup: the table’s value for the input, the default for values it does not list', () => {
    const rs = ruleSet({ woonpunten }, { fact: 'woonpunten', operator: 'greaterThanInclusive', value: 5 });
    expect(validateRuleSet(rs).errors).toEqual([]);
    const points = (currentHousing: string) => deriveFacts(catalogOf(rs), { currentHousing }, PEILDATUM).woonpunten;
    expect([points('azc'), points('dakloos'), points('zelfstandig')]).toEqual([5, 8, 0]);
  });

  it('a derived fact may build on a derived fact, built-in ones included (age), computed in order', () => {
    const rs = ruleSet(
      {
        geboortedatumPartner,
        leeftijdPartner,
        leeftijden: fact({ unit: 'jaar', derivation: { op: 'sum', facts: ['age', 'leeftijdPartner'] } }),
      },
      { fact: 'leeftijden', operator: 'greaterThanInclusive', value: 100 },
    );
    expect(validateRuleSet(rs).errors).toEqual([]);
    const facts = { dateOfBirth: '1966-01-01', geboortedatumPartner: '1970-01-01' };
    expect(deriveFacts(catalogOf(rs), facts, PEILDATUM)).toMatchObject({
      age: 60,
      leeftijdPartner: 56,
      leeftijden: 116,
    });
    // A case supplies the inputs underneath: needed facts name them, never the derived facts.
    expect(neededFacts(rs)).toEqual(['dateOfBirth', 'geboortedatumPartner']);
  });

  it('a missing input leaves it unknown: onvolledig, asking for the input; supplying it yourself is refused', () => {
    const rs = ruleSet({ inkomenPartner, totaalInkomen }, { fact: 'totaalInkomen', operator: 'lessThan', value: 1 });
    const assessment = assessCase(rs, { annualIncome: 10 }, { peildatum: PEILDATUM });
    expect(assessment.status).toBe('incomplete');
    expect(assessment.status === 'incomplete' && assessment.missingFacts.map((m) => m.name)).toEqual([
      'inkomenPartner',
    ]);
    expect(validateFacts(catalogOf(rs), { totaalInkomen: 5 }).errors.map((i) => i.code)).toContain(
      'derived-fact-supplied',
    );
  });
});

describe('derived own facts: explained in Dutch (and English)', () => {
  it('the explanation says how the value was computed, by labels', () => {
    const rs = ruleSet(
      { inkomenPartner, totaalInkomen },
      { fact: 'totaalInkomen', operator: 'lessThanInclusive', value: 51537 },
    );
    const result = evaluate(
      rs,
      { annualIncome: 30000, inkomenPartner: 20000 },
      { peildatum: PEILDATUM, explain: true },
    );
    expect(renderExplanation(result.explanation!, 'nl')).toContain(
      "Gezamenlijk inkomen (berekend: de som van 'Huishoudinkomen' en 'Inkomen partner') is € 50.000 per jaar; vereist is",
    );
    // The facts it was computed from are among the facts used, so the sum can be checked.
    expect(result.explanation?.facts).toEqual({ totaalInkomen: 50000, annualIncome: 30000, inkomenPartner: 20000 });
    expect(renderExplanation(result.explanation!, 'en')).toContain(
      "Joint income (computed: the sum of 'Household income' and 'Partner’s income') is",
    );
  });

  it('dates and lookups read in words, option labels instead of values', () => {
    const rs = ruleSet(
      { geboortedatumPartner, leeftijdPartner, woonpunten },
      {
        all: [
          { fact: 'leeftijdPartner', operator: 'greaterThanInclusive', value: 18 },
          { fact: 'woonpunten', operator: 'greaterThan', value: 1 },
        ],
      },
    );
    const result = evaluate(
      rs,
      { geboortedatumPartner: '1990-05-05', currentHousing: 'hotel' },
      { peildatum: PEILDATUM, explain: true },
    );
    const nl = renderExplanation(result.explanation!, 'nl');
    expect(nl).toContain(
      "Leeftijd partner (berekend: het aantal hele jaren van 'Geboortedatum partner' tot de peildatum) is 35 jaar",
    );
    expect(nl).toContain(
      "Woonpunten (berekend: opgezocht bij 'Huidige woonsituatie' (azc → 5; hotel (nareizigers) → 4; dakloos → 8; anders 0)) is 4 punten",
    );
  });
});

describe('derived own facts: validation', () => {
  it('an input that is no fact is unknown-fact, at the input', () => {
    const rs = ruleSet(
      { totaalInkomen: { ...totaalInkomen, derivation: { op: 'sum', facts: ['annualIncome', 'bestaatNiet'] } } },
      { fact: 'totaalInkomen', operator: 'lessThan', value: 1 },
    );
    expect(codes(rs)).toContainEqual(['unknown-fact', '/facts/totaalInkomen/derivation/facts/1']);
  });

  it('inputs and results of the wrong type are derivation-type-mismatch; units must agree', () => {
    const rs = ruleSet(
      {
        a: fact({ derivation: { op: 'years-since', fact: 'householdSize' } }),
        b: fact({ type: 'string', derivation: { op: 'sum', facts: ['householdSize', 'numberOfChildren'] } }),
        c: fact({
          type: 'number',
          unit: 'EUR/jaar',
          derivation: { op: 'sum', facts: ['annualIncome', 'householdSize'] },
        }),
        d: fact({ derivation: { op: 'lookup', fact: 'currentHousing', table: { azc: 'veel', paleis: 1 } } }),
        e: fact({ unit: 'weken', derivation: { op: 'years-since', fact: 'dateOfBirth' } }),
      },
      { fact: 'a', operator: 'equal', value: 1 },
    );
    expect(codes(rs)).toEqual(
      expect.arrayContaining([
        ['derivation-type-mismatch', '/facts/a/derivation/fact'],
        ['derivation-type-mismatch', '/facts/b/derivation/op'],
        ['unit-mismatch', '/facts/c/derivation/facts/1'],
        ['derivation-type-mismatch', '/facts/d/derivation/table/azc'],
        ['value-not-allowed', '/facts/d/derivation/table/paleis'],
        ['unit-mismatch', '/facts/e/unit'],
      ]),
    );
  });

  it('a cycle is derivation-cycle for every fact on it, and computes nothing', () => {
    const rs = ruleSet(
      {
        x: fact({ derivation: { op: 'sum', facts: ['y', 'householdSize'] }, unit: 'personen' }),
        y: fact({ derivation: { op: 'sum', facts: ['x', 'householdSize'] }, unit: 'personen' }),
      },
      { fact: 'x', operator: 'equal', value: 1 },
    );
    expect(codes(rs)).toEqual(
      expect.arrayContaining([
        ['derivation-cycle', '/facts/x/derivation'],
        ['derivation-cycle', '/facts/y/derivation'],
      ]),
    );
    expect(deriveFacts(catalogOf(rs), { householdSize: 2 }, PEILDATUM).x).toBeUndefined();
  });

  it(`a chain deeper than ${MAX_DERIVATION_DEPTH} is derivation-too-deep and computes nothing`, () => {
    const facts: Record<string, MunicipalityFact> = {};
    for (let i = 0; i <= MAX_DERIVATION_DEPTH + 1; i++)
      facts[`f${i}`] = fact({
        unit: 'personen',
        derivation: { op: 'sum', facts: [i === 0 ? 'householdSize' : `f${i - 1}`, 'householdSize'] },
      });
    const last = `f${MAX_DERIVATION_DEPTH + 1}`;
    const rs = ruleSet(facts, { fact: last, operator: 'equal', value: 1 });
    expect(codes(rs)).toContainEqual(['derivation-too-deep', `/facts/${last}/derivation`]);
    expect(codes(rs)).not.toContainEqual(['derivation-too-deep', `/facts/f${MAX_DERIVATION_DEPTH - 1}/derivation`]);
    const derived = deriveFacts(catalogOf(rs), { householdSize: 1 }, PEILDATUM);
    expect(derived.f0).toBe(2);
    expect(derived[last]).toBeUndefined();
  });

  it('no code in JSON: the schema refuses an unknown op or a property it does not know', () => {
    const rs = ruleSet(
      { x: fact({ derivation: { op: 'eval', code: 'process.exit()' } as never }) },
      { fact: 'householdSize', operator: 'equal', value: 1 },
    );
    expect(validateRuleSet(rs).valid).toBe(false);
  });

  it('a wide fan-in over a long chain computes once per fact (linear), not once per path', () => {
    const facts: Record<string, MunicipalityFact> = {};
    for (let i = 0; i < MAX_DERIVATION_DEPTH; i++) {
      const inputs = i === 0 ? ['householdSize', 'householdSize'] : Array.from({ length: 20 }, () => `f${i - 1}`);
      facts[`f${i}`] = fact({ type: 'number', unit: 'personen', derivation: { op: 'sum', facts: inputs } });
    }
    const rs = aRuleSet({ facts });
    const started = performance.now();
    const derived = deriveFacts(catalogOf(rs), { householdSize: 1 }, PEILDATUM);
    expect(derived[`f${MAX_DERIVATION_DEPTH - 1}`]).toBe(2 * 20 ** (MAX_DERIVATION_DEPTH - 1));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
