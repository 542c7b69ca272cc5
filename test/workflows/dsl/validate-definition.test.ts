import { validateDefinition, type DefinitionError } from '../../../workflows/dsl/validate-definition';
import { hotelDefinition } from '../../support/factories';

function errorsOf(mutate: (def: any) => void): DefinitionError[] {
  const def = hotelDefinition() as any;
  mutate(def);
  const result = validateDefinition(def);
  return result.valid ? [] : result.errors;
}

describe('process-definition validation', () => {
  it('accepts the built-in hotel-stay definition', () => {
    expect(validateDefinition(hotelDefinition()).valid).toBe(true);
  });
  it('SCHEMA: names the path of a shape error', () => {
    const errors = errorsOf((d) => (d.nodes[0].kind = 'loop'));
    expect(errors[0]).toMatchObject({ code: 'SCHEMA', path: expect.stringMatching(/^\/nodes\/0/) });
  });
  it('SCHEMA: an invalid ISO duration is refused by the schema', () => {
    const errors = errorsOf((d) => (d.nodes[2].timeout.at.after = '6 maanden'));
    expect(errors.some((e) => e.code === 'SCHEMA' && e.path === '/nodes/2/timeout/at/after')).toBe(true);
  });
  it('UNKNOWN_NODE: a transition to a missing node, with the node it concerns', () => {
    expect(errorsOf((d) => (d.nodes[0].next = 'nergens'))).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_NODE', path: '/nodes/0/next', nodeId: 'registratie' }));
    expect(errorsOf((d) => (d.start = 'nergens'))).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_NODE', path: '/start' }));
  });
  it('DUPLICATE_NODE and DUPLICATE_EVENT', () => {
    expect(errorsOf((d) => (d.nodes[4].id = 'gehuisvest')).map((e) => e.code)).toContain('DUPLICATE_NODE');
    expect(errorsOf((d) => d.nodes[1].events.push(structuredClone(d.nodes[1].events[0]))).map((e) => e.code)).toContain('DUPLICATE_EVENT');
  });
  it('UNREACHABLE_NODE: a node no path leads to', () => {
    const errors = errorsOf((d) => d.nodes.push({ id: 'wees', kind: 'end', label: { nl: 'Wees' }, outcome: 'wees' }));
    expect(errors).toEqual([expect.objectContaining({ code: 'UNREACHABLE_NODE', nodeId: 'wees', path: '/nodes/5' })]);
  });
  it('UNKNOWN_DATE: a reminder relative to a date nothing sets', () => {
    const errors = errorsOf((d) => (d.nodes[2].reminders[0].at.from = 'koppelingsdatum'));
    expect(errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_DATE', path: '/nodes/2/reminders/0/at/from' })]);
    expect(errors[0]?.message.nl).toContain('koppelingsdatum');
  });
  it('INVALID_PAYLOAD_SCHEMA: a payload schema ajv cannot compile', () => {
    const errors = errorsOf((d) => (d.nodes[1].events[0].payloadSchema = { type: 'object', properties: { x: { type: 'geen-type' } } }));
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_PAYLOAD_SCHEMA', path: '/nodes/1/events/0/payloadSchema' })]);
  });
  it('NO_END: a definition without an end node', () => {
    const errors = errorsOf((d) => {
      d.nodes = [{ id: 'a', kind: 'task', label: { nl: 'A' }, action: 'set-status', params: { status: 'x' }, next: 'a' }];
      d.start = 'a';
    });
    expect(errors.map((e) => e.code)).toContain('NO_END');
  });
});
