import type { DecisionNode, ProcessDefinition, ValueSource, WaitNode } from './schema';

type Label = { nl: string; en?: string };

/**
 * Reading a version-2 definition's declarations where a step refers to them: the events a wait
 * step expects, as a client sees them, and the facts a decision passes to its rule set. Pure:
 * the interpreter, the validator, the server and the designer all read them this way.
 */

export interface ExpectedEvent {
  name: string;
  label: Label;
  payloadSchema: Record<string, unknown>;
  assign?: Record<string, string>;
  dates?: Record<string, string>;
  next: string;
}

/** A schema no payload satisfies: an event whose declaration is missing is never accepted. */
const NOTHING = { not: {} };

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The events of a wait step with their declared label and payload schema (a step's override wins). */
export function expectedEvents(def: Pick<ProcessDefinition, 'events'>, node: WaitNode): ExpectedEvent[] {
  return node.events.map((ref) => {
    const declared = own(def.events, ref.name);
    return {
      name: ref.name,
      label: ref.label ?? declared?.label ?? { nl: ref.name },
      payloadSchema: ref.payloadSchema ?? declared?.payloadSchema ?? NOTHING,
      ...(ref.assign ? { assign: ref.assign } : {}),
      ...(ref.dates ? { dates: ref.dates } : {}),
      next: ref.next,
    };
  });
}

/** One expected event of a wait step by name, or undefined. */
export function expectedEvent(
  def: Pick<ProcessDefinition, 'events'>,
  node: WaitNode,
  name: string,
): ExpectedEvent | undefined {
  return expectedEvents(def, node).find((e) => e.name === name);
}

/** A decision's facts: its named mappings merged in order (fact name → source). Unknown names add nothing. */
export function decisionFacts(
  def: Pick<ProcessDefinition, 'factMappings'>,
  node: Pick<DecisionNode, 'factMappings'>,
): Record<string, ValueSource> {
  const facts: Record<string, ValueSource> = {};
  for (const name of node.factMappings) Object.assign(facts, own(def.factMappings, name) ?? {});
  return facts;
}
