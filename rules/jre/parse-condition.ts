import { frozenCopy, hasOwn, setOwn } from './copy-value';
import { parsePriority } from './parse-priority';
import { invalidCondition, JreError } from './jre-error';

/** Nesting beyond this is refused when a rule is added, before it can exhaust the stack. */
export const MAX_CONDITION_DEPTH = 128;

export type BooleanOperator = 'all' | 'any' | 'not';

/**
 * One condition as json-rules-engine's Condition constructor leaves it: its own properties (children
 * apart), how a nested occurrence is evaluated, and the priority its parent groups it by.
 */
export interface ParsedCondition {
  props: Readonly<Record<string, unknown>>;
  /** Set when the condition was built as all/any/not; `children` has one element for not. */
  boolean?: BooleanOperator;
  children: ParsedCondition[];
  /** json-rules-engine tests for a reference before a boolean operator, so both may be present. */
  kind: 'reference' | 'boolean' | 'fact';
  /** Boolean conditions: parseInt(priority) || 1. Others: the raw value (0 or absent: the fact's priority). */
  priority: unknown;
}

function booleanOperatorOf(value: unknown): BooleanOperator | undefined {
  if (hasOwn(value, 'any')) return 'any';
  if (hasOwn(value, 'all')) return 'all';
  if (hasOwn(value, 'not')) return 'not';
  return undefined;
}

export function hasConditionRoot(value: unknown): boolean {
  return booleanOperatorOf(value) !== undefined || hasOwn(value, 'condition');
}

export function parseCondition(input: unknown, depth = 0): ParsedCondition {
  if (!input) throw invalidCondition('Condition: constructor options required');
  if (depth > MAX_CONDITION_DEPTH) {
    throw new JreError('CONDITION_TOO_DEEP', `Condition: nested deeper than ${MAX_CONDITION_DEPTH} levels`);
  }
  const source = input as Record<string, unknown>;
  const boolean = booleanOperatorOf(source);
  const props: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (key !== boolean) setOwn(props, key, frozenCopy(source[key]));
  }
  let children: ParsedCondition[] = [];
  let priority: unknown = source.priority;
  if (boolean) {
    const sub = source[boolean];
    if (boolean !== 'not' && !Array.isArray(sub)) throw invalidCondition(`"${boolean}" must be an array`);
    if (boolean === 'not' && Array.isArray(sub)) throw invalidCondition(`"${boolean}" cannot be an array`);
    props.operator = boolean;
    priority = parsePriority(source.priority, 'Condition') || 1;
    props.priority = priority;
    children =
      boolean === 'not'
        ? [parseCondition(sub, depth + 1)]
        : (sub as unknown[]).map((c) => parseCondition(c, depth + 1));
  } else if (!hasOwn(source, 'condition')) {
    for (const required of ['fact', 'operator', 'value']) {
      if (!hasOwn(source, required)) throw invalidCondition(`Condition: constructor "${required}" property required`);
    }
  }
  const kind = hasOwn(source, 'condition') ? 'reference' : boolean ? 'boolean' : 'fact';
  // Ids become map and object keys; one that cannot become a string is where json-rules-engine
  // throws a bare TypeError: here a coded error when the rule is added.
  for (const key of ['fact', 'condition', 'operator', 'path'] as const) {
    if (hasOwn(source, key)) stringable(source[key], key);
  }
  if (isFactReferenceLike(source.value)) stringable((source.value as Record<string, unknown>).fact, 'value.fact');
  if (kind === 'fact' && priority !== undefined) stringable(priority, 'priority');
  return { props: Object.freeze(props), boolean, children, kind, priority };
}

function stringable(value: unknown, what: string): void {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
  try {
    // Whether json-rules-engine's String(value) would throw (an object whose toString throws): the check itself.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    String(value);
  } catch {
    throw invalidCondition(`Condition: "${what}" must be a string or a number`);
  }
}

const isFactReferenceLike = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && hasOwn(value, 'fact');

/** A rule's or a named condition's root: one of all, any, not or condition. */
export function parseRootCondition(input: unknown): ParsedCondition {
  if (!hasConditionRoot(input)) {
    throw invalidCondition('"conditions" root must contain a single instance of "all", "any", "not", or "condition"');
  }
  return parseCondition(input);
}
