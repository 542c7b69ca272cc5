import { Engine, type RuleResult } from 'json-rules-engine';
import { deepCopy } from './compiler/deep-freeze';
import { toEngineRules } from './engine-rules';
import { deriveFacts, type Facts } from './facts/derive-facts';
import { factCatalogFor } from './facts/fact-catalogs';
import { customOperatorNames, operators } from './operators/operators';
import type { RuleEvent, RuleSet } from './rule-set-schema';

export interface ReferenceOptions {
  peildatum: string;
  allowUndefinedFacts?: boolean;
}

export interface ReferenceRun {
  events: RuleEvent[];
  /** json-rules-engine's own rule results, success and failure, in the order the rules finished. */
  results: RuleResult[];
}

/**
 * json-rules-engine itself, set up the way the compiler reads a rule set: the reference semantics
 * for differential tests, benchmarks and anyone who wants to double-check a decision. Async and
 * slow; not for bulk work. Kept out of index.ts so browser bundles do not pull it in.
 */
export function createReferenceEngine(
  ruleSet: RuleSet,
  options: ReferenceOptions,
): { run(facts: Readonly<Facts>): Promise<ReferenceRun> } {
  const { rules, conditions } = toEngineRules(ruleSet);
  const engine = new Engine(deepCopy(rules), {
    allowUndefinedFacts: options.allowUndefinedFacts ?? true,
  });
  for (const [name, c] of Object.entries(deepCopy(conditions))) engine.setCondition(name, c);
  const context = { peildatum: options.peildatum };
  for (const name of customOperatorNames) {
    const spec = operators[name];
    engine.addOperator(name, (a: unknown, b: unknown) => spec.evaluate(a, b, context));
  }
  const catalog = factCatalogFor(ruleSet.kind);
  return {
    async run(facts) {
      const { events, results, failureResults } = await engine.run(deriveFacts(catalog, facts, options.peildatum));
      return { events: events, results: [...results, ...failureResults] };
    },
  };
}
