import { isIsoDate } from '../dates';
import type { Explanation, RuleExplanation } from '../explanation/explanation';
import { catalogOf } from '../facts/catalog-of';
import { computeDerivedFacts, derivedFactNames, type Facts } from '../facts/derive-facts';
import { pointer } from '../json-pointer';
import type { RuleEvent, RuleSet } from '../rule-set-schema';
import { RulesError } from '../rules-error';
import { assertValidRuleSet, InvalidRuleSetError } from '../validation/assert-valid-rule-set';
import { limitIssues } from '../validation/check-limits';
import type { CompiledCondition, EvaluationContext } from './compiled-condition';
import { compileRootCondition } from './compile-condition';
import type { CompilerScope } from './compiler-scope';
import { deepCopy, deepFreeze } from './deep-freeze';
import { rulePriority } from './priority-key';
import { asRulesError, expectObject, expectPriority, expectString, isObject, shapeError } from './raw-shape';

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
  // String() of an object without a usable toString throws; say what it is instead.
  const shown = typeof peildatum === 'string' ? peildatum.slice(0, 40) : typeof peildatum;
  return new RulesError('invalid-peildatum', {
    nl: `Peildatum '${shown}' is geen geldige datum (JJJJ-MM-DD).`,
    en: `Peildatum '${shown}' is not a valid date (YYYY-MM-DD).`,
  });
}

/**
 * Turns a rule set into synchronous functions with json-rules-engine's results. Our one defined
 * difference: rules of equal priority report their events in declaration order (json-rules-engine
 * reports them in the order their promises happen to finish).
 */
/**
 * Unvalidated input still passes the limits (depth, chains, counts, size) before anything recurses,
 * and the top-level shape the compiler relies on. Names and numbers are json-rules-engine's business
 * there: it accepts a fact called 'constructor' and an Infinity.
 */
function assertCompilable(input: unknown): asserts input is RuleSet {
  const issues = limitIssues(input, { names: false, numbers: false });
  if (issues.length > 0) throw new InvalidRuleSetError(issues);
  expectObject(input, '', { nl: 'Een regelset', en: 'A rule set' });
  expectString(input.kind, '/kind', { nl: 'De soort regelset', en: 'The rule-set kind' });
  if (!Array.isArray(input.rules))
    throw shapeError('/rules', { nl: 'De regels moeten een lijst zijn.', en: 'The rules must be a list.' });
  for (const key of ['parameters', 'namedConditions'] as const) {
    const value = input[key];
    if (value !== undefined) expectObject(value, `/${key}`, { nl: `'${key}'`, en: `'${key}'` });
  }
  for (const [name, parameter] of Object.entries((input.parameters ?? {}) as Record<string, unknown>)) {
    expectObject(parameter, pointer('parameters', name), { nl: 'Een parameter', en: 'A parameter' });
  }
}

function assertRuleShape(rule: unknown, i: number): void {
  const path = pointer('rules', i);
  expectObject(rule, path, { nl: 'Een regel', en: 'A rule' });
  expectObject(rule.event, path + '/event', { nl: 'De gebeurtenis van een regel', en: 'A rule event' });
  expectString(rule.event.type, path + '/event/type', { nl: 'Het type van een gebeurtenis', en: 'An event type' });
  if (rule.event.params !== undefined && !isObject(rule.event.params)) {
    throw shapeError(path + '/event/params', {
      nl: 'De params van een gebeurtenis moeten een object zijn.',
      en: 'Event params must be an object.',
    });
  }
  expectPriority(rule.priority, path + '/priority');
}

export function compileRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet {
  if (!options.skipValidation) assertValidRuleSet(ruleSet);
  else assertCompilable(ruleSet);
  // The effective catalog: a rule set's own derived facts are computed like the built-in ones.
  const catalog = catalogOf(ruleSet);
  const scope: CompilerScope = {
    parameters: ruleSet.parameters ?? {},
    namedConditions: ruleSet.namedConditions ?? {},
    strict: options.allowUndefinedFacts === false,
    compiledNamed: new Map(),
    resolving: new Set(),
    depth: 0,
    usedFacts: new Set(),
    derived: new Set(derivedFactNames(catalog)),
  };
  const compiled: CompiledRule[] = [];
  ruleSet.rules.forEach((rule, i) => {
    if (options.skipValidation) assertRuleShape(rule, i);
    if (rule.enabled === false) return;
    const priority = rulePriority(rule.priority);
    if (!(priority > 0)) {
      throw new RulesError(
        'invalid-priority',
        { nl: 'Prioriteit moet groter dan nul zijn.', en: 'Priority must be greater than zero' },
        pointer('rules', i, 'priority'),
      );
    }
    const event: RuleEvent = rule.event.params
      ? { type: rule.event.type, params: deepFreeze(deepCopy(rule.event.params)) }
      : { type: rule.event.type };
    compiled.push({
      name: rule.name,
      title: rule.title,
      legalBasis: rule.legalBasis,
      priority,
      event,
      condition: compileRootCondition(rule.conditions, pointer('rules', i, 'conditions'), scope),
    });
  });
  // Stable sort: declaration order within one priority is our documented order.
  compiled.sort((a, b) => b.priority - a.priority);

  const derived = derivedFactNames(catalog).filter((name) => scope.usedFacts.has(name));
  const ownDerivedInputs = [
    ...new Set(
      derived.flatMap((name) => (catalog.facts[name]?.derivation ? (catalog.facts[name]?.derived?.from ?? []) : [])),
    ),
  ];
  const usedFacts = [...scope.usedFacts];
  const tests = compiled.map((r) => r.condition.test);
  const events = compiled.map((r) => r.event);
  const identity = {
    id: ruleSet.id,
    tenant: ruleSet.tenant,
    kind: ruleSet.kind,
    version: ruleSet.version,
    effectiveFrom: ruleSet.effectiveFrom,
  };
  let checkedPeildatum = '';

  function explainAll(facts: Facts, context: EvaluationContext): EvaluationResult {
    const fired: RuleEvent[] = [];
    const rules: RuleExplanation[] = compiled.map((rule) => {
      const conditions = rule.condition.explain(facts, context);
      const ok = conditions.status === 'held';
      if (ok) fired.push({ ...rule.event });
      return {
        name: rule.name,
        title: rule.title,
        legalBasis: rule.legalBasis,
        priority: rule.priority,
        fired: ok,
        event: rule.event,
        conditions,
      };
    });
    const used: Record<string, unknown> = {};
    for (const name of usedFacts) {
      const source = scope.derived.has(name) ? context.derived : facts;
      if (Object.prototype.hasOwnProperty.call(source, name)) used[name] = source[name];
    }
    // A municipality's derived fact brings the facts it was computed from: a reader (and an objection)
    // must be able to redo the sum. The built-in ones keep to the derived value (age, not the birth date).
    for (const name of ownDerivedInputs)
      if (Object.prototype.hasOwnProperty.call(facts, name)) used[name] = facts[name];
    return { events: fired, explanation: { ruleSet: identity, peildatum: context.peildatum, facts: used, rules } };
  }

  return {
    ruleSet,
    evaluate(input, { peildatum, explain }) {
      if (peildatum !== checkedPeildatum) {
        if (!isIsoDate(peildatum)) throw invalidPeildatum(peildatum);
        checkedPeildatum = peildatum;
      }
      if (typeof input !== 'object' || input === null) {
        throw new RulesError('invalid-facts', {
          nl: 'De feiten moeten één object zijn.',
          en: 'The facts must be one object.',
        });
      }
      try {
        return run(input, peildatum, explain);
      } catch (error) {
        // json-rules-engine would reject with whatever an operator threw (a TypeError from `in` on a number, say).
        throw asRulesError(error);
      }
    },
  };

  function run(facts: Facts, peildatum: string, explain: boolean | undefined): EvaluationResult {
    evaluations = (evaluations + 1) % Number.MAX_SAFE_INTEGER;
    const context: EvaluationContext = {
      peildatum,
      id: evaluations,
      derived: derived.length > 0 ? computeDerivedFacts(catalog, facts, peildatum, derived) : NO_FACTS,
    };
    if (explain) return explainAll(facts, context);
    const fired: RuleEvent[] = [];
    for (let i = 0; i < tests.length; i++) {
      if ((tests[i] as CompiledCondition['test'])(facts, context)) fired.push({ ...(events[i] as RuleEvent) });
    }
    return { events: fired };
  }
}
