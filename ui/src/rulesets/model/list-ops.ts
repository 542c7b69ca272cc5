import { getAt, listItem, updateAt, type Json } from './json-pointer';

/**
 * Add, duplicate, delete and move for any list in a rule set (rules, conditions inside a group).
 * Each returns the new document and the path to select afterwards.
 */
export interface Edit<T> {
  doc: T;
  select: string;
}

const clone = <V>(v: V): V => JSON.parse(JSON.stringify(v)) as V;

export function appendItem<T>(doc: T, list: string, value: Json): Edit<T> {
  const length = (getAt(doc, list) as Json[] | undefined)?.length ?? 0;
  return {
    doc: updateAt(doc, list, (old) => [...((old as Json[] | undefined) ?? []), value]),
    select: `${list}/${length}`,
  };
}

export function removeItem<T>(doc: T, path: string): Edit<T> | undefined {
  const item = listItem(path);
  if (!item) return undefined;
  const next = updateAt(doc, item.list, (old) => (old as Json[]).filter((_, i) => i !== item.index));
  const left = (getAt(next, item.list) as Json[]).length;
  const parent = item.list.slice(0, item.list.lastIndexOf('/'));
  return { doc: next, select: left === 0 ? parent : `${item.list}/${Math.min(item.index, left - 1)}` };
}

export function duplicateItem<T>(doc: T, path: string, rename?: (copy: Json) => Json): Edit<T> | undefined {
  const item = listItem(path);
  if (!item) return undefined;
  const original = clone(getAt(doc, path));
  const copy = rename ? rename(original) : original;
  return {
    doc: updateAt(doc, item.list, (old) => {
      const list = (old as Json[]).slice();
      list.splice(item.index + 1, 0, copy);
      return list;
    }),
    select: `${item.list}/${item.index + 1}`,
  };
}

export function moveItem<T>(doc: T, path: string, delta: -1 | 1): Edit<T> | undefined {
  const item = listItem(path);
  if (!item) return undefined;
  const list = getAt(doc, item.list) as Json[];
  const to = item.index + delta;
  if (to < 0 || to >= list.length) return undefined;
  return {
    doc: updateAt(doc, item.list, (old) => {
      const copy = (old as Json[]).slice();
      const [moved] = copy.splice(item.index, 1);
      copy.splice(to, 0, moved);
      return copy;
    }),
    select: `${item.list}/${to}`,
  };
}
