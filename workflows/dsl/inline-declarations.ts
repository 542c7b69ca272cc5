import { decisionFacts, expectedEvents } from './declarations';
import type { ProcessDefinition, ProcessNode } from './schema';
import type { ProcessDefinitionV1, ProcessNodeV1 } from './schema-v1';

/**
 * A version-2 definition written out as version 1: every event and fact mapping copied into the
 * steps that use them. The inverse of `upgradeDefinition` (`inlineDeclarations(upgradeDefinition(v1))`
 * is `v1`, key order included), which is how the tests show that an upgrade changes no behaviour:
 * the interpreter reads nothing else from a declaration.
 */
export function inlineDeclarations(def: ProcessDefinition): ProcessDefinitionV1 {
  const inlineNode = (node: ProcessNode): ProcessNodeV1 => {
    // Version 1 never had check steps: nothing recorded or stored in it can hold one.
    if (node.kind === 'check') throw new Error(`inlineDeclarations: check step "${node.id}" has no version-1 form`);
    if (node.kind === 'wait') {
      return {
        ...node,
        events: expectedEvents(def, node).map(({ name, label, payloadSchema, ...rest }) => ({
          name,
          label,
          payloadSchema,
          ...rest,
        })),
      };
    }
    if (node.kind === 'decision') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === 'factMappings') out.facts = decisionFacts(def, node);
        else out[k] = v;
      }
      return out as ProcessNodeV1;
    }
    return node;
  };
  const { formatVersion: _two, events: _events, factMappings: _mappings, nodes, ...rest } = def;
  return { ...rest, nodes: nodes.map(inlineNode) };
}

/**
 * A version-2 definition whose wait steps carry each event's label and payload schema themselves
 * (as per-step values, which win over the declaration anyway): still version 2, same behaviour,
 * for readers that show one step at a time and do not look declarations up (the monitor's case view).
 */
export function withEventsInline(def: ProcessDefinition): ProcessDefinition {
  return {
    ...def,
    nodes: def.nodes.map((n) =>
      n.kind === 'wait'
        ? {
            ...n,
            events: expectedEvents(def, n).map(({ name, label, payloadSchema, ...rest }) => ({
              name,
              label,
              payloadSchema,
              ...rest,
            })),
          }
        : n,
    ),
  };
}
