import type { BooleanOperator } from './parse-condition';

/**
 * What a compiled condition leaves behind to rebuild json-rules-engine's condition results on demand:
 * its properties and where in the run's trace its outcome was written. A run only writes the trace;
 * results are built when someone reads them.
 */
export type ConditionView =
  | { kind: 'fact'; props: Readonly<Record<string, unknown>>; slot: number }
  | {
      kind: 'boolean';
      props: Readonly<Record<string, unknown>>;
      op: BooleanOperator;
      children: ConditionView[];
      slot: number;
    }
  /** A reference: `target` is the named condition compiled in its place, or a slot for an undefined one. */
  | {
      kind: 'reference';
      props: Readonly<Record<string, unknown>>;
      op?: BooleanOperator;
      children: ConditionView[];
      target?: ConditionView;
      slot: number;
    };

/** A holey trace array: a slot that was never written is a condition that was never evaluated. */
export type Trace = unknown[];

/** For a reference to a defined condition, a written `slot` names the site whose outcome it reused. */
export function wasEvaluated(view: ConditionView, trace: Trace): boolean {
  if (view.kind === 'reference' && view.target) return view.slot in trace || wasEvaluated(view.target, trace);
  return view.slot in trace;
}
