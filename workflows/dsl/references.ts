import type { ParamRef, ValueSource } from './schema';
import { dutchDay } from '../../rules/dates';

/**
 * Reading values a definition refers to: `{ "param": "schemes.{scheme}.maxDuration" }` from the
 * parameters (braces name a case variable), and value sources such as `data.householdSize`.
 * Pure: the workflow resolves with them at run time, the validator checks them up front.
 */

export interface CaseScope {
  data: Record<string, unknown>;
  variables: Record<string, unknown>;
  dates: Record<string, string>;
  parameters: Record<string, unknown>;
  /** A date read from the case is the Dutch calendar day of its instant (start patch 6), else the UTC day. */
  dutchDays?: boolean;
}

/** The calendar day (YYYY-MM-DD) of a case date: in the Netherlands (`dutch`), else in UTC as cases before start patch 6 read it. */
export function calendarDayOf(iso: string, dutch: boolean | undefined): string {
  return (dutch && dutchDay(iso)) || iso.slice(0, 10);
}

export type Resolved = { ok: true; value: unknown } | { ok: false; reason: string };

export function isParamRef(value: unknown): value is ParamRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as ParamRef).param === 'string'
  );
}

/** Segments of a parameter path; a `{name}` segment is a case variable. */
export function paramSegments(path: string): Array<{ key: string } | { variable: string }> {
  return path.split('.').map((s) => (s.startsWith('{') && s.endsWith('}') ? { variable: s.slice(1, -1) } : { key: s }));
}

function child(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export function resolveParam(
  path: string,
  parameters: Record<string, unknown>,
  variables: Record<string, unknown>,
): Resolved {
  let value: unknown = parameters;
  for (const seg of paramSegments(path)) {
    let key: string;
    if ('variable' in seg) {
      const v = variables[seg.variable];
      if (typeof v !== 'string' || v === '') return { ok: false, reason: `variable "${seg.variable}" has no value` };
      key = v;
    } else key = seg.key;
    value = child(value, key);
    if (value === undefined) return { ok: false, reason: `parameter "${path}" has no "${key}"` };
  }
  return { ok: true, value };
}

/** Resolves parameter references one level deep (task params); other values pass unchanged. */
export function resolveParams(
  params: Record<string, unknown> | undefined,
  scope: Pick<CaseScope, 'parameters' | 'variables'>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (!isParamRef(v)) out[k] = v;
    else {
      const r = resolveParam(v.param, scope.parameters, scope.variables);
      out[k] = r.ok ? r.value : undefined;
    }
  }
  return out;
}

/** A duration given literally or by parameter; undefined when the reference does not resolve. */
export function resolveDurationValue(
  value: string | ParamRef,
  scope: Pick<CaseScope, 'parameters' | 'variables'>,
): string | undefined {
  if (typeof value === 'string') return value;
  const r = resolveParam(value.param, scope.parameters, scope.variables);
  return r.ok && typeof r.value === 'string' ? r.value : undefined;
}

/** The root and path of a value source string such as `data.statushouder.dateOfBirth`. */
export function splitSource(source: string): { root: 'data' | 'variables' | 'dates' | 'parameters'; path: string[] } {
  const [root, ...path] = source.split('.');
  return { root: root as 'data' | 'variables' | 'dates' | 'parameters', path };
}

/** A value source read from the case; dates come out as calendar dates (YYYY-MM-DD), as facts use them. */
export function readSource(source: ValueSource, scope: CaseScope): unknown {
  if (typeof source !== 'string') return source.value;
  const { root, path } = splitSource(source);
  if (root === 'dates') {
    const iso = scope.dates[path.join('.')];
    return iso === undefined ? undefined : calendarDayOf(iso, scope.dutchDays);
  }
  let value: unknown = scope[root];
  for (const key of path) value = child(value, key);
  return value;
}
