import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { archivedDefinition, archivedDefinitions, builtInDefinitions } from '../../../workflows/definitions';
import hotelArchive from '../../../workflows/definitions/archive/nareiziger-hotelverblijf-v1.json';
import { decisionFacts, expectedEvents } from '../../../workflows/dsl/declarations';
import { inlineDeclarations } from '../../../workflows/dsl/inline-declarations';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import type { ProcessDefinitionV1 } from '../../../workflows/dsl/schema-v1';
import { upgradeDefinition } from '../../../workflows/dsl/upgrade-definition';
import { upgradeStoredDefinition } from '../../../workflows/dsl/upgrade-stored-definition';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const builtInsV1 = path.join(__dirname, 'format-1');
const histories = path.join(__dirname, '..', '..', 'fixtures', 'histories');

/** The definition snapshot in a recorded history's start event (json/plain payloads). */
function snapshotOf(file: string): ProcessDefinitionV1 {
  const history = read(path.join(histories, file)) as {
    events: Array<{ workflowExecutionStartedEventAttributes?: { input: { payloads: Array<{ data: string }> } } }>;
  };
  const payload = history.events[0]?.workflowExecutionStartedEventAttributes?.input.payloads[0];
  return (
    JSON.parse(Buffer.from(payload?.data ?? '', 'base64').toString('utf8')) as { definition: ProcessDefinitionV1 }
  ).definition;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Every version-1 definition there is: the built-ins as they were, the archive, each recorded snapshot. */
const versionOne: Array<[string, ProcessDefinitionV1]> = [
  ...readdirSync(builtInsV1).map((f): [string, ProcessDefinitionV1] => [
    `built-in ${f}`,
    read(path.join(builtInsV1, f)) as ProcessDefinitionV1,
  ]),
  ['archive nareiziger-hotelverblijf-v1', hotelArchive as unknown as ProcessDefinitionV1],
  ...readdirSync(histories)
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, ProcessDefinitionV1] => [`fixture ${f}`, snapshotOf(f)])
    // Fixtures recorded after format version 2 came start with a version-2 snapshot: nothing to upgrade.
    .filter(([, snapshot]) => !('formatVersion' in snapshot)),
];

/** What the interpreter reads of a decision: its facts, in order (they go to the rules in this order). */
const factOrders = (def: ProcessDefinitionV1) =>
  def.nodes.flatMap((n) => (n.kind === 'decision' ? [Object.keys(n.facts)] : []));

describe('upgradeDefinition: format version 1 → 2 with the same behaviour', () => {
  it('covers every built-in and every recorded fixture', () => {
    expect(versionOne.length).toBeGreaterThanOrEqual(3 + 1 + 8);
  });

  it.each(versionOne)('%s: upgraded, valid, and written out again it is the version-1 original', (_name, v1) => {
    const upgraded = upgradeDefinition(deepFreeze(structuredClone(v1)));
    expect(upgraded.formatVersion).toBe(2);
    const checked = validateDefinition(upgraded, { lookupDefinition: (id) => builtInDefinitions.get(id) });
    expect(checked).toMatchObject({ valid: true, warnings: [] });
    const back = inlineDeclarations(upgraded);
    expect(back).toEqual(v1);
    expect(factOrders(back)).toEqual(factOrders(v1));
    // Every step's events read through the declarations are the step's own version-1 events.
    upgraded.nodes.forEach((n, i) => {
      const before = v1.nodes[i];
      if (n.kind === 'wait' && before?.kind === 'wait') expect(expectedEvents(upgraded, n)).toEqual(before.events);
      if (n.kind === 'decision' && before?.kind === 'decision')
        expect(JSON.stringify(decisionFacts(upgraded, n))).toBe(JSON.stringify(before.facts));
    });
  });

  it.each(versionOne)('%s: idempotent and deterministic', (_name, v1) => {
    const once = upgradeDefinition(v1);
    expect(upgradeDefinition(once)).toBe(once);
    expect(JSON.stringify(upgradeDefinition(structuredClone(v1)))).toBe(JSON.stringify(once));
  });

  // The version-1 files are the built-ins as they were when format 2 came; later versions of a
  // built-in are new behaviour, so each file is compared with the archived version it names.
  it.each([...builtInDefinitions.keys()].filter((id) => readdirSync(builtInsV1).includes(`${id}.json`)))(
    'the version-2 built-in %s means what its version-1 file meant',
    (id) => {
      const v1 = read(path.join(builtInsV1, `${id}.json`)) as ProcessDefinitionV1;
      const v2 = (archivedDefinition(id, v1.version) ?? builtInDefinitions.get(id)) as ProcessDefinition;
      expect(v2.formatVersion).toBe(2);
      expect(inlineDeclarations(v2)).toEqual(v1);
      expect(
        inlineDeclarations(v2).nodes.flatMap((n) => (n.kind === 'decision' ? [Object.keys(n.facts)] : [])),
      ).toEqual(factOrders(v1));
    },
  );

  it('the three copies of woning-gevonden in har-overdracht are one declaration', () => {
    const har = builtInDefinitions.get('har-overdracht') as ProcessDefinition;
    expect(Object.keys(har.events ?? {})).toEqual(['plaatsing-bevestigd', 'woning-gevonden', 'uitgeschreven']);
    const raw = readFileSync(path.join(__dirname, '../../../workflows/definitions/har-overdracht.json'), 'utf8');
    expect(raw.match(/"tenancyStartDate": \{/g)).toHaveLength(1);
  });

  it('both decisions of huisvesting-statushouder share one fact mapping; the second adds the refusal', () => {
    const housing = builtInDefinitions.get('huisvesting-statushouder') as ProcessDefinition;
    const decisions = housing.nodes.flatMap((n) => (n.kind === 'decision' ? [n.factMappings] : []));
    expect(decisions).toEqual([['statushouder'], ['statushouder', 'passend-aanbod-geweigerd']]);
  });

  it('the archive stays in format version 1 byte for byte; its export is upgraded', () => {
    expect(hotelArchive).not.toHaveProperty('formatVersion');
    expect(archivedDefinitions[0]?.formatVersion).toBe(2);
  });

  it('copies of one event that differ keep their own label or payload schema on the step (nothing changes for a client)', () => {
    const v1 = structuredClone(versionOne[0]![1]);
    const waits = v1.nodes.filter((n) => n.kind === 'wait');
    const event = (waits[1] as Extract<(typeof waits)[number], { kind: 'wait' }>).events[0]!;
    event.label = { nl: 'Toch een woning' };
    event.payloadSchema = { type: 'object', properties: { x: { type: 'string' } } };
    const upgraded = upgradeDefinition(v1);
    const ref = upgraded.nodes.flatMap((n) => (n.kind === 'wait' ? n.events : [])).find((e) => e.label);
    expect(ref).toMatchObject({ name: event.name, label: event.label, payloadSchema: event.payloadSchema });
    expect(inlineDeclarations(upgraded)).toEqual(v1);
    const result = validateDefinition(v1);
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['UPGRADED_FROM_V1', 'EVENT_OVERRIDE']);
  });

  it('equal fact mappings become one, named after the first decision; key order decides equality', () => {
    const v1 = structuredClone(versionOne.find(([n]) => n.includes('huisvesting'))![1]);
    type Decision = Extract<(typeof v1.nodes)[number], { kind: 'decision' }>;
    const [first, second] = v1.nodes.filter((n): n is Decision => n.kind === 'decision');
    second!.facts = { ...first!.facts };
    expect(Object.keys(upgradeDefinition(v1).factMappings ?? {})).toEqual(['voorrangsbesluit']);
    second!.facts = Object.fromEntries(Object.entries(first!.facts).reverse());
    expect(Object.keys(upgradeDefinition(v1).factMappings ?? {})).toEqual([
      'voorrangsbesluit',
      'voorrang-na-weigering',
    ]);
  });

  it('upgradeStoredDefinition upgrades a well-formed version 1 only; anything else comes back as it is', () => {
    const v1 = versionOne[0]![1];
    expect(upgradeStoredDefinition(v1)).toMatchObject({ formatVersion: 2 });
    const broken = { ...v1, nodes: 'geen' };
    expect(upgradeStoredDefinition(broken)).toBe(broken);
    const v2 = builtInDefinitions.get('har-overdracht');
    expect(upgradeStoredDefinition(v2)).toBe(v2);
    expect(upgradeStoredDefinition(null)).toBeNull();
  });
});
