import { isParameterReference, type Condition, type TopLevelCondition } from './condition-schema';
import { deepCopy } from './compiler/deep-freeze';
import type { RuleSet } from './rule-set-schema';

/** A rule exactly as json-rules-engine takes it. */
export interface EngineRule {
  name: string;
  priority?: number;
  conditions: TopLevelCondition;
  event: { type: string; params?: Record<string, unknown> };
}

function substitute(c: Condition, parameters: RuleSet['parameters']): Condition {
  const o = c as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...o };
  if (Array.isArray(o.all)) out.all = (o.all as Condition[]).map((x) => substitute(x, parameters));
  if (Array.isArray(o.any)) out.any = (o.any as Condition[]).map((x) => substitute(x, parameters));
  if (o.not && typeof o.not === 'object') out.not = substitute(o.not as Condition, parameters);
  if ('fact' in o && isParameterReference(o.value)) out.value = deepCopy(parameters?.[o.value.param]?.value);
  return out as unknown as Condition;
}

/**
 * The rule set in plain json-rules-engine form: parameters filled in, disabled rules left out,
 * our extra fields (title, legal basis) dropped. Fresh objects every call, because
 * json-rules-engine's Condition constructor rewrites the priorities of the objects it is given.
 */
export function toEngineRules(ruleSet: RuleSet): {
  rules: EngineRule[];
  conditions: Record<string, TopLevelCondition>;
} {
  const parameters = ruleSet.parameters;
  const rules = ruleSet.rules
    .filter((r) => r.enabled !== false)
    .map((r) => {
      const rule: EngineRule = {
        name: r.name,
        conditions: substitute(r.conditions, parameters) as TopLevelCondition,
        event: deepCopy(r.event),
      };
      if (r.priority !== undefined) rule.priority = r.priority;
      return rule;
    });
  const conditions: Record<string, TopLevelCondition> = {};
  for (const [name, c] of Object.entries(ruleSet.namedConditions ?? {}))
    conditions[name] = substitute(c, parameters) as TopLevelCondition;
  return { rules, conditions };
}
