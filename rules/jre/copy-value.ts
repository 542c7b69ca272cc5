/**
 * A frozen deep copy of plain JSON-like data (arrays and plain objects; anything else is kept as is).
 * Rules are copied when added, so a caller changing its objects later changes nothing, and frozen,
 * because the copies are shared by every run's results.
 */
export function frozenCopy<T>(value: T, depth = 0): T {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 256) throw new RangeError('Engine: value nested too deeply');
  if (Array.isArray(value)) return Object.freeze((value as unknown[]).map((v) => frozenCopy(v, depth + 1))) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    setOwn(out, key, frozenCopy((value as Record<string, unknown>)[key], depth + 1));
  return Object.freeze(out) as T;
}

/** Plain assignment would turn a "__proto__" key into a prototype change; this keeps it data. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export const hasOwn = (value: unknown, key: string): boolean =>
  value !== null && value !== undefined && Object.prototype.hasOwnProperty.call(value, key);

/** A key for a dynamic fact's cache: same params, same key, whatever the order of their keys. */
export function paramsKey(params: unknown): string {
  return (
    JSON.stringify(params, (_key, v: unknown) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) setOwn(sorted, k, (v as Record<string, unknown>)[k]);
      return sorted;
    }) ?? 'undefined'
  );
}
