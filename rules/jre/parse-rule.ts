import { frozenCopy, hasOwn } from './copy-value';
import { parsePriority } from './parse-priority';
import { invalidRule, JreError } from './jre-error';
import type { EngineEvent, EventHandler } from './jre-types';
import { parseRootCondition, type ParsedCondition } from './parse-condition';
import { Rule } from './rule';

/** A rule as json-rules-engine's Rule constructor leaves it; the source object is kept for removeRule. */
export interface ParsedRule {
  source: unknown;
  name: unknown;
  priority: number;
  event: EngineEvent;
  conditions?: ParsedCondition;
  onSuccess?: EventHandler;
  onFailure?: EventHandler;
  /** A Rule instance: its handlers (added with `on`, at any time) are called after each run of it. */
  emitter?: Rule;
}

function parseJsonRule(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRule('Engine: addRule() received text that is not JSON');
  }
}

/** Names and event types become keys; one that cannot become a string (json-rules-engine: a TypeError) is a coded error. */
function mustStringify(value: unknown, what: string): void {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
  try {
    // Whether json-rules-engine's String(value) would throw (an object whose toString throws): the check itself.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    String(value);
  } catch {
    throw invalidRule(`Rule: "${what}" must be a string or a number`);
  }
}

export function parseRule(input: unknown): ParsedRule {
  if (!input) throw invalidRule('Engine: addRule() requires options');
  if (input instanceof Rule) return fromProperties(input, input as unknown as Record<string, unknown>, input);
  const properties = (typeof input === 'string' ? parseJsonRule(input) : input) as Record<string, unknown>;
  if (!hasOwn(properties, 'event')) throw invalidRule('Engine: addRule() argument requires "event" property');
  if (!hasOwn(properties, 'conditions')) throw invalidRule('Engine: addRule() argument requires "conditions" property');
  return fromProperties(input, properties, undefined);
}

/** json-rules-engine's Rule constructor on the properties (a Rule instance has been through it already). */
function fromProperties(source: unknown, properties: Record<string, unknown>, emitter: Rule | undefined): ParsedRule {
  const conditions = properties.conditions ? parseRootCondition(properties.conditions) : undefined;
  const name = properties.name || properties.name === 0 ? properties.name : undefined;
  const priority = parsePriority(properties.priority || 1, 'Rule');
  if (priority <= 0) throw new JreError('INVALID_PRIORITY', 'Priority must be greater than zero');
  const given = (properties.event || { type: 'unknown' }) as Record<string, unknown>;
  if (!hasOwn(given, 'type')) throw invalidRule('Rule: setEvent() requires event object with "type" property');
  mustStringify(name, 'name');
  mustStringify(given.type, 'event.type');
  const event: EngineEvent = { type: given.type as string };
  if (given.params) event.params = frozenCopy(given.params) as Record<string, unknown>;
  const handler = (key: string) =>
    !emitter && typeof properties[key] === 'function' ? (properties[key] as EventHandler) : undefined;
  return {
    source,
    name,
    priority,
    event: Object.freeze(event),
    conditions,
    onSuccess: handler('onSuccess'),
    onFailure: handler('onFailure'),
    emitter,
  };
}
