import { randomFacts, randomRuleSet } from '../support/random-rule-set';
import { Random } from '../support/random';
import { bothPaths, compiledOutcome, referenceOutcome } from '../support/compare-with-reference';

// json-rules-engine is the reference: the compiler must give the same events (exact order across
// priorities, as a multiset within one), the same rule results and the same condition results,
// short-circuit skips included. Replay a failure with RULES_DIFF_SEED=<seed>.
const SEED = Number(process.env.RULES_DIFF_SEED ?? 20260115);
const RULE_SETS = 2_000;
const FACTS_PER_RULE_SET = 5;

describe('compiled rule sets against json-rules-engine', () => {
  it(`agree on ${RULE_SETS * FACTS_PER_RULE_SET} generated cases (seed ${SEED})`, async () => {
    const r = new Random(SEED);
    const differences: string[] = [];
    let threw = 0;
    let fired = 0;
    for (let i = 0; i < RULE_SETS && differences.length < 3; i++) {
      const ruleSet = randomRuleSet(r);
      const allowUndefinedFacts = r.chance(0.9);
      const peildatum = r.pick(['2026-01-15', '2026-03-01']);
      const paths = bothPaths(ruleSet, peildatum, allowUndefinedFacts);
      for (let j = 0; j < FACTS_PER_RULE_SET; j++) {
        const facts = randomFacts(r);
        const expected = await referenceOutcome(paths.reference(), facts);
        const actual = compiledOutcome(paths.compiled, facts, peildatum);
        if (expected.error) {
          threw++;
          paths.renew();
        }
        fired += expected.events.flat().length;
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          differences.push(
            JSON.stringify({ i, j, allowUndefinedFacts, peildatum, ruleSet, facts, expected, actual }, null, 1),
          );
        }
      }
    }
    expect(differences).toEqual([]);
    // The generator must actually reach the interesting paths, or agreement proves little.
    expect(threw).toBeGreaterThan(20);
    expect(fired).toBeGreaterThan(2_000);
  });
});
