import { compilePayloadSchema } from '../../../workflows/dsl/payload-validators';
import { builtInDefinitions } from '../../../workflows/definitions';
import transitionV1 from '../../../workflows/definitions/archive/overgang-oekraine-v1.json';
import { validateDefinition, type DefinitionError } from '../../../workflows/dsl/validate-definition';
import {
  ENUM_LABEL_MAX_LENGTH,
  ENUM_LABELS_MAX_DEPTH,
  ENUM_LABELS_MAX_VALUES,
} from '../../../workflows/dsl/validation/enum-label-checks';

const transition = (): any => JSON.parse(JSON.stringify(builtInDefinitions.get('overgang-oekraine')));
const errorsOf = (mutate: (def: any) => void): DefinitionError[] => {
  const def = transition();
  mutate(def);
  const r = validateDefinition(def);
  return r.valid ? [] : r.errors;
};
const route = (def: any) => def.events['zorg-geregeld'].payloadSchema.properties.route;
const AT = '/events/zorg-geregeld/payloadSchema/properties/route/x-labels';
const waiterOf = (event: string): string =>
  transition().nodes.find((n: any) => n.kind === 'wait' && n.events.some((e: any) => e.name === event)).id;

const ENUM_FIELDS: [string, string][] = [
  ['huisvesting-geregeld', 'route'],
  ['uitkering-aangevraagd', 'regeling'],
  ['participatie-geregeld', 'vorm'],
  ['zorg-geregeld', 'route'],
  ['huishouden-vertrokken', 'reden'],
];

describe('x-labels of overgang-oekraine (current version)', () => {
  it('every enum of its events has a Dutch and English label for exactly its values, and the definition is valid', () => {
    const def = transition();
    const r = validateDefinition(def);
    expect(r.valid).toBe(true);
    const enumFields = Object.entries(def.events).flatMap(([event, e]: [string, any]) =>
      Object.entries(e.payloadSchema.properties)
        .filter(([, s]: [string, any]) => Array.isArray(s.enum))
        .map(([name]) => [event, name]),
    );
    expect(enumFields).toEqual(ENUM_FIELDS);
    for (const [event, field] of ENUM_FIELDS) {
      const s = def.events[event].payloadSchema.properties[field];
      expect(Object.keys(s['x-labels'])).toEqual(s.enum);
      for (const label of Object.values<any>(s['x-labels'])) {
        expect(label.nl.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
    }
    const reden = def.events['huishouden-vertrokken'].payloadSchema.properties.reden['x-labels'];
    expect(reden['terug-naar-oekraine'].nl).toBe('Terug naar Oekraïne');
    expect(route(def)['x-labels']['psychosociale-zorg'].nl).toBe('Psychosociale zorgroute');
  });

  it('the labels change no validation: the payload schema accepts the enum values and refuses others', () => {
    const validate = compilePayloadSchema(transition().events['zorg-geregeld'].payloadSchema);
    expect(validate({ route: 'psychosociale-zorg', date: '2026-03-01' })).toBe(true);
    expect(validate({ route: 'Psychosociale zorgroute', date: '2026-03-01' })).toBe(false);
  });

  it('the archived version 1 stays without labels (released versions are not changed)', () => {
    const v1 = JSON.stringify(transitionV1);
    expect(v1).not.toContain('x-labels');
  });
});

describe('INVALID_ENUM_LABELS', () => {
  const nodeId = waiterOf('zorg-geregeld');

  it('a value of the enum without a label: at x-labels, naming the value and the first step that expects the event', () => {
    const errors = errorsOf((d) => delete route(d)['x-labels']['reguliere-zorg']);
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_ENUM_LABELS', path: AT, nodeId })]);
    expect(errors[0]?.message.nl).toContain('"reguliere-zorg"');
    expect(errors[0]?.message.en).toContain('"reguliere-zorg"');
  });

  it('a label for a value that is not in the enum: at that key (escaped as a JSON pointer)', () => {
    const errors = errorsOf((d) => (route(d)['x-labels']['ggz/acuut'] = { nl: 'Acuut', en: 'Acute' }));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'INVALID_ENUM_LABELS', path: `${AT}/ggz~1acuut`, nodeId }),
    ]);
  });

  it.each([
    ['without en', { nl: 'Geen zorgvraag' }],
    ['with an empty nl', { nl: '  ', en: 'No care need' }],
    ['as a plain text', 'Geen zorgvraag'],
    ['too long', { nl: 'x'.repeat(ENUM_LABEL_MAX_LENGTH + 1), en: 'No care need' }],
    ['with an unknown field', { nl: 'Geen zorgvraag', en: 'No care need', de: 'Kein Pflegebedarf' }],
  ])('a label %s: at that key', (_, label) => {
    const errors = errorsOf((d) => (route(d)['x-labels']['geen-zorgvraag'] = label));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'INVALID_ENUM_LABELS', path: `${AT}/geen-zorgvraag`, nodeId }),
    ]);
  });

  it('labels on a field without an enum, or labels that are not an object', () => {
    expect(errorsOf((d) => (d.events['zorg-geregeld'].payloadSchema.properties.date['x-labels'] = {}))).toEqual([
      expect.objectContaining({
        code: 'INVALID_ENUM_LABELS',
        path: '/events/zorg-geregeld/payloadSchema/properties/date/x-labels',
      }),
    ]);
    expect(errorsOf((d) => (route(d)['x-labels'] = ['Geen zorgvraag']))).toEqual([
      expect.objectContaining({ code: 'INVALID_ENUM_LABELS', path: AT }),
    ]);
  });

  it('more labels than the bound: one error, not one per label', () => {
    const errors = errorsOf((d) => {
      const values = Array.from({ length: ENUM_LABELS_MAX_VALUES + 1 }, (_, i) => `v${i}`);
      route(d).enum = values;
      route(d)['x-labels'] = Object.fromEntries(values.map((v) => [v, { nl: v, en: v }]));
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_ENUM_LABELS', path: AT })]);
  });

  it('also in a wait step that overrides the payload schema, at the step', () => {
    const def = transition();
    const i = def.nodes.findIndex((n: any) => n.id === nodeId);
    const j = def.nodes[i].events.findIndex((e: any) => e.name === 'zorg-geregeld');
    const schema = JSON.parse(JSON.stringify(def.events['zorg-geregeld'].payloadSchema));
    schema.properties.route['x-labels'].extra = { nl: 'Extra', en: 'Extra' };
    def.nodes[i].events[j].payloadSchema = schema;
    const r = validateDefinition(def);
    expect(r.valid).toBe(false);
    expect(r.valid ? [] : r.errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_ENUM_LABELS',
        path: `/nodes/${i}/events/${j}/payloadSchema/properties/route/x-labels/extra`,
        nodeId,
      }),
    ]);
  });

  it('nested objects are followed to the bounded depth, deeper ones are not walked', () => {
    const nest = (levels: number): any => {
      let s: any = { type: 'string', enum: ['a'], 'x-labels': { a: { nl: 'A' } } };
      for (let k = 0; k < levels; k++) s = { type: 'object', properties: { p: s } };
      return s;
    };
    // Within the bound: found, with the path through the nesting.
    const inner = errorsOf((d) => (d.events['zorg-geregeld'].payloadSchema.properties.extra = nest(2)));
    expect(inner).toEqual([
      expect.objectContaining({
        code: 'INVALID_ENUM_LABELS',
        path: '/events/zorg-geregeld/payloadSchema/properties/extra/properties/p/properties/p/x-labels/a',
      }),
    ]);
    // Beyond it: not walked (and no stack overflow).
    const deep = errorsOf(
      (d) => (d.events['zorg-geregeld'].payloadSchema.properties.extra = nest(ENUM_LABELS_MAX_DEPTH + 5)),
    );
    expect(deep.filter((e) => e.code === 'INVALID_ENUM_LABELS')).toEqual([]);
  });
});
