import { assessCase } from '../../../rules/assess-case';
import { evaluate } from '../../../rules/evaluate';
import { renderExplanation } from '../../../rules/explanation/render-explanation';
import { catalogOf } from '../../../rules/facts/catalog-of';
import { factCatalogFor } from '../../../rules/facts/fact-catalogs';
import { InvalidFactsError } from '../../../rules/facts/invalid-facts-error';
import { neededFacts } from '../../../rules/needed-facts';
import type { MunicipalityFact, RuleSet } from '../../../rules/rule-set-schema';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aRuleSet, aRuleWith, PEILDATUM } from '../support/factories';

const score: MunicipalityFact = {
  type: 'integer',
  minimum: 0,
  maximum: 10,
  unit: 'punten',
  label: { nl: 'Hulpbehoevendheidsscore', en: 'Dependency score' },
  description: {
    nl: 'Score van de indicatiesteller, 0 (zelfredzaam) tot 10.',
    en: "The assessor's score, 0 (self-reliant) to 10.",
  },
  source: { nl: 'advies GGD-arts', en: 'advice of the GGD doctor' },
};
const advies: MunicipalityFact = {
  type: 'enum',
  label: { nl: 'Advies wijkteam', en: 'Neighbourhood team advice' },
  description: { nl: 'Advies van het wijkteam over de urgentie.', en: "The neighbourhood team's advice on urgency." },
  options: [
    { value: 'urgent', label: { nl: 'urgent', en: 'urgent' } },
    { value: 'niet-urgent', label: { nl: 'niet urgent', en: 'not urgent' } },
  ],
  mayBeUnknown: true,
};

/** A rule set with its own fact: priority from a dependency score of 7 or more. */
function withOwnFact(
  facts: Record<string, MunicipalityFact> = { hulpbehoevendheidsscore: score },
  value: unknown = 7,
  operator = 'greaterThanInclusive',
): RuleSet {
  return aRuleSet({
    facts,
    rules: [
      aRuleWith(
        { all: [{ fact: 'hulpbehoevendheidsscore', operator, value: value as number }] },
        { name: 'zorg', title: 'Zorgurgentie' },
      ),
    ],
  });
}
const codes = (rs: unknown) => validateRuleSet(rs).errors.map((e) => [e.code, e.path]);

describe("a rule set's own facts", () => {
  it('validates, and its effective catalog is the built-in one extended by its own facts', () => {
    const rs = withOwnFact();
    expect(validateRuleSet(rs)).toMatchObject({ valid: true, errors: [] });
    const catalog = catalogOf(rs);
    expect(catalog.facts.hulpbehoevendheidsscore?.label.nl).toBe('Hulpbehoevendheidsscore');
    expect(catalog.facts.householdSize).toBe(factCatalogFor('housing-priority').facts.householdSize);
    expect(Object.keys(catalog.facts).at(-1)).toBe('hulpbehoevendheidsscore');
    expect(catalogOf(aRuleSet())).toBe(factCatalogFor('housing-priority'));
    expect(catalogOf(rs)).toBe(catalog);
  });

  it('evaluates on it and explains it by its label, with its unit', () => {
    const rs = withOwnFact();
    const result = evaluate(rs, { hulpbehoevendheidsscore: 8 }, { peildatum: PEILDATUM, explain: true });
    expect(result.events.map((e) => e.type)).toEqual(['priority']);
    const text = renderExplanation(result.explanation!, 'nl');
    expect(text).toContain('Hulpbehoevendheidsscore is 8 punten; vereist is minstens 7 punten: voldaan.');
    expect(renderExplanation(result.explanation!, 'en')).toContain('Dependency score is 8 points');
    expect(evaluate(rs, { hulpbehoevendheidsscore: 6 }, { peildatum: PEILDATUM }).events).toEqual([]);
  });

  it('explains an enum of its own by the option label, also after the rule set changed (the explanation keeps the definitions)', () => {
    const rs = aRuleSet({
      facts: { adviesWijkteam: advies },
      rules: [aRuleWith({ all: [{ fact: 'adviesWijkteam', operator: 'equal', value: 'urgent' }] })],
    });
    expect(validateRuleSet(rs).errors).toEqual([]);
    const { explanation } = evaluate(rs, { adviesWijkteam: 'niet-urgent' }, { peildatum: PEILDATUM, explain: true });
    const stored = JSON.parse(JSON.stringify(explanation));
    expect(renderExplanation(stored, 'nl')).toContain(
      'Advies wijkteam is niet urgent; vereist is urgent: niet voldaan.',
    );
  });

  it('validates facts against it: wrong type, out of range, and still unknown names', () => {
    const rs = withOwnFact();
    const issues = (facts: Record<string, unknown>) => {
      try {
        evaluate(rs, facts, { peildatum: PEILDATUM });
        return [];
      } catch (e) {
        return (e as InvalidFactsError).issues.map((i) => [i.code, i.path]);
      }
    };
    expect(issues({ hulpbehoevendheidsscore: '8' })).toEqual([['value-type-mismatch', '/hulpbehoevendheidsscore']]);
    expect(issues({ hulpbehoevendheidsscore: 11 })).toEqual([['value-out-of-range', '/hulpbehoevendheidsscore']]);
    expect(issues({ hulpbehoevendheidsscore: 7.5 })).toEqual([['value-type-mismatch', '/hulpbehoevendheidsscore']]);
    expect(issues({ schoenmaat: 43 })).toEqual([['unknown-fact', '/schoenmaat']]);
    // Without the definition the same fact is unknown: the catalog really comes from the rule set.
    expect(() => evaluate(aRuleSet(), { hulpbehoevendheidsscore: 8 }, { peildatum: PEILDATUM })).toThrow(
      InvalidFactsError,
    );
  });

  it('is onvolledig while a needed fact of its own is unknown, and not when it may be unknown', () => {
    const rs = withOwnFact();
    const result = assessCase(rs, { householdSize: 4 }, { peildatum: PEILDATUM });
    expect(result).toMatchObject({ status: 'incomplete', events: [] });
    if (result.status !== 'incomplete') throw new Error('expected incomplete');
    expect(result.missingFacts).toEqual([
      { name: 'hulpbehoevendheidsscore', label: score.label, type: 'integer', unit: 'punten' },
    ]);
    expect(renderExplanation(result.explanation!, 'nl')).toMatch(
      /Hulpbehoevendheidsscore is onbekend; [^\n]*: onbekend\./,
    );
    expect(neededFacts(rs)).toEqual(['hulpbehoevendheidsscore']);

    const optional = withOwnFact({ hulpbehoevendheidsscore: { ...score, mayBeUnknown: true } });
    expect(assessCase(optional, {}, { peildatum: PEILDATUM })).toMatchObject({ status: 'complete', events: [] });
    expect(neededFacts(optional)).toEqual([]);
    expect(renderExplanation(assessCase(optional, {}, { peildatum: PEILDATUM }).explanation!, 'nl')).toContain(
      'onbekend, niet vastgesteld',
    );
  });

  it('checks conditions on it like on a built-in fact: operators by type, values by type and options', () => {
    expect(codes(withOwnFact(undefined, 7, 'contains'))).toEqual([
      ['operator-not-allowed', '/rules/0/conditions/all/0/operator'],
    ]);
    expect(codes(withOwnFact(undefined, 'zeven'))).toEqual([
      ['value-type-mismatch', '/rules/0/conditions/all/0/value'],
    ]);
    const enumRule = aRuleSet({
      facts: { adviesWijkteam: advies },
      rules: [aRuleWith({ all: [{ fact: 'adviesWijkteam', operator: 'in', value: ['urgent', 'spoed'] }] })],
    });
    expect(codes(enumRule)).toEqual([['value-not-allowed', '/rules/0/conditions/all/0/value']]);
    const withParam = withOwnFact();
    withParam.parameters = {
      ...withParam.parameters,
      drempel: { type: 'integer', value: 7, unit: 'jaar', label: { nl: 'Drempel', en: 'Threshold' } },
    };
    withParam.rules[0]!.conditions = {
      all: [{ fact: 'hulpbehoevendheidsscore', operator: 'greaterThanInclusive', value: { param: 'drempel' } }],
    };
    expect(codes(withParam)).toEqual([['unit-mismatch', '/rules/0/conditions/all/0/value/param']]);
  });

  it('refuses a fact that redefines a built-in one, with its path', () => {
    const rs = withOwnFact({ hulpbehoevendheidsscore: score, householdSize: { ...score } });
    expect(codes(rs)).toEqual([['fact-redefined', '/facts/householdSize']]);
    // The built-in definition stays in force for the rules.
    expect(catalogOf(rs).facts.householdSize?.label.nl).toBe('Huishoudgrootte');
  });

  it('refuses definitions a form or explanation cannot use', () => {
    const bad = (fact: Partial<MunicipalityFact> & Record<string, unknown>) =>
      codes(withOwnFact({ hulpbehoevendheidsscore: score, extra: { ...score, ...fact } }));
    expect(bad({ type: 'enum', minimum: undefined, maximum: undefined, unit: undefined })).toEqual([
      ['missing-options', '/facts/extra/options'],
    ]);
    expect(bad({ minimum: 5, maximum: 2 })).toEqual([['invalid-range', '/facts/extra/maximum']]);
    expect(bad({ minimum: 0.5 })).toEqual([['invalid-range', '/facts/extra/minimum']]);
    expect(bad({ unit: 'kilo' })).toEqual([['unknown-unit', '/facts/extra/unit']]);
    expect(bad({ type: 'boolean', minimum: undefined, maximum: undefined, unit: 'punten' })).toEqual([
      ['not-numeric', '/facts/extra/unit'],
    ]);
    expect(bad({ options: advies.options })).toEqual([['options-not-allowed', '/facts/extra/options']]);
    expect(
      bad({
        type: 'enum',
        minimum: undefined,
        maximum: undefined,
        unit: undefined,
        options: [advies.options![0]!, advies.options![0]!],
      }),
    ).toEqual([['duplicate-option', '/facts/extra/options/1/value']]);
    expect(bad({ type: 'decimal' as never })).toEqual([['invalid-value', '/facts/extra/type']]);
    expect(bad({ label: { nl: 'Alleen Nederlands' } as never })).toEqual([
      ['missing-property', '/facts/extra/label/en'],
    ]);
    expect(bad({ aliases: ['x'] })).toEqual([['unknown-property', '/facts/extra/aliases']]);
  });

  it('refuses bad names: the parameter pattern, and __proto__/constructor/prototype before anything else runs', () => {
    expect(codes(withOwnFact({ '1score': score }))).toEqual([['invalid-name', '/facts/1score']]);
    expect(codes(withOwnFact({ 'a/b': score }))).toEqual([['invalid-name', '/facts/a~1b']]);
    for (const name of ['constructor', 'prototype']) {
      expect(codes(withOwnFact({ [name]: score }))).toEqual([['forbidden-key', `/facts/${name}`]]);
    }
    const proto = JSON.parse(`{"__proto__": ${JSON.stringify(score)}}`) as Record<string, MunicipalityFact>;
    expect(codes(withOwnFact(proto))).toEqual([['forbidden-key', '/facts/__proto__']]);
  });

  it('bounds the section in the limits pre-pass: number of facts and options', () => {
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`feit${i}`, score]));
    expect(codes(withOwnFact(many))).toEqual([['too-many-facts', '/facts']]);
    const options = Array.from({ length: 501 }, (_, i) => ({ value: `o${i}`, label: { nl: `o${i}`, en: `o${i}` } }));
    expect(codes(withOwnFact({ keuze: { ...advies, options } }))).toEqual([
      ['too-many-options', '/facts/keuze/options'],
    ]);
  });
});
