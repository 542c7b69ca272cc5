import { builtInDefinitions } from '../../../workflows/definitions';
import { validateDefinition, type DefinitionError } from '../../../workflows/dsl/validate-definition';
import { hotelDefinition, housingDefinition } from '../../support/factories';

type Mutate = (def: any) => void;
const lookup = (id: string) => builtInDefinitions.get(id);

function errorsOf(base: () => unknown, mutate: Mutate, options = {}): DefinitionError[] {
  const def = base() as any;
  mutate(def);
  const result = validateDefinition(def, options);
  return result.valid ? [] : result.errors;
}
const personal = (errors: DefinitionError[]) =>
  errors.filter((e) => e.code === 'PERSONAL_DATA_EXPORTED' || e.code === 'UNKNOWN_PERSONAL_DATA');
const nodeIndex = (def: any, id: string) => def.nodes.findIndex((n: any) => n.id === id);

/** A top-level personal date, as a municipality might add it (e.g. a minor turning 18). */
const withBirthDate = (d: any) => {
  d.inputSchema.properties.geboortedatum = { type: 'string', format: 'date' };
  d.personalData = [...d.personalData, 'geboortedatum'];
};

describe('personalData: declared fields never mapped to an unencrypted exit', () => {
  it('the built-in definitions declare known fields and export none of them', () => {
    for (const def of builtInDefinitions.values()) {
      expect(
        personal(
          errorsOf(
            () => structuredClone(def),
            () => undefined,
            { lookupDefinition: lookup },
          ),
        ),
      ).toEqual([]);
    }
  });

  it('UNKNOWN_PERSONAL_DATA: a declaration naming no input field protects nothing', () => {
    expect(personal(errorsOf(hotelDefinition, (d) => (d.personalData = ['nareiziger', 'nareizger'])))).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_PERSONAL_DATA',
        path: '/personalData/1',
        message: expect.objectContaining({ nl: expect.stringContaining('"nareizger"') }),
      }),
    ]);
    expect(personal(errorsOf(hotelDefinition, (d) => (d.personalData = ['nareiziger.geboren'])))).toHaveLength(1);
    expect(personal(errorsOf(hotelDefinition, (d) => (d.personalData = ['nareiziger.name'])))).toEqual([]);
  });

  it('a case date from a personal field: dates become search attributes and webhook deadlines', () => {
    const errors = errorsOf(hotelDefinition, (d) => {
      withBirthDate(d);
      d.inputDates = { geboorte: 'geboortedatum' };
    });
    expect(personal(errors)).toEqual([
      expect.objectContaining({ code: 'PERSONAL_DATA_EXPORTED', path: '/inputDates/geboorte' }),
    ]);
    expect(personal(errors)[0]?.message.nl).toMatch(/^Persoonsgegeven "geboortedatum" wordt zaakdatum "geboorte"/);
  });

  it('a count-placement param from a personal field (the taakstelling ledger is not encrypted)', () => {
    const errors = errorsOf(hotelDefinition, (d) => {
      const i = nodeIndex(d, 'tel-huisvesting');
      d.nodes[i].params = { placedOn: 'dates.housed', municipality: 'data.nareiziger.name' };
    });
    expect(personal(errors)).toEqual([
      expect.objectContaining({
        code: 'PERSONAL_DATA_EXPORTED',
        path: expect.stringMatching(/^\/nodes\/\d+\/params\/municipality$/),
        nodeId: 'tel-huisvesting',
      }),
    ]);
  });

  it('a notify setting naming a personal field, on a task, a reminder or a case deadline', () => {
    const errors = errorsOf(housingDefinition, (d) => {
      d.deadlines[0].notify = { template: 'norm', to: 'data.statushouder' };
      const wait = d.nodes.find((n: any) => n.kind === 'wait');
      wait.reminders = [
        {
          id: 'herinnering',
          label: { nl: 'Herinnering' },
          at: { from: 'koppeling', after: 'P1W' },
          notify: { template: 'data.statushouder.name' },
        },
      ];
    });
    expect(personal(errors).map((e) => e.path)).toEqual([
      '/deadlines/0/notify/to',
      expect.stringMatching(/^\/nodes\/\d+\/reminders\/0\/notify\/template$/),
    ]);
  });

  it('a subprocess input from a personal field the child does not declare personal', () => {
    const errors = errorsOf(
      hotelDefinition,
      (d) => {
        const i = nodeIndex(d, 'overdracht-har');
        d.nodes[i].input.origin = 'data.nareiziger.name';
      },
      { lookupDefinition: lookup },
    );
    expect(personal(errors)).toEqual([
      expect.objectContaining({
        code: 'PERSONAL_DATA_EXPORTED',
        path: expect.stringMatching(/\/input\/origin$/),
        nodeId: 'overdracht-har',
      }),
    ]);
  });

  it('allows a personal field where it stays encrypted: decision facts, and a child that declares it too', () => {
    // The housing definition's decision reads data.statushouder.dateOfBirth: accepted above. A child declaring the field:
    const child = { ...builtInDefinitions.get('har-overdracht')!, personalData: ['origin'] };
    const errors = errorsOf(
      hotelDefinition,
      (d) => {
        const i = nodeIndex(d, 'overdracht-har');
        d.nodes[i].input.origin = 'data.nareiziger.name';
      },
      { lookupDefinition: (id: string) => (id === 'har-overdracht' ? child : lookup(id)) },
    );
    expect(personal(errors)).toEqual([]);
  });
});
