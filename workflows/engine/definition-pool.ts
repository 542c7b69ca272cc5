import type { ProcessDefinition, ProcessNode } from '../dsl/schema';
import type { ProcessDefinitionV1 } from '../dsl/schema-v1';
import { upgradeDefinition } from '../dsl/upgrade-definition';

/** One definition snapshot as the cases that run it share it: frozen, upgraded, its nodes by id. */
export interface SharedDefinition {
  /** The snapshot as the case got it (what continue-as-new hands on), frozen. */
  snapshot: ProcessDefinition | ProcessDefinitionV1;
  /** The snapshot in format version 2 (the same object when it already was), frozen. */
  definition: ProcessDefinition;
  nodes: ReadonlyMap<string, ProcessNode>;
}

/** Distinct snapshots kept; a worker runs a handful of process versions, so this is never reached in practice. */
export const POOL_SIZE = 64;

// Keyed by the snapshot's content (its JSON text). The worker preloads the workflow code
// (worker/worker-options.ts), so this map is shared by every case in the worker: that is the point.
// It holds only frozen values that are a pure function of their key, so which case put an entry
// there, and whether it was evicted since, changes nothing a case does (replays stay deterministic).
const pool = new Map<string, SharedDefinition>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The shared copy of a case's definition snapshot (issue 13: memory per cached case). Every case
 * gets its snapshot in its input and the SDK decodes a copy per case, ~18 kB of objects for a
 * 12 kB definition; cached cases with the same snapshot now hold one frozen copy between them, and
 * the upgrade to format version 2 and the map of nodes are made once per snapshot, not per case.
 */
export function sharedDefinition(snapshot: ProcessDefinition | ProcessDefinitionV1): SharedDefinition {
  const key = JSON.stringify(snapshot);
  const found = pool.get(key);
  if (found) return found;
  const frozen = deepFreeze(snapshot);
  const definition = deepFreeze(upgradeDefinition(frozen));
  const entry: SharedDefinition = {
    snapshot: frozen,
    definition,
    nodes: new Map(definition.nodes.map((n) => [n.id, n])),
  };
  if (pool.size >= POOL_SIZE) pool.delete(pool.keys().next().value as string);
  pool.set(key, entry);
  return entry;
}
