import { JreAlmanac, type AlmanacSetup } from './almanac';
import type { CompileScope } from './compile-condition';
import { compileRules, type CompiledRules } from './compile-rules';
import { hasOwn } from './copy-value';
import { defineFact, type FactDefinition } from './fact-definition';
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
} from './jre-types';
import { OperatorRegistry } from './operator-registry';
import { parseRootCondition, type ParsedCondition } from './parse-condition';
import { parseRule, type ParsedRule } from './parse-rule';
import { RunResult } from './run-result';
import { runWithHandlers } from './run-with-handlers';
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
  /** json-rules-engine's status: stop() finishes a run before its next priority level. */
  private status: 'READY' | 'RUNNING' | 'FINISHED' = 'READY';
  private readonly setup: AlmanacSetup;

  constructor(rules: Array<RuleProperties | string> = [], options: EngineOptions = {}) {
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
    return value;
  }

  addRule(properties: RuleProperties | string): this {
    const rule = parseRule(properties);
    if (!this.options.pathResolver)
      checkPaths(rule.conditions, this.options.replaceFactsInEventParams ? rule.event : undefined, (p) => this.path(p));
    this.rules.push(rule);
    return this.changed(this);
  }

  /** Replaces the rule of the same name; it then runs after the other rules of its priority, as in json-rules-engine. */
  updateRule(properties: RuleProperties): void {
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

  addOperator(name: string, callback: OperatorCallback): void {
    this.changed(this.registry.addOperator(name, callback));
  }

  removeOperator(name: string): boolean {
    return this.changed(this.registry.removeOperator(name));
  }

  addOperatorDecorator(name: string, callback: DecoratorCallback): void {
    this.changed(this.registry.addDecorator(name, callback));
  }

  removeOperatorDecorator(name: string): boolean {
    return this.changed(this.registry.removeDecorator(name));
  }

  /** A constant, or a synchronous function of (params, almanac). */
  addFact(id: string, method: DynamicFact, options?: FactOptions): this;
  addFact(id: string, value: unknown, options?: FactOptions): this;
  addFact(id: string, valueOrMethod: unknown, options?: FactOptions): this {
    const fact = defineFact(id, valueOrMethod, options);
    this.facts.set(fact.id, fact);
    return this.changed(this);
  }

  removeFact(id: string): boolean {
    return this.changed(this.facts.delete(id));
  }

  getFact(id: string): FactDefinition | undefined {
    return this.facts.get(id);
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

  private compile(): CompiledRules {
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
      pure: pureConditions(this.conditions, this.registry, this.facts, Boolean(this.options.pathResolver)),
      sites: [],
    };
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

  run(facts: Record<string, unknown> = {}): Promise<RunResult> {
    const compiled = this.compiled ?? this.compile();
    this.status = 'RUNNING';
    const runtime = facts ?? {};
    if (hasOwn(runtime, '')) defineFact('', undefined);
    const listened = this.handlers.size > 0 || compiled.ruleHandlers;
    if (compiled.fast && !listened && !givesFunctions(runtime, compiled.fast.factIds))
      return runFast(compiled, compiled.fast, this.setup, runtime);
    const trace: unknown[] = new Array(compiled.traceSize);
    const almanac = new JreAlmanac(this.setup, runtime, trace, compiled.memoSlots);
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
      return Promise.reject(error as Error);
    }
  }
}
