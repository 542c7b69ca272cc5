import type { ProcessDefinition } from '../dsl/schema';
import { validateDefinition } from '../dsl/validate-definition';
import nareizigerHotelverblijf from './nareiziger-hotelverblijf.json';

/** The built-in processes: the defaults a municipality starts from, checked like any other definition. */
const sources: unknown[] = [nareizigerHotelverblijf];

export const builtInDefinitions: ReadonlyMap<string, ProcessDefinition> = new Map(
  sources.map((source) => {
    const result = validateDefinition(source);
    if (!result.valid) {
      throw new Error(`Built-in definition is invalid: ${JSON.stringify(result.errors, null, 2)}`);
    }
    return [result.definition.id, result.definition];
  }),
);
