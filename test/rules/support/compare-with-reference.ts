import type { RuleResult } from 'json-rules-engine';
import { compileRuleSet, type CompiledRuleSet } from '../../../rules/compiler/compile-rule-set';
import type { ConditionExplanation } from '../../../rules/explanation/explanation';
import { createReferenceEngine } from '../../../rules/reference-engine';
import type { RuleSet } from '../../../rules/rule-set-schema';

/** A condition tree reduced to what both engines can say about it: kind, result, and the fact value seen. */
type Shape = { kind: string; result?: boolean; actual?: unknown; children?: Shape[] };

function fromEngine(node: Record<string, unknown>, root: boolean): Shape {
  // A reference json-rules-engine never reached still carries its name; a reached one is inlined.
  if (typeof node.condition === 'string') return { kind: 'unevaluated-reference' };
  const result = root ? undefined : (node.result as boolean | undefined);
  for (const kind of ['any', 'all'] as const) {
    if (Array.isArray(node[kind]))
      return { kind, result, children: (node[kind] as Record<string, unknown>[]).map((c) => fromEngine(c, false)) };
  }
  if (node.not) return { kind: 'not', result, children: [fromEngine(node.not as Record<string, unknown>, false)] };
  return result === undefined ? { kind: 'fact' } : { kind: 'fact', result, actual: node.factResult };
}

function fromCompiled(node: ConditionExplanation, root: boolean): Shape {
  if (node.kind === 'reference')
    return node.status === 'not-evaluated' ? { kind: 'unevaluated-reference' } : fromCompiled(node.condition, root);
  const result = root || node.status === 'not-evaluated' ? undefined : node.status === 'held';
  if (node.kind === 'all' || node.kind === 'any')
    return { kind: node.kind, result, children: node.conditions.map((c) => fromCompiled(c, false)) };
  if (node.kind === 'not') return { kind: 'not', result, children: [fromCompiled(node.condition, false)] };
  if (node.kind !== 'fact') throw new Error('unreachable');
  return result === undefined ? { kind: 'fact' } : { kind: 'fact', result, actual: node.actual };
}

export interface Outcome {
  error?: string;
  /** Fired rules per priority, highest first; within a priority sorted, because json-rules-engine's order there is finish order. */
  firedByPriority: Array<[number, string[]]>;
  events: string[][];
  explanations: Record<string, { fired: boolean; conditions: Shape }>;
}

function byPriority(
  fired: Array<{ priority: number; name: string; event: unknown }>,
): Pick<Outcome, 'firedByPriority' | 'events'> {
  const levels: Array<[number, Array<{ name: string; event: unknown }>]> = [];
  for (const f of fired) {
    const last = levels[levels.length - 1];
    if (last && last[0] === f.priority) last[1].push(f);
    else levels.push([f.priority, [f]]);
  }
  return {
    firedByPriority: levels.map(([p, items]) => [p, items.map((i) => i.name).sort()]),
    events: levels.map(([, items]) => items.map((i) => JSON.stringify(i.event)).sort()),
  };
}

type ReferenceEngine = ReturnType<typeof createReferenceEngine>;

/**
 * Both paths for one rule set, built once and reused for many facts. Except after a rejected run:
 * json-rules-engine's run() keeps walking its priority chain after rejecting and then sets the
 * engine's status to FINISHED, which silently cuts short the next run on the same engine.
 */
export function bothPaths(
  ruleSet: RuleSet,
  peildatum: string,
  allowUndefinedFacts: boolean,
): { reference(): ReferenceEngine; compiled: CompiledRuleSet; renew(): void } {
  let reference = createReferenceEngine(ruleSet, { peildatum, allowUndefinedFacts });
  return {
    reference: () => reference,
    compiled: compileRuleSet(ruleSet, { skipValidation: true, allowUndefinedFacts }),
    renew: () => {
      reference = createReferenceEngine(ruleSet, { peildatum, allowUndefinedFacts });
    },
  };
}

export async function referenceOutcome(reference: ReferenceEngine, facts: Record<string, unknown>): Promise<Outcome> {
  let run;
  try {
    run = await reference.run(facts);
  } catch {
    return { error: 'threw', firedByPriority: [], events: [], explanations: {} };
  }
  // Events and successful results are recorded together, so results give each event its rule and priority.
  const succeeded = run.results.filter((r: RuleResult) => r.result);
  const fired = succeeded.map((r, i) => ({ priority: Number(r.priority), name: String(r.name), event: run.events[i] }));
  const explanations: Outcome['explanations'] = {};
  for (const r of [...run.results].sort((a, b) => String(a.name).localeCompare(String(b.name)))) {
    explanations[String(r.name)] = {
      fired: Boolean(r.result),
      conditions: fromEngine(r.conditions as unknown as Record<string, unknown>, true),
    };
  }
  return { ...byPriority(fired), explanations };
}

export function compiledOutcome(compiled: CompiledRuleSet, facts: Record<string, unknown>, peildatum: string): Outcome {
  try {
    const fast = compiled.evaluate(facts, { peildatum });
    const { events, explanation } = compiled.evaluate(facts, { peildatum, explain: true });
    if (JSON.stringify(fast.events) !== JSON.stringify(events))
      return { error: 'fast and explained paths differ', firedByPriority: [], events: [], explanations: {} };
    const rules = explanation?.rules ?? [];
    const fired = rules.filter((r) => r.fired);
    const explanations: Outcome['explanations'] = {};
    for (const r of [...rules].sort((a, b) => a.name.localeCompare(b.name)))
      explanations[r.name] = { fired: r.fired, conditions: fromCompiled(r.conditions, true) };
    return {
      ...byPriority(fired.map((r, i) => ({ priority: r.priority, name: r.name, event: events[i] }))),
      explanations,
    };
  } catch {
    return { error: 'threw', firedByPriority: [], events: [], explanations: {} };
  }
}
