import type { FieldSource, MappingAction } from '../../contract/notificaties';
import { isZgwSource, mapZaakFields, type ZaakSnapshot } from '../zgw/zgw-fields';

/** The field map of an action: case data of a start, the payload of an event. */
function fieldsOf(action: MappingAction): Record<string, FieldSource> {
  return (action.kind === 'start-case' ? action.data : action.payload) ?? {};
}

/** Every `zaak.*`, `status.*` and `eigenschap:*` source an action reads, its conditions included. */
export function zaakSourcesOf(action: MappingAction): string[] {
  const sources = new Set<string>();
  for (const source of Object.values(fieldsOf(action)))
    if ('from' in source && isZgwSource(source.from)) sources.add(source.from);
  for (const key of Object.keys(action.when ?? {})) sources.add(key);
  return [...sources];
}

/**
 * A mapping that reads the zaak behind the notification (a field or a condition on it, or
 * `readZaak`) is handled by a workflow and answered 202; the kenmerken form stays synchronous.
 */
export function readsZaak(action: MappingAction): boolean {
  return action.readZaak === true || zaakSourcesOf(action).length > 0;
}

/** Whether the fetched zaak meets the action's conditions: each named field has one of its values. */
export function conditionsHold(snapshot: ZaakSnapshot, action: MappingAction): boolean {
  return Object.entries(action.when ?? {}).every(([from, values]) => {
    let value: unknown;
    try {
      value = mapZaakFields(snapshot, { v: { from, as: 'string' } }).v;
    } catch {
      return false;
    }
    return typeof value === 'string' && values.includes(value);
  });
}

function keepPath(
  from: Record<string, unknown> | null,
  into: Record<string, unknown>,
  path: string[],
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (!from || head === undefined || !(head in from)) return into;
  const value = from[head];
  if (rest.length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (rest.length === 0) into[head] = value;
    return into;
  }
  const child = (into[head] as Record<string, unknown> | undefined) ?? {};
  into[head] = keepPath(value as Record<string, unknown>, child, rest);
  return into;
}

/**
 * The snapshot cut down to what the mappings read (their fields and conditions), so the
 * workflow's history holds no more of the zaak than that. Rollen keep their kind only
 * (roltype, omschrijvingGeneriek): never who the betrokkene is.
 */
export function projectSnapshot(snapshot: ZaakSnapshot, sources: string[]): ZaakSnapshot {
  const zaak: Record<string, unknown> = {};
  const status: Record<string, unknown> = {};
  const names = new Set<string>();
  for (const source of sources) {
    if (source.startsWith('eigenschap:')) names.add(source.slice('eigenschap:'.length));
    else {
      const [root, ...path] = source.split('.');
      if (root === 'zaak') keepPath(snapshot.zaak, zaak, path);
      else if (root === 'status') keepPath(snapshot.status, status, path);
    }
  }
  return {
    zaak,
    eigenschappen: snapshot.eigenschappen
      .filter((e) => names.has(e.naam))
      .map((e) => ({ naam: e.naam, waarde: e.waarde })),
    status: snapshot.status === null ? null : status,
    rollen: snapshot.rollen.map((r) => ({
      ...(typeof r.roltype === 'string' ? { roltype: r.roltype } : {}),
      ...(typeof r.omschrijvingGeneriek === 'string' ? { omschrijvingGeneriek: r.omschrijvingGeneriek } : {}),
    })),
  };
}
