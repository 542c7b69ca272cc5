import { renameFact } from '../../../rules/facts/rename-fact';
import type { MunicipalityFact, RuleSet } from '../../../rules/rule-set-schema';
import { RulesError } from '../../../rules/rules-error';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aRuleSet, aRuleWith } from '../support/factories';

const score: MunicipalityFact = {
  type: 'integer',
  unit: 'punten',
  label: { nl: 'Score', en: 'Score' },
  description: { nl: 'Score.', en: 'Score.' },
};
const doubled: MunicipalityFact = {
  ...score,
  label: { nl: 'Dubbele score', en: 'Double score' },
  derivation: { op: 'sum', facts: ['score', 'score'] },
};

function ruleSet(): RuleSet {
  return aRuleSet({
    facts: { eerste: { ...score, label: { nl: 'Eerste', en: 'First' } }, score, dubbel: doubled },
    namedConditions: {
      hoog: { all: [{ fact: 'score', operator: 'greaterThan', value: 5 }] },
      anders: { all: [{ fact: 'householdSize', operator: 'greaterThan', value: 1 }] },
    },
    rules: [
      aRuleWith(
        {
          any: [
            { condition: 'hoog' },
            {
              not: {
                all: [
                  { fact: 'score', operator: 'lessThan', value: 2 },
                  { fact: 'eerste', operator: 'equal', value: 1 },
                ],
              },
            },
          ],
        },
        { name: 'a' },
      ),
      aRuleWith({ all: [{ fact: 'householdSize', operator: 'greaterThan', value: 2 }] }, { name: 'b' }),
    ],
  });
}

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof RulesError ? [e.code, e.path] : ['not coded', String(e)];
  }
  return undefined;
};

describe('renameFact', () => {
  it('renames the fact and every use: conditions in rules and named conditions, and derivation inputs', () => {
    const before = ruleSet();
    const copy = JSON.parse(JSON.stringify(before)) as RuleSet;
    const { ruleSet: after, uses, message } = renameFact(before, 'score', 'zorgscore');
    expect(uses).toBe(4);
    expect(message).toEqual({
      nl: "Hernoemd naar 'zorgscore'; 4 verwijzingen aangepast.",
      en: "Renamed to 'zorgscore'; 4 uses updated.",
    });
    expect(Object.keys(after.facts ?? {})).toEqual(['eerste', 'zorgscore', 'dubbel']);
    expect(after.facts?.dubbel?.derivation).toEqual({ op: 'sum', facts: ['zorgscore', 'zorgscore'] });
    expect(after.namedConditions?.hoog).toEqual({ all: [{ fact: 'zorgscore', operator: 'greaterThan', value: 5 }] });
    expect(JSON.stringify(after.rules[0]?.conditions)).not.toContain('"score"');
    expect(JSON.stringify(after.rules[0]?.conditions)).toContain('"eerste"');
    expect(validateRuleSet(after).errors).toEqual([]);
    // Pure: the rule set given is unchanged, parts without the fact are shared.
    expect(before).toEqual(copy);
    expect(after.rules[1]).toBe(before.rules[1]);
    expect(after.namedConditions?.anders).toBe(before.namedConditions?.anders);
  });

  it('the same name changes nothing', () => {
    const rs = ruleSet();
    expect(renameFact(rs, 'score', 'score')).toMatchObject({ ruleSet: rs, uses: 0 });
  });

  it('refuses with a code: not an own fact, an invalid or forbidden name, a built-in or existing fact, a name conditions already read', () => {
    const rs = ruleSet();
    expect(codeOf(() => renameFact(rs, 'householdSize', 'x'))).toEqual(['unknown-fact', '/facts/householdSize']);
    expect(codeOf(() => renameFact(rs, 'score', '1score'))).toEqual(['invalid-name', '/facts/score']);
    expect(codeOf(() => renameFact(rs, 'score', 'met spatie'))).toEqual(['invalid-name', '/facts/score']);
    expect(codeOf(() => renameFact(rs, 'score', 'constructor'))).toEqual(['invalid-name', '/facts/score']);
    expect(codeOf(() => renameFact(rs, 'score', 'age'))).toEqual(['fact-redefined', '/facts/score']);
    expect(codeOf(() => renameFact(rs, 'score', 'eerste'))).toEqual(['fact-exists', '/facts/score']);
    const dangling = {
      ...rs,
      rules: [...rs.rules, aRuleWith({ all: [{ fact: 'oud', operator: 'equal', value: 1 }] }, { name: 'c' })],
    };
    expect(codeOf(() => renameFact(dangling, 'score', 'oud'))).toEqual(['rename-target-in-use', '/facts/score']);
  });

  it('is linear: a condition tree 5,000 levels deep costs no stack', () => {
    let deep: any = { fact: 'score', operator: 'equal', value: 1 };
    for (let i = 0; i < 5000; i++) deep = { not: deep };
    const rs = { ...ruleSet(), rules: [aRuleWith({ all: [deep] }, { name: 'diep' })] };
    const { ruleSet: after, uses } = renameFact(rs, 'score', 'zorgscore');
    expect(uses).toBe(4); // the deep one, the named condition and the derivation's two inputs
    let node: any = (after.rules[0]?.conditions as any).all[0];
    while (node.not) node = node.not;
    expect(node.fact).toBe('zorgscore');
  });
});
