import { Almanac as ReferenceAlmanac } from 'json-rules-engine';
import { Almanac } from '../../../../rules';

// Almanacs for `run(facts, { almanac })`, one per kind, made from either engine's Almanac class so the
// same subclass runs on both: json-rules-engine's documented extension is a subclass that overrides
// factValue (examples/12-using-custom-almanac.js) — here also one overriding getValue, and the plain one.

export type AlmanacKind = 'plain' | 'shifted' | 'valued';
export const ALMANAC_KINDS: AlmanacKind[] = ['plain', 'shifted', 'valued'];

type Base = typeof Almanac | typeof ReferenceAlmanac;
type AnyAlmanac = { addFact(id: string, value: unknown): unknown };

/** A subclass of `base` of this kind; `preset` facts are added before the run, as a caller may. */
export function makeAlmanac(
  base: Base,
  kind: AlmanacKind,
  options: { allowUndefinedFacts?: boolean },
  preset: Record<string, unknown> = {},
): AnyAlmanac {
  const Parent = base as unknown as new (options: object) => {
    factValue(id: string, params?: object, path?: string): Promise<unknown>;
    getValue(value: unknown): Promise<unknown>;
  };
  let almanac: AnyAlmanac;
  if (kind === 'shifted') {
    // Every number a fact gives is one more, answered a tick later.
    class Shifted extends Parent {
      override factValue(id: string, params?: object, path?: string): Promise<unknown> {
        return super
          .factValue(id, params, path)
          .then((v) => new Promise((resolve) => setImmediate(() => resolve(typeof v === 'number' ? v + 1 : v))));
      }
    }
    almanac = new Shifted(options) as unknown as AnyAlmanac;
  } else if (kind === 'valued') {
    // A condition's value that is a number is doubled; text values are read as they are.
    class Valued extends Parent {
      override getValue(value: unknown): Promise<unknown> {
        return super.getValue(value).then((v) => (typeof v === 'number' ? v * 2 : v));
      }
    }
    almanac = new Valued(options) as unknown as AnyAlmanac;
  } else almanac = new Parent(options) as unknown as AnyAlmanac;
  for (const [id, value] of Object.entries(preset)) almanac.addFact(id, value);
  return almanac;
}

export { ReferenceAlmanac };
