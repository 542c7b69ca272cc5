import { validateDefinition, type DefinitionError } from '../../../workflows/dsl/validate-definition';
import { builtInDefinitions } from '../../../workflows/definitions';
import { harDefinition, hotelDefinition, housingDefinition } from '../../support/factories';

type Mutate = (def: any) => void;
const lookup = (id: string) => builtInDefinitions.get(id);

function errorsOf(base: () => unknown, mutate: Mutate, options = {}): DefinitionError[] {
  const def = base() as any;
  mutate(def);
  const result = validateDefinition(def, options);
  return result.valid ? [] : result.errors;
}
const hotel = (m: Mutate) => errorsOf(hotelDefinition, m);
// Version 4: node 0 is the start task that starts the linked inburgering case, node 1 the priority decision.
const housing = (m: Mutate, options = {}) => errorsOf(housingDefinition, m, options);
const har = (m: Mutate) => errorsOf(harDefinition, m);
const node = (def: any, id: string) => def.nodes.find((n: any) => n.id === id);

describe('process-definition validation', () => {
  it.each([...builtInDefinitions.keys()])(
    'accepts the built-in %s, also with subprocess lookup and rule-set events',
    (id) => {
      const result = validateDefinition(builtInDefinitions.get(id), {
        lookupDefinition: lookup,
        ruleSetEvents: (kind) =>
          kind === 'inburgering-pip' ? ['b1-route', 'onderwijsroute', 'z-route'] : ['priority', 'no-priority'],
      });
      expect(result).toMatchObject({ valid: true });
    },
  );

  it('SCHEMA: names the path of a shape error', () => {
    const errors = hotel((d) => (d.nodes[0].kind = 'loop'));
    expect(errors[0]).toMatchObject({ code: 'SCHEMA', path: expect.stringMatching(/^\/nodes\/0/) });
  });
  it('SCHEMA: an invalid literal ISO duration is refused by the schema', () => {
    const errors = hotel((d) => (d.nodes[2].timeout.at.after = '6 maanden'));
    expect(errors.some((e) => e.code === 'SCHEMA' && e.path.startsWith('/nodes/2/timeout/at/after'))).toBe(true);
  });
  it('UNKNOWN_NODE: a transition to a missing node, with the node it concerns', () => {
    expect(hotel((d) => (d.nodes[0].next = 'nergens'))).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_NODE', path: '/nodes/0/next', nodeId: 'registratie' }),
    );
    expect(hotel((d) => (d.start = 'nergens'))).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_NODE', path: '/start' }),
    );
  });
  it('DUPLICATE_NODE', () => {
    expect(hotel((d) => (d.nodes[1].id = 'registratie'))).toContainEqual(
      expect.objectContaining({ code: 'DUPLICATE_NODE', path: '/nodes/1/id', nodeId: 'registratie' }),
    );
  });
  it('DUPLICATE_EVENT', () => {
    expect(hotel((d) => d.nodes[1].events.push(structuredClone(d.nodes[1].events[0])))).toContainEqual(
      expect.objectContaining({
        code: 'DUPLICATE_EVENT',
        path: '/nodes/1/events/3/name',
        nodeId: 'wacht-op-hotelplaatsing',
      }),
    );
  });
  it('UNREACHABLE_NODE: a node no path leads to', () => {
    const errors = hotel((d) => d.nodes.push({ id: 'wees', kind: 'end', label: { nl: 'Wees' }, outcome: 'wees' }));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'UNREACHABLE_NODE',
        nodeId: 'wees',
        path: `/nodes/${hotelDefinition().nodes.length}`,
      }),
    ]);
  });
  it('NO_END: a definition without an end node', () => {
    const errors = hotel((d) => {
      d.nodes = [
        {
          id: 'a',
          kind: 'wait',
          label: { nl: 'A' },
          events: [{ name: 'x', label: { nl: 'X' }, payloadSchema: { type: 'object' }, next: 'a' }],
        },
      ];
      d.start = 'a';
    });
    expect(errors).toContainEqual(expect.objectContaining({ code: 'NO_END', path: '/nodes' }));
  });
  it('NO_WAY_OUT: a node from which no end can be reached', () => {
    const errors = hotel((d) => {
      for (const e of node(d, 'coa-betaalde-periode').events) e.next = 'coa-betaalde-periode';
      node(d, 'coa-betaalde-periode').timeout.next = 'coa-betaalde-periode';
    });
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'NO_WAY_OUT', path: '/nodes/2', nodeId: 'coa-betaalde-periode' }),
    );
  });
  it('CYCLE_WITHOUT_WAIT: a loop of tasks and decisions with no wait in it', () => {
    const errors = housing((d) => (node(d, 'voorrang-toegekend').next = 'voorrangsbesluit'));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'CYCLE_WITHOUT_WAIT', path: '/nodes/1', nodeId: 'voorrangsbesluit' }),
    );
  });
  it('INVALID_PAYLOAD_SCHEMA: a payload schema ajv cannot compile', () => {
    const errors = hotel(
      (d) => (d.nodes[1].events[0].payloadSchema = { type: 'object', properties: { x: { type: 'geen-type' } } }),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_PAYLOAD_SCHEMA',
        path: '/nodes/1/events/0/payloadSchema',
        nodeId: 'wacht-op-hotelplaatsing',
      }),
    ]);
  });
  it('PAYLOAD_SCHEMA_NOT_OBJECT: an event must name its payload as an object schema', () => {
    const errors = hotel((d) => (d.nodes[1].events[0].payloadSchema = {}));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'PAYLOAD_SCHEMA_NOT_OBJECT',
        path: '/nodes/1/events/0/payloadSchema/type',
        nodeId: 'wacht-op-hotelplaatsing',
      }),
    ]);
  });
  it('INVALID_DURATION: a parameter used as a duration that is not one', () => {
    const errors = har((d) => (d.parameters.schemes['HAR+'].maxDuration = 'zes maanden'));
    const at = harDefinition().nodes.findIndex((n) => n.id === 'tijdelijk-verblijf');
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'INVALID_DURATION',
        path: `/nodes/${at}/timeout/at/after/param`,
        nodeId: 'tijdelijk-verblijf',
      }),
    );
  });
  it('UNKNOWN_DATE: a reminder relative to a date nothing sets', () => {
    const errors = hotel((d) => (d.nodes[2].reminders[0].at.from = 'koppelingsdatum'));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_DATE',
        path: '/nodes/2/reminders/0/at/from',
        nodeId: 'coa-betaalde-periode',
      }),
    ]);
    expect(errors[0]?.message.nl).toContain('koppelingsdatum');
  });
  it('UNKNOWN_DATE: a case deadline met by a date nothing sets (no node: the deadline is case-wide)', () => {
    const errors = housing((d) => (d.deadlines[1].metBy = 'verhuizd'));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_DATE', path: '/deadlines/1/metBy', nodeId: undefined }),
    ]);
  });
  it('UNKNOWN_VARIABLE: a parameter path keyed by a variable nothing sets', () => {
    const errors = har(
      (d) => (node(d, 'tel-plaatsing').params.counts = { param: 'schemes.{regeling}.countsForTaakstelling' }),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_VARIABLE',
        path: '/nodes/1/params/counts/param',
        nodeId: 'tel-plaatsing',
      }),
    ]);
  });
  it('UNKNOWN_PARAMETER: a reference into the parameters that does not resolve for every scheme', () => {
    const errors = har((d) => delete d.parameters.schemes.anders.reminderBefore);
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'UNKNOWN_PARAMETER',
        path: '/nodes/4/reminders/0/at/before/param',
        nodeId: 'tijdelijk-verblijf',
      }),
    );
  });
  it('DECISION_UNCOVERED: a decision without a default (a rule set may fire nothing)', () => {
    const errors = housing((d) => delete node(d, 'voorrangsbesluit').otherwise);
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'DECISION_UNCOVERED', path: '/nodes/1/otherwise', nodeId: 'voorrangsbesluit' }),
    );
  });
  it('UNKNOWN_RULE_SET_KIND: a decision asking a kind of rule set that does not exist (no rule set would ever be found)', () => {
    const errors = housing((d) => (node(d, 'voorrangsbesluit').ruleSetKind = 'oude-regeling'));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_RULE_SET_KIND',
        path: '/nodes/1/ruleSetKind',
        nodeId: 'voorrangsbesluit',
        message: expect.objectContaining({ nl: expect.stringContaining('onbekende soort regelset ("oude-regeling")') }),
      }),
    ]);
  });
  it('UNKNOWN_RULE_EVENT: a branch on an event the tenant’s rule sets never fire', () => {
    const errors = housing((d) => (node(d, 'voorrangsbesluit').branches[0].event = 'voorang'), {
      ruleSetEvents: () => ['priority', 'no-priority'],
    });
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_RULE_EVENT',
        path: '/nodes/1/branches/0/event',
        nodeId: 'voorrangsbesluit',
      }),
    ]);
  });
  it('UNKNOWN_PROCESS: a subprocess that is not published', () => {
    const errors = errorsOf(hotelDefinition, (d) => (node(d, 'overdracht-har').process = 'har-plus'), {
      lookupDefinition: lookup,
    });
    const at = hotelDefinition().nodes.findIndex((n) => n.id === 'overdracht-har');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_PROCESS', path: `/nodes/${at}/process`, nodeId: 'overdracht-har' }),
    ]);
  });
  it('UNKNOWN_OUTCOME: a branch on an outcome the subprocess never ends with', () => {
    const errors = errorsOf(hotelDefinition, (d) => (node(d, 'overdracht-har').outcomes[1].outcome = 'verhuisd'), {
      lookupDefinition: lookup,
    });
    const at = hotelDefinition().nodes.findIndex((n) => n.id === 'overdracht-har');
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'UNKNOWN_OUTCOME',
        path: `/nodes/${at}/outcomes/1/outcome`,
        nodeId: 'overdracht-har',
      }),
    );
  });
  it('SUBPROCESS_UNCOVERED: an outcome of the subprocess that leads nowhere', () => {
    const errors = errorsOf(hotelDefinition, (d) => node(d, 'overdracht-har').outcomes.pop(), {
      lookupDefinition: lookup,
    });
    const at = hotelDefinition().nodes.findIndex((n) => n.id === 'overdracht-har');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'UNREACHABLE_NODE', nodeId: 'beeindigd' }),
      expect.objectContaining({
        code: 'SUBPROCESS_UNCOVERED',
        path: `/nodes/${at}/outcomes`,
        nodeId: 'overdracht-har',
      }),
    ]);
  });
});
