import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtInDefinitions } from '../../../workflows/definitions';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import type { ProcessDefinitionV1 } from '../../../workflows/dsl/schema-v1';
import { upgradeDefinition } from '../../../workflows/dsl/upgrade-definition';
import { POOL_SIZE, sharedDefinition } from '../../../workflows/engine/definition-pool';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const housing = builtInDefinitions.get('huisvesting-statushouder') as ProcessDefinition;
const housingV1 = JSON.parse(
  readFileSync(path.join(__dirname, '..', 'dsl', 'format-1', 'huisvesting-statushouder.json'), 'utf8'),
) as ProcessDefinitionV1;

describe('definition snapshots shared by the cases of a worker', () => {
  it('gives equal snapshots (separate copies, as the SDK decodes them per case) one shared, frozen entry', () => {
    const first = sharedDefinition(copy(housing));
    const second = sharedDefinition(copy(housing));
    expect(second).toBe(first);
    expect(second.definition).toEqual(housing);
    expect(Object.isFrozen(first.definition)).toBe(true);
    expect(Object.isFrozen(first.definition.nodes[0])).toBe(true);
    // A case cannot change what the other cases read: writes to the shared copy throw (strict mode).
    expect(() => {
      (first.definition.nodes as unknown[]).push({});
    }).toThrow(TypeError);
    // Its nodes by id, made once.
    expect(first.nodes.get(housing.start)?.id).toBe(housing.start);
    expect([...first.nodes.keys()]).toEqual(housing.nodes.map((n) => n.id));
  });

  it('keeps another version or content apart', () => {
    const a = sharedDefinition(copy(housing));
    const b = sharedDefinition({ ...copy(housing), version: housing.version + 1 });
    expect(b).not.toBe(a);
    expect(b.definition.version).toBe(housing.version + 1);
  });

  it('upgrades a version-1 snapshot once, and hands on the snapshot as it came (continue-as-new)', () => {
    const original = copy(housingV1);
    const entry = sharedDefinition(copy(housingV1));
    expect(entry.snapshot).toEqual(original);
    expect(entry.definition).toEqual(upgradeDefinition(copy(housingV1)));
    expect(entry.definition.formatVersion).toBe(2);
    expect(Object.isFrozen(entry.definition.nodes)).toBe(true);
    expect(sharedDefinition(copy(housingV1))).toBe(entry);
  });

  it('stays bounded: past its size the oldest snapshot is dropped, and comes back equal when asked again', () => {
    const first = sharedDefinition({ ...copy(housing), version: 1000 });
    for (let i = 1; i <= POOL_SIZE; i += 1) sharedDefinition({ ...copy(housing), version: 1000 + i });
    const again = sharedDefinition({ ...copy(housing), version: 1000 });
    expect(again).not.toBe(first);
    expect(again.definition).toEqual(first.definition);
  });
});
