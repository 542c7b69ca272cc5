import { hasOwn } from './copy-value';
import { invalidRule } from './jre-error';
import { parseRootCondition } from './parse-condition';
import { conditionToJson } from './rule-result';
import type { EngineEvent, EventHandler, RuleProperties } from './jre-types';
import { parsePriority } from './parse-priority';
import { JreError } from './jre-error';

/**
 * json-rules-engine's Rule, to pass to `engine.addRule(rule)`, `updateRule` and `removeRule`: same
 * constructor (properties or JSON text), setters, getters, `toJSON` and `on('success' | 'failure')`.
 * The engine reads a rule when it is added or updated; change one after adding it, then call
 * `engine.updateRule(rule)`, as json-rules-engine's docs do. Handlers added with `on` at any time are
 * called.
 */
export class Rule {
  name?: unknown;
  priority = 1;
  conditions?: object;
  event: EngineEvent = { type: 'unknown' };
  private readonly listeners = new Map<string, EventHandler[]>();

  constructor(options?: RuleProperties | string) {
    let props = options as Partial<RuleProperties> | undefined;
    if (typeof options === 'string') {
      try {
        props = JSON.parse(options) as Partial<RuleProperties>;
      } catch {
        throw invalidRule('Rule: the text is not JSON');
      }
    }
    if (props && props.conditions) this.setConditions(props.conditions);
    if (props && typeof props.onSuccess === 'function') this.on('success', props.onSuccess);
    if (props && typeof props.onFailure === 'function') this.on('failure', props.onFailure);
    if (props && (props.name || props.name === 0)) this.setName(props.name);
    this.setPriority((props && props.priority) || 1);
    this.setEvent((props && props.event) || { type: 'unknown' });
  }

  /** @deprecated in json-rules-engine too: the event. */
  get ruleEvent(): EngineEvent {
    return this.event;
  }

  setPriority(priority: unknown): this {
    const parsed = parsePriority(priority, 'Rule');
    if (parsed <= 0) throw new JreError('INVALID_PRIORITY', 'Priority must be greater than zero');
    this.priority = parsed;
    return this;
  }

  setName(name: unknown): this {
    if (!name && name !== 0) throw invalidRule('Rule "name" must be defined');
    this.name = name;
    return this;
  }

  /** Checked at once, as json-rules-engine's Condition constructor does (depth-limited, coded errors). */
  setConditions(conditions: object): this {
    parseRootCondition(conditions);
    this.conditions = conditions;
    return this;
  }

  setEvent(event: unknown): this {
    if (!event) throw invalidRule('Rule: setEvent() requires event object');
    if (!hasOwn(event, 'type')) throw invalidRule('Rule: setEvent() requires event object with "type" property');
    const { type, params } = event as EngineEvent;
    this.event = params ? { type, params } : { type };
    return this;
  }

  getEvent(): EngineEvent {
    return this.event;
  }

  getPriority(): number {
    return this.priority;
  }

  getConditions(): object | undefined {
    return this.conditions;
  }

  on(eventName: 'success' | 'failure', handler: EventHandler): this {
    (this.listeners.get(eventName) ?? this.listeners.set(eventName, []).get(eventName))?.push(handler);
    return this;
  }

  /** Whether a handler is listening; read at every run. */
  listens(): boolean {
    return this.listeners.size > 0;
  }

  /** Calls the handlers of `eventName` in the order they were added, each awaited. */
  async emitAsync(eventName: 'success' | 'failure', ...args: Parameters<EventHandler>): Promise<void> {
    for (const handler of this.listeners.get(eventName) ?? []) await handler(...args);
  }

  toJSON(stringify = true): string | Record<string, unknown> {
    const conditions = this.conditions && conditionToJson(withGroupPriority(this.conditions as Json));
    const props = { conditions, priority: this.priority, event: this.event, name: this.name };
    return stringify ? JSON.stringify(props) : props;
  }
}

type Json = Record<string, unknown>;

/** json-rules-engine gives every all/any/not a priority (its own, else 1) when it builds the Condition. */
function withGroupPriority(c: Json): Json {
  const op = hasOwn(c, 'any') ? 'any' : hasOwn(c, 'all') ? 'all' : hasOwn(c, 'not') ? 'not' : undefined;
  if (!op) return c;
  const sub = c[op];
  return {
    ...c,
    priority: Number.parseInt(String(c.priority), 10) || 1,
    [op]: Array.isArray(sub) ? sub.map((x: Json) => withGroupPriority(x)) : withGroupPriority(sub as Json),
  };
}
