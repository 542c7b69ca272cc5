/**
 * Immutable edits by RFC 6901 pointer. The editor addresses every part of a rule set by its
 * pointer, the same paths validation errors and explanations carry, so they meet on one node.
 */

export type Json = unknown;

export function parsePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function getAt(doc: Json, path: string): Json {
  let v: Json = doc;
  for (const seg of parsePointer(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, Json>)[seg];
  }
  return v;
}

function setIn(node: Json, segs: string[], fn: (old: Json) => Json): Json {
  if (segs.length === 0) return fn(node);
  const [head, ...rest] = segs as [string, ...string[]];
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(head)] = setIn(copy[Number(head)], rest, fn);
    return copy;
  }
  const obj = (node && typeof node === 'object' ? node : {}) as Record<string, Json>;
  return { ...obj, [head]: setIn(obj[head], rest, fn) };
}

/** A copy of `doc` with `fn` applied at `path`; untouched branches are shared, not copied. */
export function updateAt<T>(doc: T, path: string, fn: (old: Json) => Json): T {
  return setIn(doc, parsePointer(path), fn) as T;
}

export function setAt<T>(doc: T, path: string, value: Json): T {
  return updateAt(doc, path, () => value);
}

/** Removes an object property (value undefined) or sets it. */
export function setProp<T>(doc: T, path: string, key: string, value: Json): T {
  return updateAt(doc, path, (old) => {
    const copy = { ...(old as Record<string, Json>) };
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  });
}

/** Splits `/a/b/3` into the array's path `/a/b` and index 3, or undefined when it is not a list item. */
export function listItem(path: string): { list: string; index: number } | undefined {
  const at = path.lastIndexOf('/');
  const index = Number(path.slice(at + 1));
  if (at < 0 || !Number.isInteger(index) || path.slice(at + 1) === '') return undefined;
  return { list: path.slice(0, at), index };
}
