import { deriveFacts } from '../../../rules/facts/derive-facts';
import { factCatalogs } from '../../../rules/facts/fact-catalogs';
import { coerceFactValue, factsJsonSchema, validateFacts } from '../../../rules/facts/facts-schema';
import { RULE_SET_KINDS } from '../../../rules/rule-set-kinds';
import { UNITS } from '../../../rules/facts/units';

const catalog = factCatalogs['housing-priority'];

describe('fact catalogs', () => {
  it('has a catalog for every kind, with labels in both languages and known units', () => {
    for (const kind of RULE_SET_KINDS) {
      for (const [name, fact] of Object.entries(factCatalogs[kind].facts)) {
        expect([name, fact.label.nl.length > 0, fact.label.en.length > 0, fact.description.nl.length > 0]).toEqual([
          name,
          true,
          true,
          true,
        ]);
        if (fact.unit) expect(Object.keys(UNITS)).toContain(fact.unit);
      }
    }
  });

  it('derives age and weeks since koppeling from base facts and the peildatum', () => {
    const derived = deriveFacts(
      catalog,
      { dateOfBirth: '2008-02-01', koppelingDate: '2025-11-09', permitDate: '2025-10-01' },
      '2026-02-01',
    );
    expect(derived).toMatchObject({ age: 18, weeksSinceKoppeling: 12, weeksSincePermit: 17 });
    expect(deriveFacts(catalog, { dateOfBirth: '2008-02-02' }, '2026-02-01').age).toBe(17);
  });

  it('leaves a derived fact unknown when its input is missing, and ignores a supplied value', () => {
    expect(deriveFacts(catalog, { weeksSinceKoppeling: 50 }, '2026-02-01')).toEqual({});
  });

  it('reports unknown facts, supplied derived facts and wrong types', () => {
    const { errors } = validateFacts(catalog, {
      householdSize: 2.5,
      schoenmaat: 43,
      age: 30,
      permitType: 'asylum',
      koppelingDate: '2025-02-30',
    });
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['value-type-mismatch', '/householdSize'],
      ['unknown-fact', '/schoenmaat'],
      ['derived-fact-supplied', '/age'],
      ['value-type-mismatch', '/permitType'],
      ['value-type-mismatch', '/koppelingDate'],
    ]);
  });

  it('offers the input facts as JSON Schema, derived facts left out', () => {
    const schema = factsJsonSchema(catalog) as { properties: Record<string, { enum?: string[] }> };
    expect(schema.properties).toHaveProperty('koppelingDate');
    expect(schema.properties).not.toHaveProperty('weeksSinceKoppeling');
    expect(schema.properties.permitType?.enum).toContain('nareis');
  });

  it('coerces CSV cells by the fact type', () => {
    expect(coerceFactValue(catalog.facts.annualIncome, '30000,50')).toBe(30000.5);
    expect(coerceFactValue(catalog.facts.medicalUrgency, 'ja')).toBe(true);
    expect(coerceFactValue(catalog.facts.rentArrears, 'false')).toBe(false);
    expect(coerceFactValue(catalog.facts.koppelingDate, '2025-10-01')).toBe('2025-10-01');
    expect(coerceFactValue(catalog.facts.householdSize, '')).toBeUndefined();
  });
});
