import type { JreAlmanac } from './almanac';
import {
  compileAccess,
  compileRoot,
  isFactReference,
  type Accessor,
  type CompileScope,
  type Test,
} from './compile-condition';
import type { ConditionView } from './condition-view';
import { compileFast, type FastScope, type FastTest } from './compile-fast';
import { setOwn } from './copy-value';
import { invalidRule } from './jre-error';
import type { EngineEvent } from './jre-types';
import type { ParsedRule } from './parse-rule';
import type { Rule } from './rule';

export interface CompiledRule {
  rule: ParsedRule;
  test: Test;
  view: ConditionView;
  /** The event of every run, unless its params name facts to fill in (replaceFactsInEventParams). */
  event: EngineEvent;
  resolveEvent?: (almanac: JreAlmanac) => EngineEvent;
}

export interface CompiledRules {
  /** Highest priority first; within a level, the order the rules were added. */
  levels: CompiledRule[][];
  ordered: CompiledRule[];
  traceSize: number;
  /** Reference sites, by the index a remembered outcome points with. */
  sites: ConditionView[];
  /** Trace slots holding remembered named-condition outcomes; cleared when a run's facts change. */
  memoSlots: number[];
  /** Some rule has onSuccess/onFailure; some rule fills in event params per run. */
  ruleHandlers: boolean;
  /** Rule instances, whose handlers (added with `on` at any time) are looked up at every run. */
  emitters: Rule[];
  resolvesEvents: boolean;
  /** The untraced closures, per rule in `ordered`, when every rule has them (see compile-fast). */
  fast?: { tests: FastTest[]; memoSize: number; factIds: string[] };
}

/** json-rules-engine fills in event params that are `{ fact, params?, path? }`, one level deep, after evaluating the rule. */
function compileEventParams(event: EngineEvent, scope: CompileScope): CompiledRule['resolveEvent'] {
  const params = event.params as unknown;
  if (params === null || typeof params !== 'object') return undefined;
  const accessors: Array<[string, Accessor]> = [];
  for (const key of Object.keys(params)) {
    const v = (params as Record<string, unknown>)[key];
    if (scope.viaAlmanac) accessors.push([key, (a) => a.readValue(v)]);
    else if (isFactReference(v)) accessors.push([key, compileAccess(scope, v.fact, v.params, v.path)]);
  }
  if (accessors.length === 0) return undefined;
  const { type } = event;
  return (almanac) => {
    const filled = (Array.isArray(params) ? [...(params as unknown[])] : { ...params }) as Record<string, unknown>;
    for (const [key, access] of accessors) setOwn(filled, key, access(almanac));
    return { type, params: filled };
  };
}

function compileFastRules(ordered: CompiledRule[], fs: FastScope): CompiledRules['fast'] {
  const tests: FastTest[] = [];
  for (const c of ordered) {
    const test = c.rule.conditions ? compileFast(c.rule.conditions, fs, true) : undefined;
    if (!test) return undefined;
    tests.push(test);
  }
  return { tests, memoSize: fs.memo.size, factIds: [...fs.factIds] };
}

export function compileRules(
  rules: readonly ParsedRule[],
  scope: CompileScope,
  replaceFactsInEventParams: boolean,
  fast?: Omit<FastScope, 'scope'>,
): CompiledRules {
  const compiled = rules.map((rule): CompiledRule => {
    if (!rule.conditions) {
      const view: ConditionView = { kind: 'boolean', props: {}, op: 'all', children: [], slot: -1 };
      return {
        rule,
        view,
        event: rule.event,
        test: () => {
          throw invalidRule(`Rule ${String(rule.name)}: has no conditions`);
        },
      };
    }
    const { test, view } = compileRoot(rule.conditions, scope);
    return {
      rule,
      test,
      view,
      event: rule.event,
      resolveEvent: replaceFactsInEventParams ? compileEventParams(rule.event, scope) : undefined,
    };
  });
  // Levels keyed and sorted as json-rules-engine does, so even odd priorities come out in its order.
  const byPriority: Record<string, CompiledRule[]> = {};
  for (const c of compiled) (byPriority[String(c.rule.priority)] ??= []).push(c);
  const levels = Object.keys(byPriority)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((k) => byPriority[k] as CompiledRule[]);
  const memoSlots = [...scope.memo.values()].flatMap((s) => [s, s + 1]);
  const ordered = levels.flat();
  return {
    levels,
    ordered,
    traceSize: scope.reserve(0),
    sites: scope.sites,
    memoSlots,
    fast: fast && compileFastRules(ordered, { ...fast, scope }),
    ruleHandlers: rules.some((r) => r.onSuccess || r.onFailure),
    emitters: rules.flatMap((r) => (r.emitter ? [r.emitter] : [])),
    resolvesEvents: compiled.some((c) => c.resolveEvent),
  };
}
