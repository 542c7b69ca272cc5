import { ApiError } from '../../platform/errors';
import { toMunicipalDate } from '../notificaties/field-date';

/** What a notification's zaak resolves to: the zaak, its eigenschappen, its current status and rollen. */
export interface ZaakSnapshot {
  zaak: Record<string, unknown>;
  eigenschappen: Array<{ naam: string; waarde: string }>;
  status: Record<string, unknown> | null;
  rollen: Array<Record<string, unknown>>;
}

export type ZgwFieldSource =
  { from: string; as?: 'string' | 'integer' | 'number' | 'boolean' | 'date' } | { value: unknown };

/** `zaak.<field>`, `status.<field>` (dotted paths) and `eigenschap:<naam>`: the sources a mapping may read. */
export const ZGW_SOURCE_PATTERN =
  /^(zaak|status)\.[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$|^eigenschap:.{1,100}$/;

export function isZgwSource(from: string): boolean {
  return ZGW_SOURCE_PATTERN.test(from);
}

function pick(obj: Record<string, unknown> | null, path: string[]): unknown {
  let v: unknown = obj;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function read(snapshot: ZaakSnapshot, from: string): unknown {
  if (from.startsWith('eigenschap:')) {
    const naam = from.slice('eigenschap:'.length);
    return snapshot.eigenschappen.find((e) => e.naam === naam)?.waarde;
  }
  const [root, ...path] = from.split('.');
  return pick(root === 'zaak' ? snapshot.zaak : snapshot.status, path);
}

function convert(value: unknown, as: 'string' | 'integer' | 'number' | 'boolean' | 'date', from: string): unknown {
  const text = typeof value === 'string' ? value.trim() : value;
  if (as === 'date') {
    const date = toMunicipalDate(text);
    if (date) return date;
    throw new ApiError(
      400,
      'INVALID_CASE_DATA',
      `${from}: moet een datum of datum-tijd zijn (1900–2100) voor deze koppeling (must be a date or date-time).`,
      `/zgw/${from}`,
    );
  }
  if (as === 'string') return typeof text === 'string' ? text : JSON.stringify(text);
  if (as === 'boolean') {
    if (text === true || text === 'true') return true;
    if (text === false || text === 'false') return false;
  } else if (typeof text === 'number' && (as === 'number' || Number.isInteger(text))) {
    return text;
  } else if (
    typeof text === 'string' &&
    (as === 'integer' ? /^-?\d{1,15}$/.test(text) : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text))
  ) {
    return Number(text);
  }
  throw new ApiError(
    400,
    'INVALID_CASE_DATA',
    `${from}: moet ${as === 'boolean' ? 'true of false' : as === 'integer' ? 'een geheel getal' : 'een getal'} zijn voor deze koppeling (must be ${as}).`,
    `/zgw/${from}`,
  );
}

/**
 * Builds case data or an event payload from the zaak behind a notification, with the same
 * conversions as the kenmerken form (services/notificaties/field-map.ts). An absent or null
 * field leaves the target out; the process's schema then says what is missing. Sources that are
 * not ZGW sources are left to the kenmerken form (`fallback`).
 */
export function mapZaakFields(
  snapshot: ZaakSnapshot,
  map: Record<string, ZgwFieldSource> | undefined,
  fallback: (from: string) => string | undefined = () => undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [target, source] of Object.entries(map ?? {})) {
    if ('value' in source) {
      out[target] = source.value;
      continue;
    }
    const raw = isZgwSource(source.from) ? read(snapshot, source.from) : fallback(source.from);
    if (raw === undefined || raw === null || raw === '') continue;
    out[target] = convert(raw, source.as ?? 'string', source.from);
  }
  return out;
}
