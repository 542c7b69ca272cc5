import { JreError } from './jre-error';

/**
 * json-rules-engine's `parseInt(priority, 10)`: the same coercion (strings, numbers, objects with a
 * toString), but an object that cannot become a string — where json-rules-engine throws a bare
 * TypeError — is a coded INVALID_PRIORITY.
 */
export function parsePriority(value: unknown, where: string): number {
  let text: string;
  try {
    text = String(value);
  } catch {
    throw new JreError('INVALID_PRIORITY', `${where}: priority must be a number`);
  }
  return Number.parseInt(text, 10);
}
