import { frozenCopy, hasOwn } from './copy-value';
import { parsePriority } from './parse-priority';
import { invalidRule, JreError } from './jre-error';
import type { EngineEvent, EventHandler } from './jre-types';
import { parseRootCondition, type ParsedCondition } from './parse-condition';

/** A rule as json-rules-engine's Rule constructor leaves it; the source object is kept for removeRule. */
export interface ParsedRule {
  source: unknown;
  name: unknown;
  priority: number;
  event: EngineEvent;
  conditions?: ParsedCondition;
  onSuccess?: EventHandler;
  onFailure?: EventHandler;
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
    String(value);
  } catch {
    throw invalidRule(`Rule: "${what}" must be a string or a number`);
  }
}

export function parseRule(input: unknown): ParsedRule {
  if (!input) throw invalidRule('Engine: addRule() requires options');
  const properties = (typeof input === 'string' ? parseJsonRule(input) : input) as Record<string, unknown>;
  if (!hasOwn(properties, 'event')) throw invalidRule('Engine: addRule() argument requires "event" property');
  if (!hasOwn(properties, 'conditions')) throw invalidRule('Engine: addRule() argument requires "conditions" property');
  const conditions = properties.conditions ? parseRootCondition(properties.conditions) : undefined;
  const name = properties.name || properties.name === 0 ? properties.name : undefined;
  const priority = parsePriority(properties.priority || 1, 'Rule');
  if (priority <= 0) throw new JreError('INVALID_PRIORITY', 'Priority must be greater than zero');
  const source = (properties.event || { type: 'unknown' }) as Record<string, unknown>;
  if (!hasOwn(source, 'type')) throw invalidRule('Rule: setEvent() requires event object with "type" property');
  mustStringify(name, 'name');
  mustStringify(source.type, 'event.type');
  const event: EngineEvent = { type: source.type as string };
  if (source.params) event.params = frozenCopy(source.params) as Record<string, unknown>;
  return {
    source: input,
    name,
    priority,
    event: Object.freeze(event),
    conditions,
    onSuccess: typeof properties.onSuccess === 'function' ? (properties.onSuccess as EventHandler) : undefined,
    onFailure: typeof properties.onFailure === 'function' ? (properties.onFailure as EventHandler) : undefined,
  };
}
