import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import hotel from '../../../workflows/definitions/nareiziger-hotelverblijf.json';

/** The built-in hotel-stay definition, a fresh deep copy per call. */
export function hotelStay(): ProcessDefinition {
  return JSON.parse(JSON.stringify(hotel)) as ProcessDefinition;
}

/** Freezes a document all the way down, so a mapper that writes to it throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
