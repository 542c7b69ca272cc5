import { wasEvaluated, type ConditionView, type Trace } from './condition-view';
import { hasOwn } from './copy-value';
import type { EngineEvent } from './jre-values';

type Json = Record<string, unknown>;

/** json-rules-engine's Condition#toJSON, for a condition result: the JSON model, results on fact conditions only. */
export function conditionToJson(c: Json): Json {
  const props: Json = {};
  if (c.priority) props.priority = c.priority;
  if (c.name) props.name = c.name;
  const op = hasOwn(c, 'any') ? 'any' : hasOwn(c, 'all') ? 'all' : hasOwn(c, 'not') ? 'not' : undefined;
  if (op) {
    const sub = c[op];
    props[op] = Array.isArray(sub) ? sub.map((x: Json) => conditionToJson(x)) : conditionToJson(sub as Json);
  } else if (hasOwn(c, 'condition')) {
    props.condition = c.condition;
  } else {
    props.operator = c.operator;
    props.value = c.value;
    props.fact = c.fact;
    if (c.factResult !== undefined) props.factResult = c.factResult;
    if (c.valueResult !== undefined) props.valueResult = c.valueResult;
    if (c.result !== undefined) props.result = c.result;
    if (c.params) props.params = c.params;
    if (c.path) props.path = c.path;
  }
  return props;
}

/** A condition in a rule result: the condition's properties plus result, factResult and valueResult. */
export type ConditionResult = Json;

const withoutCondition = new WeakMap<object, Json>();
function referenceProps(props: Readonly<Json>): Json {
  let rest = withoutCondition.get(props);
  if (!rest) {
    rest = { ...props };
    delete rest.condition;
    withoutCondition.set(props, Object.freeze(rest));
  }
  return rest;
}

/**
 * One condition's result, as plain data. An evaluated reference becomes the condition it names, as
 * json-rules-engine expands it in place: the reference's own properties (but `condition`), then the
 * named condition's with its results; when the outcome was reused from an earlier reference, the
 * results are that site's.
 */
export function materialize(view: ConditionView, trace: Trace, sites: readonly ConditionView[]): ConditionResult {
  if (view.kind === 'reference' && view.target && wasEvaluated(view, trace)) {
    const source = view.slot in trace ? (sites[trace[view.slot] as number] as ConditionView) : view;
    return {
      ...referenceProps(view.props),
      ...materialize((source as { target: ConditionView }).target, trace, sites),
    };
  }
  const out: Json = { ...view.props };
  if (view.kind === 'fact') {
    if (view.slot in trace) {
      out.factResult = trace[view.slot + 1];
      out.valueResult = trace[view.slot + 2];
      out.result = trace[view.slot];
    }
    return out;
  }
  if (view.op) {
    out[view.op] =
      view.op === 'not'
        ? materialize(view.children[0] as ConditionView, trace, sites)
        : view.children.map((c) => materialize(c, trace, sites));
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
    const props = {
      conditions: conditionToJson(this.conditions),
      event: this.event,
      priority: this.priority,
      name: this.name,
      result: this.result,
    };
    return stringify ? JSON.stringify(props) : props;
  }
}
