import { wasEvaluated, type ConditionView, type Trace } from './condition-view';
import { hasOwn, setOwn } from './copy-value';
import type { EngineEvent } from './jre-types';

/** A condition in a rule result: the condition's properties plus result, factResult and valueResult. */
export class ConditionResult {
  [key: string]: unknown;

  /** json-rules-engine's Condition#toJSON: the JSON model, with results for fact conditions only. */
  toJSON(stringify: unknown = true): unknown {
    const props: Record<string, unknown> = {};
    if (this.priority) props.priority = this.priority;
    if (this.name) props.name = this.name;
    const op = hasOwn(this, 'any') ? 'any' : hasOwn(this, 'all') ? 'all' : hasOwn(this, 'not') ? 'not' : undefined;
    if (op) {
      const sub = this[op];
      props[op] = Array.isArray(sub) ? sub.map((c: ConditionResult) => c.toJSON(false)) : (sub as ConditionResult).toJSON(false);
    } else if (hasOwn(this, 'condition')) {
      props.condition = this.condition;
    } else {
      props.operator = this.operator;
      props.value = this.value;
      props.fact = this.fact;
      if (this.factResult !== undefined) props.factResult = this.factResult;
      if (this.valueResult !== undefined) props.valueResult = this.valueResult;
      if (this.result !== undefined) props.result = this.result;
      if (this.params) props.params = this.params;
      if (this.path) props.path = this.path;
    }
    return stringify ? JSON.stringify(props) : props;
  }
}

export function materialize(view: ConditionView, trace: Trace, sites: readonly ConditionView[]): ConditionResult {
  const out = new ConditionResult();
  for (const key of Object.keys(view.props)) setOwn(out, key, view.props[key]);
  if (view.kind === 'reference' && view.target && wasEvaluated(view, trace)) {
    delete out.condition;
    const source = view.slot in trace ? (sites[trace[view.slot] as number] as ConditionView) : view;
    const expanded = materialize((source as { target: ConditionView }).target, trace, sites);
    for (const key of Object.keys(expanded)) setOwn(out, key, expanded[key]);
    return out;
  }
  if (view.kind === 'fact') {
    if (view.slot in trace) {
      out.factResult = trace[view.slot + 1];
      out.valueResult = trace[view.slot + 2];
      out.result = trace[view.slot];
    }
    return out;
  }
  if (view.op) {
    out[view.op] = view.op === 'not' ? materialize(view.children[0] as ConditionView, trace, sites) : view.children.map((c) => materialize(c, trace, sites));
  }
  if (view.slot in trace) out.result = trace[view.slot];
  return out;
}

/** One rule's outcome, shaped as json-rules-engine's RuleResult. */
export class RuleResult {
  constructor(
    public conditions: ConditionResult,
    public event: EngineEvent,
    public priority: number,
    public name: unknown,
    public result: unknown,
  ) {}

  toJSON(stringify: unknown = true): unknown {
    const props = { conditions: this.conditions.toJSON(false), event: this.event, priority: this.priority, name: this.name, result: this.result };
    return stringify ? JSON.stringify(props) : props;
  }
}
