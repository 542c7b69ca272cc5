import type { ArtifactType } from './types';

/** One changed value, addressed by an RFC 6901 pointer relative to its item (or the content). */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

/** A rule (rule set) or node (process definition) that was added, removed, changed or moved. */
export interface ItemChange {
  key: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** Position in the list, for ordered collections: rule order decides event order within a priority. */
  position?: { before?: number; after?: number };
  fields?: FieldChange[];
}

export interface ContentDiff {
  /** Where the items live: `/rules` or `/nodes`. */
  collection: string;
  items: ItemChange[];
  /** Changes outside the collection (name, facts, edges, settings …). */
  other: FieldChange[];
}

export interface VersionDiff extends ContentDiff {
  from: number;
  to: number;
}

/** Which list holds the items and which property names them; rules and nodes may lack ids. */
const COLLECTIONS: Record<ArtifactType, { field: string; keys: string[] }> = {
  ruleset: { field: 'rules', keys: ['id', 'name'] },
  definition: { field: 'nodes', keys: ['id', 'key', 'name'] },
};

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Leaf-level differences between two JSON values, as pointers below `base`. */
export function diffJson(before: Json, after: Json, base = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => {
      const path = `${base}/${escape(k)}`;
      if (!(k in after)) return [{ path, before: before[k] }];
      if (!(k in before)) return [{ path, after: after[k] }];
      return diffJson(before[k], after[k], path);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const path = `${base}/${i}`;
      if (i >= after.length) out.push({ path, before: before[i] });
      else if (i >= before.length) out.push({ path, after: after[i] });
      else out.push(...diffJson(before[i], after[i], path));
    }
    return out;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: base, before, after }];
}

interface Keyed {
  key: string;
  index?: number;
  value: Json;
}

function itemsOf(collection: Json, keys: string[]): Keyed[] {
  if (isObject(collection)) return Object.entries(collection).map(([key, value]) => ({ key, value }));
  if (!Array.isArray(collection)) return [];
  const seen = new Set<string>();
  return (collection as Json[]).map((value, index) => {
    const named = isObject(value)
      ? keys.map((k) => value[k]).find((v) => typeof v === 'string' || typeof v === 'number')
      : undefined;
    // Duplicate or missing names fall back to the position, so every item has one key.
    let key = named !== undefined ? String(named) : `#${index}`;
    if (seen.has(key)) key = `${key}#${index}`;
    seen.add(key);
    return { key, index, value };
  });
}

/**
 * A structural diff: per rule (rule sets) or per node (process definitions), matched by
 * id or name rather than position, plus leaf changes elsewhere in the content.
 */
export function diffContent(type: ArtifactType, before: Json, after: Json): ContentDiff {
  const { field, keys } = COLLECTIONS[type];
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  const beforeItems = itemsOf(a[field], keys);
  const afterItems = new Map(itemsOf(b[field], keys).map((i) => [i.key, i]));
  const items: ItemChange[] = [];
  for (const old of beforeItems) {
    const now = afterItems.get(old.key);
    afterItems.delete(old.key);
    const position =
      old.index !== undefined
        ? { before: old.index, ...(now?.index !== undefined ? { after: now.index } : {}) }
        : undefined;
    if (!now) {
      items.push({ key: old.key, change: 'removed', ...(position ? { position } : {}) });
      continue;
    }
    const fields = diffJson(old.value, now.value);
    const moved = old.index !== now.index;
    if (fields.length > 0)
      items.push({ key: old.key, change: 'changed', ...(moved && position ? { position } : {}), fields });
    else if (moved && position) items.push({ key: old.key, change: 'moved', position });
  }
  for (const added of afterItems.values()) {
    items.push({
      key: added.key,
      change: 'added',
      ...(added.index !== undefined ? { position: { after: added.index } } : {}),
      fields: [{ path: '', after: added.value }],
    });
  }
  const { [field]: _a, ...restBefore } = a;
  const { [field]: _b, ...restAfter } = b;
  return { collection: `/${field}`, items, other: diffJson(restBefore, restAfter) };
}
