import type { ProcessDefinition } from '../dsl/schema';
import { validateDefinition } from '../dsl/validate-definition';
import harV1 from './archive/har-overdracht-v1.json';
import housingV1 from './archive/huisvesting-statushouder-v1.json';
import housingV2 from './archive/huisvesting-statushouder-v2.json';
import housingV3 from './archive/huisvesting-statushouder-v3.json';
import hotelV1 from './archive/nareiziger-hotelverblijf-v1.json';
import hotelV2 from './archive/nareiziger-hotelverblijf-v2.json';
import transitionV1 from './archive/overgang-oekraine-v1.json';
import urgencyV1 from './archive/urgentie-aanvraag-v1.json';
import urgencyV2 from './archive/urgentie-aanvraag-v2.json';
import harOverdracht from './har-overdracht.json';
import huisvestingStatushouder from './huisvesting-statushouder.json';
import inburgering from './inburgering.json';
import nareizigerHotelverblijf from './nareiziger-hotelverblijf.json';
import overgangOekraine from './overgang-oekraine.json';
import urgentieAanvraag from './urgentie-aanvraag.json';

/** The built-in processes: the defaults a municipality starts from, checked like any other definition. */
const sources: unknown[] = [
  nareizigerHotelverblijf,
  harOverdracht,
  huisvestingStatushouder,
  urgentieAanvraag,
  inburgering,
  overgangOekraine,
];

function checked(source: unknown, lookup?: (id: string) => ProcessDefinition | undefined): ProcessDefinition {
  const result = validateDefinition(source, lookup ? { lookupDefinition: lookup } : {});
  if (!result.valid) throw new Error(`Built-in definition is invalid: ${JSON.stringify(result.errors, null, 2)}`);
  return result.definition;
}

const shapes = new Map(
  sources.map((s) => {
    const d = checked(s);
    return [d.id, d] as const;
  }),
);

/** Built-ins by id, each also checked against the others (its subprocesses must exist). */
export const builtInDefinitions: ReadonlyMap<string, ProcessDefinition> = new Map(
  [...shapes.values()].map((d) => [d.id, checked(d, (id) => shapes.get(id))]),
);

/**
 * Earlier versions of built-ins, kept byte for byte: the recorded histories in
 * test/fixtures/histories started with these snapshots, and new cases never use them. The first
 * is in format version 1 (as recorded); the later ones were archived in format version 2.
 */
export const archivedDefinitions: readonly ProcessDefinition[] = [
  checked(hotelV1),
  checked(hotelV2),
  checked(harV1),
  checked(housingV1),
  checked(housingV2),
  checked(housingV3),
  checked(urgencyV1),
  checked(urgencyV2),
  checked(transitionV1),
];

/** An earlier version of a built-in, as cases and fixtures that started with it have it. */
export function archivedDefinition(id: string, version: number): ProcessDefinition | undefined {
  return archivedDefinitions.find((d) => d.id === id && d.version === version);
}
