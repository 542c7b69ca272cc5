import type { DecisionNode, FactMapping, ProcessDefinition, ProcessNode, WaitEvent, WaitNode } from './schema';
import type { DecisionNodeV1, ProcessDefinitionV1, ProcessNodeV1, WaitNodeV1 } from './schema-v1';

/**
 * Format version 1 → 2, with the same behaviour. Pure and deterministic: the interpreter runs it
 * inside the workflow on a running case's version-1 snapshot, so it must give the same result on
 * every replay; nothing here may read the clock, a random source or anything outside its input.
 * Idempotent: a version-2 definition comes back as it is (the same object).
 *
 * - Each event name becomes one declaration in `events`, from its first wait step. A later copy
 *   that differs (label or payload schema) keeps its own on the step as an override, so nothing
 *   an API client sees changes; the validator flags such overrides (EVENT_OVERRIDE).
 * - Each distinct fact mapping becomes one entry in `factMappings`, named after the first decision
 *   that uses it; decisions with the very same mapping (facts in the same order) share it.
 * Key order is kept everywhere it reaches the workflow (facts go to the rules in this order).
 */
export function upgradeDefinition(def: ProcessDefinitionV1 | ProcessDefinition): ProcessDefinition {
  if (def.formatVersion === 2) return def;
  const events: NonNullable<ProcessDefinition['events']> = {};
  const factMappings: Record<string, FactMapping> = {};
  const mappingByContent = new Map<string, string>();
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

  const upgradeWait = (node: WaitNodeV1): WaitNode => ({
    ...node,
    events: node.events.map(({ name, label, payloadSchema, ...rest }): WaitEvent => {
      const declared = Object.prototype.hasOwnProperty.call(events, name) ? events[name] : undefined;
      if (!declared) {
        events[name] = { label, payloadSchema };
        return { name, ...rest };
      }
      return {
        name,
        ...(same(declared.label, label) ? {} : { label }),
        ...(same(declared.payloadSchema, payloadSchema) ? {} : { payloadSchema }),
        ...rest,
      };
    }),
  });

  const upgradeDecision = (node: DecisionNodeV1): DecisionNode => {
    const names: string[] = [];
    if (Object.keys(node.facts).length > 0) {
      const key = JSON.stringify(node.facts);
      let name = mappingByContent.get(key);
      if (name === undefined) {
        name = node.id;
        // Only a definition with a duplicate node id (refused by the validator) gets here twice.
        for (let i = 2; Object.prototype.hasOwnProperty.call(factMappings, name); i++) name = `${node.id}-${i}`;
        factMappings[name] = node.facts;
        mappingByContent.set(key, name);
      }
      names.push(name);
    }
    // Rebuilt key by key so `factMappings` sits where `facts` was.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'facts') out.factMappings = names;
      else out[k] = v;
    }
    return out as DecisionNode;
  };

  const upgradeNode = (node: ProcessNodeV1): ProcessNode => {
    if (node.kind === 'wait') return upgradeWait(node);
    if (node.kind === 'decision') return upgradeDecision(node);
    return node;
  };

  const nodes = def.nodes.map(upgradeNode);
  // Rebuilt key by key: `formatVersion` after `$schema`, the declarations just before `start`.
  const out: Record<string, unknown> = def.$schema === undefined ? {} : { $schema: def.$schema };
  out.formatVersion = 2;
  for (const [k, v] of Object.entries(def)) {
    if (k === '$schema' || k === 'formatVersion') continue;
    if (k === 'start') {
      if (Object.keys(events).length > 0) out.events = events;
      if (Object.keys(factMappings).length > 0) out.factMappings = factMappings;
    }
    out[k] = k === 'nodes' ? nodes : v;
  }
  if (out.start === undefined && Object.keys(events).length > 0) out.events = events;
  if (out.start === undefined && Object.keys(factMappings).length > 0) out.factMappings = factMappings;
  return out as ProcessDefinition;
}

/** Whether a parsed definition is in format version 1 (no `formatVersion`, or 1). */
export function isVersion1(def: unknown): boolean {
  if (typeof def !== 'object' || def === null) return false;
  const v = (def as { formatVersion?: unknown }).formatVersion;
  return v === undefined || v === 1;
}
