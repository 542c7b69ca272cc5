import type { EventDeclaration, FactMapping, ProcessDefinition } from '../../../../workflows/dsl/schema';

/**
 * Changes to a definition's declarations (format version 2): events and fact mappings are declared
 * once and named by the steps that use them, so editing one changes it for every such step.
 */

const has = (record: object | undefined, key: string): boolean =>
  record !== undefined && Object.prototype.hasOwnProperty.call(record, key);

/** A name not yet declared: `stem`, `stem-2`, `stem-3` … */
export function freshName(declared: object | undefined, stem: string): string {
  if (!has(declared, stem)) return stem;
  for (let i = 2; ; i += 1) if (!has(declared, `${stem}-${i}`)) return `${stem}-${i}`;
}

export const NEW_EVENT: EventDeclaration = {
  label: { nl: 'Nieuwe gebeurtenis' },
  payloadSchema: { type: 'object', properties: {} },
};

export function declareEvent(def: ProcessDefinition, name: string, declaration: EventDeclaration): ProcessDefinition {
  return { ...def, events: { ...(def.events ?? {}), [name]: declaration } };
}

/** Renames a declared event and every wait step's reference to it (the name API clients send changes with it). */
export function renameEvent(def: ProcessDefinition, from: string, to: string): ProcessDefinition {
  const events = Object.fromEntries(Object.entries(def.events ?? {}).map(([k, v]) => [k === from ? to : k, v]));
  const nodes = def.nodes.map((n) =>
    n.kind === 'wait' && n.events.some((e) => e.name === from)
      ? { ...n, events: n.events.map((e) => (e.name === from ? { ...e, name: to } : e)) }
      : n,
  );
  return { ...def, events, nodes };
}

export function declareFactMapping(def: ProcessDefinition, name: string, mapping: FactMapping): ProcessDefinition {
  return { ...def, factMappings: { ...(def.factMappings ?? {}), [name]: mapping } };
}

/** The steps (ids) whose wait expects an event, or whose decision uses a fact mapping. */
export function usersOf(def: ProcessDefinition, kind: 'event' | 'factMapping', name: string): string[] {
  return def.nodes
    .filter((n) =>
      kind === 'event'
        ? n.kind === 'wait' && n.events.some((e) => e.name === name)
        : n.kind === 'decision' && n.factMappings.includes(name),
    )
    .map((n) => n.id);
}
