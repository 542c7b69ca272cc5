import { redactPersonalNumbers } from '../../workflows/privacy/find-personal-number';

export const CENSOR = '[verwijderd]';

/**
 * Keys whose values are personal data wherever they appear in a logged object: case data and
 * payloads as a whole, the usual names of identifying fields, and every property a process
 * definition declares as `personalData` (added as definitions are used, see declarePersonalFields).
 */
const personalKeys = new Set<string>([
  'data',
  'payload',
  'facts',
  'bsn',
  'vNumber',
  'vnummer',
  'name',
  'naam',
  'dateOfBirth',
  'geboortedatum',
  'address',
  'adres',
  'email',
  'phone',
  'telefoon',
  'nareiziger',
  'statushouder',
]);

/**
 * Adds the `personalData` declaration of a process definition to the keys every log line drops.
 * A dotted entry (`statushouder.name`) adds its last segment as well.
 */
export function declarePersonalFields(names: readonly string[] | undefined): void {
  for (const name of names ?? []) {
    personalKeys.add(name);
    const last = name.split('.').pop();
    if (last) personalKeys.add(last);
  }
}

export function isPersonalKey(key: string): boolean {
  return personalKeys.has(key);
}

const MAX_DEPTH = 8;

/**
 * A copy of a value fit for a log line: personal keys censored at any depth, BSNs and V-nummers
 * censored inside every text (messages of errors included), errors turned into plain objects.
 */
export function redactPersonal(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactPersonalNumbers(value, CENSOR);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[diep]';
  if (Array.isArray(value)) return value.map((v) => redactPersonal(v, depth + 1));
  if (value instanceof Date) return value;
  const isError = value instanceof Error;
  const source: Record<string, unknown> = isError
    ? { message: value.message, stack: value.stack, ...(value as unknown as Record<string, unknown>) }
    : (value as Record<string, unknown>);
  // An error keeps its prototype, so the log's error serializer still names its type.
  const out: Record<string, unknown> = isError
    ? (Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>)
    : {};
  for (const [k, v] of Object.entries(source)) {
    if (v === undefined) continue;
    out[k] = personalKeys.has(k) ? CENSOR : redactPersonal(v, depth + 1);
  }
  if (value instanceof Error && value.cause !== undefined) out.cause = redactPersonal(value.cause, depth + 1);
  return out;
}
