import { isIsoDate } from '../dates';
import type { Explanation, RuleExplanation } from '../explanation/explanation';
import { computeDerivedFacts, derivedFactNames, type Facts } from '../facts/derive-facts';
import { factCatalogFor } from '../facts/fact-catalogs';
import { pointer } from '../json-pointer';
import type { RuleEvent, RuleSet } from '../rule-set-schema';
import { RulesError } from '../rules-error';
import { assertValidRuleSet } from '../validation/assert-valid-rule-set';
import type { CompiledCondition, EvaluationContext } from './compiled-condition';
import { compileRootCondition } from './compile-condition';
import type { CompilerScope } from './compiler-scope';
import { deepCopy, deepFreeze } from './deep-freeze';
import { rulePriority } from './priority-key';

export interface CompileOptions {
  /** Default true: a missing fact is "unknown" and fails most conditions; false makes it an error, as in json-rules-engine. */
  allowUndefinedFacts?: boolean;
  /** For rule sets that are checked elsewhere, or raw json-rules-engine rules in tests. */
  skipValidation?: boolean;
}

export interface EvaluateOptions {
  /** The reference date the case is judged on (YYYY-MM-DD); derived facts and date operators count from it. */
  peildatum: string;
  explain?: boolean;
}

/** Plain JSON: events in evaluation order, and the explanation when asked for. */
export interface EvaluationResult {
  events: RuleEvent[];
  explanation?: Explanation;
}

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  evaluate(facts: Readonly<Facts>, options: EvaluateOptions): EvaluationResult;
}

interface CompiledRule {
  name: string;
  title: string;
  legalBasis: string;
  priority: number;
  event: RuleEvent;
  condition: CompiledCondition;
}

const NO_FACTS: Facts = Object.freeze({});
let evaluations = 0;

function invalidPeildatum(peildatum: unknown): RulesError {
  return new RulesError('invalid-peildatum', {
    nl: `Peildatum '${String(peildatum)}' is geen geldige datum (JJJJ-MM-DD).`,
    en: `Peildatum '${String(peildatum)}' is not a valid date (YYYY-MM-DD).`,
  });
}

/**
 * Turns a rule set into synchronous functions with json-rules-engine's results. Our one defined
 * difference: rules of equal priority report their events in declaration order (json-rules-engine
 * reports them in the order their promises happen to finish).
 */
export function compileRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet {
  if (!options.skipValidation) assertValidRuleSet(ruleSet);
  const catalog = factCatalogFor(ruleSet.kind);
  const scope: CompilerScope = {
    parameters: ruleSet.parameters ?? {},
    namedConditions: ruleSet.namedConditions ?? {},
    strict: options.allowUndefinedFacts === false,
    compiledNamed: new Map(),
    resolving: new Set(),
    usedFacts: new Set(),
    derived: new Set(derivedFactNames(catalog)),
  };
  const compiled: CompiledRule[] = [];
  ruleSet.rules.forEach((rule, i) => {
    if (rule.enabled === false) return;
    const priority = rulePriority(rule.priority);
    if (!(priority > 0)) {
      throw new RulesError('invalid-priority', { nl: 'Prioriteit moet groter dan nul zijn.', en: 'Priority must be greater than zero' }, pointer('rules', i, 'priority'));
    }
    const event: RuleEvent = rule.event.params ? { type: rule.event.type, params: deepFreeze(deepCopy(rule.event.params)) } : { type: rule.event.type };
    compiled.push({
      name: rule.name, title: rule.title, legalBasis: rule.legalBasis, priority, event,
      condition: compileRootCondition(rule.conditions, pointer('rules', i, 'conditions'), scope),
    });
  });
  // Stable sort: declaration order within one priority is our documented order.
  compiled.sort((a, b) => b.priority - a.priority);

  const derived = derivedFactNames(catalog).filter((name) => scope.usedFacts.has(name));
  const usedFacts = [...scope.usedFacts];
  const tests = compiled.map((r) => r.condition.test);
  const events = compiled.map((r) => r.event);
  const identity = { id: ruleSet.id, tenant: ruleSet.tenant, kind: ruleSet.kind, version: ruleSet.version, effectiveFrom: ruleSet.effectiveFrom };
  let checkedPeildatum = '';

  function explainAll(facts: Facts, context: EvaluationContext): EvaluationResult {
    const fired: RuleEvent[] = [];
    const rules: RuleExplanation[] = compiled.map((rule) => {
      const conditions = rule.condition.explain(facts, context);
      const ok = conditions.status === 'held';
      if (ok) fired.push({ ...rule.event });
      return { name: rule.name, title: rule.title, legalBasis: rule.legalBasis, priority: rule.priority, fired: ok, event: rule.event, conditions };
    });
    const used: Record<string, unknown> = {};
    for (const name of usedFacts) {
      const source = scope.derived.has(name) ? context.derived : facts;
      if (Object.prototype.hasOwnProperty.call(source, name)) used[name] = source[name];
    }
    return { events: fired, explanation: { ruleSet: identity, peildatum: context.peildatum, facts: used, rules } };
  }

  return {
    ruleSet,
    evaluate(input, { peildatum, explain }) {
      if (peildatum !== checkedPeildatum) {
        if (!isIsoDate(peildatum)) throw invalidPeildatum(peildatum);
        checkedPeildatum = peildatum;
      }
      const facts = input as Facts;
      evaluations = (evaluations + 1) % Number.MAX_SAFE_INTEGER;
      const context: EvaluationContext = { peildatum, id: evaluations, derived: derived.length > 0 ? computeDerivedFacts(catalog, facts, peildatum, derived) : NO_FACTS };
      if (explain) return explainAll(facts, context);
      const fired: RuleEvent[] = [];
      for (let i = 0; i < tests.length; i++) {
        if ((tests[i] as CompiledCondition['test'])(facts, context)) fired.push({ ...(events[i] as RuleEvent) });
      }
      return { events: fired };
    },
  };
}
