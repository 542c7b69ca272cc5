import type { LocalizedText } from '../localized-text';
import { RulesError } from '../rules-error';

/**
 * With `skipValidation` the compiler meets raw json-rules-engine rules that no schema has seen. It
 * checks the shape it relies on as it goes, so a wrong type becomes a coded error at its path,
 * never a TypeError from deep inside (json-rules-engine itself says "Unknown operator: undefined"
 * when `not` is given a list).
 */
export function shapeError(path: string, message: LocalizedText): RulesError {
  return new RulesError('schema-violation', message, path);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(
  value: unknown,
  path: string,
  what: LocalizedText,
): asserts value is Record<string, unknown> {
  if (isObject(value)) return;
  const list = Array.isArray(value);
  throw shapeError(path, {
    nl: `${what.nl} moet één object zijn${list ? ', geen lijst' : ''}.`,
    en: `${what.en} must be one object${list ? ', not a list' : ''}.`,
  });
}

export function expectString(value: unknown, path: string, what: LocalizedText): asserts value is string {
  if (typeof value === 'string') return;
  throw shapeError(path, { nl: `${what.nl} moet tekst zijn.`, en: `${what.en} must be a string.` });
}

/** Priorities are read with parseInt(String(p)) as json-rules-engine does; String() of an object can itself throw. */
export function expectPriority(value: unknown, path: string): void {
  if (
    value === undefined ||
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  )
    return;
  throw shapeError(path, { nl: 'Een prioriteit moet een getal zijn.', en: 'A priority must be a number.' });
}

/** Anything that escapes evaluation as another error becomes a coded one: callers only ever see RulesError. */
export function asRulesError(error: unknown, path = ''): RulesError {
  if (error instanceof RulesError) return error;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return new RulesError(
    'evaluation-failed',
    { nl: `De evaluatie is mislukt (${reason}).`, en: `Evaluation failed (${reason}).` },
    path,
  );
}
