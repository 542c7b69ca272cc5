import { JreAlmanac, type AlmanacSetup } from './almanac';
import type { CompileScope } from './compile-condition';
import { compileRules, type CompiledRules } from './compile-rules';
import { hasOwn } from './copy-value';
import { defineFact, type FactDefinition } from './fact-definition';
import { Fact } from './fact';
import { Operator } from './operator';
import { OperatorDecorator } from './operator-decorator';
import type { Rule } from './rule';
import { compileJsonPath, type CompiledPath } from './json-path';
import { JreError } from './jre-error';
import type {
  DecoratorCallback,
  DynamicFact,
  EngineEvent,
  EngineOptions,
  EventHandler,
  FactOptions,
  OperatorCallback,
  RuleProperties,
  RunOptions,
} from './jre-types';
import { OperatorRegistry } from './operator-registry';
import { parseRootCondition, type ParsedCondition } from './parse-condition';
import { parseRule, type ParsedRule } from './parse-rule';
import { RunResult } from './run-result';
import { runWithHandlers } from './run-with-handlers';
import { factInstances, runWithAlmanac } from './run-with-almanac';
import { givesFunctions, runFast } from './run-fast';
import { checkPaths } from './check-paths';
import { pureConditions } from './pure-conditions';

/**
 * json-rules-engine 7's Engine, compiled: each rule becomes plain closures the first time the engine
 * runs after a change, and runs are synchronous inside (the promise is only the API). Same answers,
 * rule results and errors as json-rules-engine; the differences are listed in docs/rules.md.
 */
export class Engine {
  private rules: ParsedRule[] = [];
  private readonly facts = new Map<unknown, FactDefinition>();
  private readonly conditions = new Map<unknown, ParsedCondition>();
  private readonly registry = new OperatorRegistry();
  private readonly handlers = new Map<string, EventHandler[]>();
  private readonly paths = new Map<string, CompiledPath>();
  private readonly options: Required<Omit<EngineOptions, 'pathResolver'>> & Pick<EngineOptions, 'pathResolver'>;
  private compiled: CompiledRules | undefined;
  /** The same rules compiled for runs given an almanac: every read through its factValue/getValue. */
  private compiledViaAlmanac: CompiledRules | undefined;
  /** json-rules-engine's status: stop() finishes a run before its next priority level. */
  private status: 'READY' | 'RUNNING' | 'FINISHED' = 'READY';
  private readonly setup: AlmanacSetup;

  constructor(rules: Array<RuleProperties | Rule | string> = [], options: EngineOptions = {}) {
    this.options = {
      allowUndefinedFacts: Boolean(options.allowUndefinedFacts),
      allowUndefinedConditions: Boolean(options.allowUndefinedConditions),
      replaceFactsInEventParams: Boolean(options.replaceFactsInEventParams),
      pathResolver: options.pathResolver,
    };
    const custom = options.pathResolver;
    this.setup = {
      facts: this.facts as ReadonlyMap<string, FactDefinition>,
      allowUndefinedFacts: this.options.allowUndefinedFacts,
      resolvePath: custom ? (value, path) => custom(value, path) : (value, path) => this.path(path)(value),
    };
    for (const rule of rules) this.addRule(rule);
  }

  private path(path: string): CompiledPath {
    let compiled = this.paths.get(path);
    if (!compiled) this.paths.set(path, (compiled = compileJsonPath(path)));
    return compiled;
  }

  private changed<T>(value: T): T {
    this.compiled = undefined;
    this.compiledViaAlmanac = undefined;
    return value;
  }

  addRule(properties: RuleProperties | Rule | string): this {
    const rule = parseRule(properties);
    if (!this.options.pathResolver)
      checkPaths(rule.conditions, this.options.replaceFactsInEventParams ? rule.event : undefined, (p) => this.path(p));
    this.rules.push(rule);
    return this.changed(this);
  }

  /** Replaces the rule of the same name; it then runs after the other rules of its priority, as in json-rules-engine. */
  updateRule(properties: RuleProperties | Rule): void {
    const index = this.rules.findIndex((r) => r.name === properties.name);
    if (index < 0) throw new JreError('RULE_NOT_FOUND', 'Engine: updateRule() rule not found');
    this.rules.splice(index, 1);
    this.addRule(properties);
  }

  /** By name, or by the object that was added. */
  removeRule(ruleOrName: unknown): boolean {
    const before = this.rules.length;
    const byObject = typeof ruleOrName === 'object' && ruleOrName !== null;
    this.rules = this.rules.filter((r) => (byObject ? r.source !== ruleOrName : r.name !== ruleOrName));
    return this.changed(this.rules.length !== before);
  }

  setCondition(name: unknown, conditions: unknown): this {
    if (!name) throw new JreError('INVALID_CONDITION', 'Engine: setCondition() requires name');
    if (!conditions) throw new JreError('INVALID_CONDITION', 'Engine: setCondition() requires conditions');
    const parsed = parseRootCondition(conditions);
    if (!this.options.pathResolver) checkPaths(parsed, undefined, (p) => this.path(p));
    this.conditions.set(name, parsed);
    return this.changed(this);
  }

  removeCondition(name: unknown): boolean {
    return this.changed(this.conditions.delete(name));
  }

  /** A name and callback, or an Operator. */
  addOperator(operatorOrName: string | Operator, callback?: OperatorCallback): void {
    if (operatorOrName instanceof Operator) this.registry.addOperatorInstance(operatorOrName);
    else this.registry.addOperator(operatorOrName, callback);
    this.changed(undefined);
  }

  removeOperator(operatorOrName: string | Operator): boolean {
    const name = operatorOrName instanceof Operator ? operatorOrName.name : operatorOrName;
    return this.changed(this.registry.removeOperator(name));
  }

  /** A name and callback, or an OperatorDecorator. */
  addOperatorDecorator(decoratorOrName: string | OperatorDecorator, callback?: DecoratorCallback): void {
    if (decoratorOrName instanceof OperatorDecorator) this.registry.addDecoratorInstance(decoratorOrName);
    else this.registry.addDecorator(decoratorOrName, callback);
    this.changed(undefined);
  }

  removeOperatorDecorator(decoratorOrName: string | OperatorDecorator): boolean {
    const name = decoratorOrName instanceof OperatorDecorator ? decoratorOrName.name : decoratorOrName;
    return this.changed(this.registry.removeDecorator(name));
  }

  /** A Fact, or an id with a constant or a synchronous function of (params, almanac). */
  addFact(fact: Fact): this;
  addFact(id: string, method: DynamicFact, options?: FactOptions): this;
  addFact(id: string, value: unknown, options?: FactOptions): this;
  addFact(id: string | Fact, valueOrMethod?: unknown, options?: FactOptions): this {
    const fact = id instanceof Fact ? id : new Fact(id, valueOrMethod, options);
    this.facts.set(fact.id, defineFact(fact));
    return this.changed(this);
  }

  removeFact(factOrId: string | Fact): boolean {
    return this.changed(this.facts.delete(factOrId instanceof Fact ? factOrId.id : factOrId));
  }

  getFact(id: string): Fact | undefined {
    return this.facts.get(id)?.fact;
  }

  /**
   * Stops the current run: rules of lower priority levels are not evaluated (no events, no results),
   * as json-rules-engine checks its status before each priority level. Usually called from a handler.
   */
  stop(): this {
    this.status = 'FINISHED';
    return this;
  }

  private isStopped(): boolean {
    return this.status === 'FINISHED';
  }

  /** 'success', 'failure' or an event type; handlers run after each priority level, in rule order. */
  on(eventName: string, handler: EventHandler): this {
    (this.handlers.get(eventName) ?? this.handlers.set(eventName, []).get(eventName))?.push(handler);
    return this;
  }

  private compile(viaAlmanac = false): CompiledRules {
    let slots = 0;
    const scope: CompileScope = {
      registry: this.registry,
      facts: this.facts,
      conditions: this.conditions,
      allowUndefinedConditions: this.options.allowUndefinedConditions,
      resolvePath: (path) => (value) => this.setup.resolvePath(value, path),
      reserve: (count) => {
        const first = slots;
        slots += count;
        return first;
      },
      resolving: [],
      memo: new Map(),
      pure: viaAlmanac
        ? () => false
        : pureConditions(this.conditions, this.registry, this.facts, Boolean(this.options.pathResolver)),
      sites: [],
      viaAlmanac,
    };
    if (viaAlmanac)
      return (this.compiledViaAlmanac = compileRules(this.rules, scope, this.options.replaceFactsInEventParams));
    if (!this.options.pathResolver) scope.resolvePath = (path) => this.path(path);
    const fast = {
      allowUndefinedFacts: this.options.allowUndefinedFacts,
      allowUndefinedConditions: this.options.allowUndefinedConditions,
      customPaths: Boolean(this.options.pathResolver),
      memo: new Map(),
      resolving: [],
      factIds: new Set<string>(),
    };
    return (this.compiled = compileRules(this.rules, scope, this.options.replaceFactsInEventParams, fast));
  }

  /**
   * Runs the rules on these facts (values, synchronous functions or Facts). `options.almanac`: an
   * Almanac made for this run, as json-rules-engine's `run(facts, { almanac })` (see docs/rules.md).
   */
  run(facts: Record<string, unknown> = {}, options?: RunOptions): Promise<RunResult> {
    if (options?.almanac !== undefined) return this.runOn(options.almanac, facts ?? {});
    const compiled = this.compiled ?? this.compile();
    this.status = 'RUNNING';
    let runtime = facts ?? {};
    if (hasOwn(runtime, '')) defineFact('', undefined);
    const given = factInstances(runtime);
    if (given) runtime = given.plain;
    const listened = this.handlers.size > 0 || compiled.ruleHandlers || compiled.emitters.some((r) => r.listens());
    if (compiled.fast && !listened && !given && !givesFunctions(runtime, compiled.fast.factIds))
      return runFast(compiled, compiled.fast, this.setup, runtime);
    const trace: unknown[] = new Array(compiled.traceSize);
    const almanac = JreAlmanac.forRun(this.setup, runtime, trace, compiled.memoSlots);
    if (given) almanac.added = given.facts;
    if (listened) return runWithHandlers(compiled, almanac, trace, this.handlers, () => this.isStopped());
    try {
      const { ordered } = compiled;
      const outcomes = new Array<unknown>(ordered.length);
      const ruleEvents = compiled.resolvesEvents ? new Array<EngineEvent>(ordered.length) : undefined;
      const events: EngineEvent[] = [];
      const failureEvents: EngineEvent[] = [];
      let i = 0;
      for (const level of compiled.levels) {
        // A dynamic fact or custom operator may have called stop(): the next priority level is not evaluated.
        if (this.isStopped()) {
          outcomes.length = i;
          break;
        }
        for (const rule of level) {
          const outcome = rule.test(almanac, trace);
          const event = rule.resolveEvent ? rule.resolveEvent(almanac) : rule.event;
          outcomes[i] = outcome;
          if (ruleEvents) ruleEvents[i] = event;
          (outcome ? events : failureEvents).push(event);
          i++;
        }
      }
      return Promise.resolve(new RunResult(events, failureEvents, almanac, compiled, outcomes, ruleEvents, trace));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** A run given an almanac: json-rules-engine adds the engine's facts, then the run's, to it and reads through it. */
  private runOn(almanac: unknown, runtime: Record<string, unknown>): Promise<RunResult> {
    return runWithAlmanac(almanac, runtime, {
      facts: this.facts.values(),
      compile: () => this.compiledViaAlmanac ?? this.compile(true),
      start: () => {
        this.status = 'RUNNING';
      },
      handlers: this.handlers,
      stopped: () => this.isStopped(),
    });
  }
}
