import { frozenCopy, hasOwn } from './copy-value';
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

export function parseRule(input: unknown): ParsedRule {
  if (!input) throw invalidRule('Engine: addRule() requires options');
  const properties = (typeof input === 'string' ? JSON.parse(input) : input) as Record<string, unknown>;
  if (!hasOwn(properties, 'event')) throw invalidRule('Engine: addRule() argument requires "event" property');
  if (!hasOwn(properties, 'conditions')) throw invalidRule('Engine: addRule() argument requires "conditions" property');
  const conditions = properties.conditions ? parseRootCondition(properties.conditions) : undefined;
  const name = properties.name || properties.name === 0 ? properties.name : undefined;
  const priority = Number.parseInt((properties.priority || 1) as string, 10);
  if (priority <= 0) throw new JreError('INVALID_PRIORITY', 'Priority must be greater than zero');
  const source = (properties.event || { type: 'unknown' }) as Record<string, unknown>;
  if (!hasOwn(source, 'type')) throw invalidRule('Rule: setEvent() requires event object with "type" property');
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
