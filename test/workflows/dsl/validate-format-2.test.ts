import { ACTION_PARAMS, paramFields } from '../../../workflows/dsl/action-params';
import { inlineDeclarations } from '../../../workflows/dsl/inline-declarations';
import { ACTION_NAMES } from '../../../workflows/dsl/schema';
import { validateDefinition, type DefinitionError } from '../../../workflows/dsl/validate-definition';
import { archivedBuiltIn, harDefinition, housingDefinition } from '../../support/factories';

type Mutate = (def: any) => void;
const node = (def: any, id: string) => def.nodes.find((n: any) => n.id === id);
const indexOf = (def: any, id: string) => def.nodes.findIndex((n: any) => n.id === id);

function check(base: () => unknown, mutate: Mutate, options = {}) {
  const def = base() as any;
  mutate(def);
  return validateDefinition(def, options);
}
const errorsOf = (base: () => unknown, mutate: Mutate, options = {}): DefinitionError[] => {
  const r = check(base, mutate, options);
  return r.valid ? [] : r.errors;
};

describe('format version 2: declarations', () => {
  it('UNKNOWN_EVENT: a wait step names an event that is not declared', () => {
    const errors = errorsOf(harDefinition, (d) => (node(d, 'na-termijn').events[0].name = 'woning-gekregen'));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_EVENT',
        path: `/nodes/${indexOf(harDefinition(), 'na-termijn')}/events/0/name`,
        nodeId: 'na-termijn',
      }),
    ]);
  });

  it('INVALID_PAYLOAD_SCHEMA: checked once, where the event is declared, naming the first step that expects it', () => {
    const errors = errorsOf(
      harDefinition,
      (d) => (d.events['woning-gevonden'].payloadSchema = { type: 'object', properties: { x: { type: 'geen' } } }),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_PAYLOAD_SCHEMA',
        path: '/events/woning-gevonden/payloadSchema',
        nodeId: 'wacht-op-plaatsing',
      }),
    ]);
  });

  it('PAYLOAD_SCHEMA_NOT_OBJECT on a declaration', () => {
    expect(errorsOf(harDefinition, (d) => (d.events.uitgeschreven.payloadSchema = {}))).toEqual([
      expect.objectContaining({ code: 'PAYLOAD_SCHEMA_NOT_OBJECT', path: '/events/uitgeschreven/payloadSchema/type' }),
    ]);
  });

  it('SCHEMA: an event name that is no kebab-case id is refused where it is declared', () => {
    const errors = errorsOf(harDefinition, (d) => (d.events['Woning Gevonden'] = d.events['woning-gevonden']));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'SCHEMA', path: '/events/Woning Gevonden' }));
  });

  it('UNUSED_EVENT and UNUSED_FACT_MAPPING are warnings: the definition stays valid', () => {
    const r = check(housingDefinition, (d) => {
      d.events = { ...d.events, 'nooit-verwacht': { label: { nl: 'Nooit' }, payloadSchema: { type: 'object' } } };
      d.factMappings.ongebruikt = { permitType: 'data.permitType' };
    });
    expect(r.valid).toBe(true);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'UNUSED_EVENT', path: '/events/nooit-verwacht' }),
      expect.objectContaining({ code: 'UNUSED_FACT_MAPPING', path: '/factMappings/ongebruikt' }),
    ]);
  });

  it('UNKNOWN_FACT_MAPPING: a decision names a mapping that is not declared', () => {
    const errors = errorsOf(housingDefinition, (d) => node(d, 'voorrang-na-weigering').factMappings.push('weigering'));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_FACT_MAPPING',
        path: `/nodes/${indexOf(housingDefinition(), 'voorrang-na-weigering')}/factMappings/2`,
        nodeId: 'voorrang-na-weigering',
      }),
    ]);
  });

  it('FACT_MAPPED_TWICE: two mappings of one decision may not both say where a fact comes from', () => {
    const errors = errorsOf(
      housingDefinition,
      (d) => (d.factMappings['passend-aanbod-geweigerd'].permitType = { value: 'asiel' }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'FACT_MAPPED_TWICE', path: expect.stringMatching(/\/factMappings\/1$/) }),
    ]);
  });

  it('a fact mapping is checked where it is declared (UNKNOWN_DATE), naming the first decision that uses it', () => {
    const errors = errorsOf(housingDefinition, (d) => (d.factMappings.statushouder.permitDate = 'dates.nergens'));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_DATE',
        path: '/factMappings/statushouder/permitDate',
        nodeId: 'voorrangsbesluit',
      }),
    ]);
  });

  it('FACT_NOT_MAPPED reads the merged mappings and points at the decision’s factMappings', () => {
    const errors = errorsOf(housingDefinition, () => undefined, {
      ruleSetNeededFacts: () => ['refusedSuitableOffer'],
    });
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'FACT_NOT_MAPPED',
        path: `/nodes/${indexOf(housingDefinition(), 'voorrangsbesluit')}/factMappings`,
        nodeId: 'voorrangsbesluit',
      }),
    ]);
  });
});

describe('format version 2: task settings from the action registry', () => {
  const task = (d: any) => node(d, 'termijn-verstreken');
  const taskPath = `/nodes/${indexOf(harDefinition(), 'termijn-verstreken')}/params`;

  it('every action has a params schema (the mapped type makes a missing one a compile error)', () => {
    expect(Object.keys(ACTION_PARAMS).sort()).toEqual([...ACTION_NAMES].sort());
    expect(paramFields('set-status')).toEqual([
      { name: 'status', label: { nl: 'Status', en: 'Status' }, field: 'text', required: true },
    ]);
    expect(paramFields('set-variables')).toEqual([]);
  });

  it('UNKNOWN_TASK_PARAM: a misspelled `stauts` is refused with its path', () => {
    const errors = errorsOf(harDefinition, (d) => (task(d).params = { stauts: 'termijn-verstreken' }));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'INVALID_TASK_PARAM', path: `${taskPath}/status`, nodeId: 'termijn-verstreken' }),
      expect.objectContaining({ code: 'UNKNOWN_TASK_PARAM', path: `${taskPath}/stauts`, nodeId: 'termijn-verstreken' }),
    ]);
    expect(errors[1]?.message.en).toBe('Action "set-status" has no setting "stauts" (it has: status).');
  });

  it('INVALID_TASK_PARAM: a wrong type gives one error per setting, a parameter reference is fine', () => {
    expect(errorsOf(harDefinition, (d) => (task(d).params = { status: 7 }))).toEqual([
      expect.objectContaining({ code: 'INVALID_TASK_PARAM', path: `${taskPath}/status` }),
    ]);
    expect(
      errorsOf(harDefinition, (d) => {
        d.parameters.eindstatus = 'termijn-verstreken';
        task(d).params = { status: { param: 'eindstatus' } };
      }),
    ).toEqual([]);
    const counts = `/nodes/${indexOf(harDefinition(), 'tel-plaatsing')}/params/counts`;
    expect(errorsOf(harDefinition, (d) => (node(d, 'tel-plaatsing').params.counts = 'ja'))).toEqual([
      expect.objectContaining({ code: 'INVALID_TASK_PARAM', path: counts }),
    ]);
  });

  it('version-1 input gets the same check (after the upgrade)', () => {
    const v1 = inlineDeclarations(harDefinition()) as any;
    task(v1).params = { stauts: 'x', status: 'y' };
    const r = validateDefinition(v1);
    expect(r.valid).toBe(false);
    expect(!r.valid && r.errors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_TASK_PARAM', path: `${taskPath}/stauts` }),
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['UPGRADED_FROM_V1']);
  });
});

describe('format version 2: which version an input is', () => {
  it('version-1 input is accepted, upgraded, and the validator says so', () => {
    // Version 2 of the housing process: version 3's check step has no version-1 form.
    const housingV2 = () => archivedBuiltIn('huisvesting-statushouder', 2);
    const r = validateDefinition(inlineDeclarations(housingV2()));
    expect(r).toMatchObject({ valid: true, definition: { formatVersion: 2 } });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'UPGRADED_FROM_V1', path: '' })]);
    expect(validateDefinition({ ...inlineDeclarations(housingV2()), formatVersion: 1 }).valid).toBe(true);
  });

  it('a version-1 shape error points into what was sent', () => {
    const v1 = inlineDeclarations(harDefinition()) as any;
    delete v1.nodes[0].events[0].payloadSchema;
    const r = validateDefinition(v1);
    // A node is a union of kinds, so ajv names the path for each kind; the wait step's is among them.
    expect(!r.valid && r.errors).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA', path: '/nodes/0/events/0/payloadSchema' }),
    );
  });

  it('declarations without formatVersion are a version 2 that forgot it; an unknown version is refused', () => {
    const { formatVersion: _v, ...forgot } = harDefinition();
    const r = validateDefinition(forgot);
    expect(!r.valid && r.errors).toContainEqual(expect.objectContaining({ code: 'SCHEMA', path: '/formatVersion' }));
    const three = validateDefinition({ ...harDefinition(), formatVersion: 3 });
    expect(!three.valid && three.errors[0]).toMatchObject({ code: 'SCHEMA', path: '/formatVersion' });
  });
});
