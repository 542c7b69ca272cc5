import { builtInDefinitions } from '../../../workflows/definitions';
import { durationInWords, durationPhrases, sameDuration } from '../../../workflows/dsl/duration-words';
import { labelContradictions, syncLabelDurations } from '../../../workflows/dsl/label-durations';
import { parameterLeaves, sourceOfParameter } from '../../../workflows/dsl/parameter-sources';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import { hotelDefinition, housingDefinition } from '../../support/factories';

const codes = (d: unknown) => {
  const r = validateDefinition(d);
  return r.valid ? [] : r.errors.map((e) => `${e.code} ${e.path}`);
};

describe('durations in label texts', () => {
  it('reads digits and number words in Dutch and English, not article numbers', () => {
    expect(durationPhrases('Binnen 10 weken, daarna zes weken; 6 months (Awb 4:13)').map((p) => p.iso)).toEqual([
      'P10W',
      'P6W',
      'P6M',
    ]);
    expect(sameDuration('P2W', 'P14D')).toBe(true);
    expect(sameDuration('P1M', 'P4W')).toBe(false);
    expect(durationInWords('P6M', 'nl')).toBe('6 maanden');
    expect(durationInWords('P1W', 'en')).toBe('1 week');
  });

  it('refuses a timeout label that contradicts its parameter, and the generator repairs it', () => {
    const def = hotelDefinition();
    def.parameters = { ...def.parameters, coaPaidPeriod: 'P9M' };
    expect(codes(def)).toEqual([
      'LABEL_CONTRADICTS_PARAMETER /description/nl',
      'LABEL_CONTRADICTS_PARAMETER /description/en',
      'LABEL_CONTRADICTS_PARAMETER /nodes/2/timeout/label/nl',
      'LABEL_CONTRADICTS_PARAMETER /nodes/2/timeout/label/en',
    ]);
    const synced = syncLabelDurations(def);
    const wait = synced.nodes.find((n) => n.id === 'coa-betaalde-periode');
    expect(wait?.kind === 'wait' && wait.timeout?.label).toMatchObject({
      nl: 'Einde door COA betaalde periode (9 maanden)',
      en: 'End of the COA-paid period (9 months)',
    });
    expect(synced.description?.nl).toContain('hoogstens 9 maanden');
    expect(codes(synced)).toEqual([]);
    expect(labelContradictions(synced)).toEqual([]);
  });

  it('checks the durations a description states against the parameters it names, in order', () => {
    const def = housingDefinition();
    def.parameters = { ...def.parameters, norms: { ...(def.parameters?.norms as object), moved: 'P13W' } };
    const found = codes(def);
    expect(found).toContain('LABEL_CONTRADICTS_PARAMETER /description/nl');
    expect(found).toContain('LABEL_CONTRADICTS_PARAMETER /deadlines/1/label/nl');
    const synced = syncLabelDurations(def);
    expect(synced.description?.nl).toContain('10 weken tot een woning, 13 weken tot de verhuizing');
    expect(codes(synced)).toEqual([]);
  });

  it('refuses a label naming a parameter that does not exist, and a source for one', () => {
    const def = hotelDefinition();
    (def.title as { params?: string[] }).params = ['norms.nothing'];
    def.parameterSources = { ...def.parameterSources, 'no.such': { document: { nl: 'Iets' } } };
    expect(codes(def)).toEqual(
      expect.arrayContaining(['UNKNOWN_PARAMETER /title/params/0', 'UNKNOWN_PARAMETER /parameterSources/no.such']),
    );
  });

  it('refuses a validity that ends before it starts', () => {
    const def = hotelDefinition();
    def.parameterSources = {
      coaPaidPeriod: { document: { nl: 'Afspraak' }, validFrom: '2026-07-01', validUntil: '2026-01-01' },
    };
    expect(codes(def)).toEqual(['INVALID_VALIDITY /parameterSources/coaPaidPeriod/validUntil']);
  });
});

describe('sources on every norm of the built-ins', () => {
  const norms = (def: ProcessDefinition) =>
    parameterLeaves(def.parameters).filter(
      (l) =>
        typeof l.value === 'number' ||
        (typeof l.value === 'string' && /^P/.test(l.value)) ||
        typeof l.value === 'boolean',
    );

  it.each([...builtInDefinitions.keys()])('%s: every duration, amount and flag names its source', (id) => {
    const def = builtInDefinitions.get(id) as ProcessDefinition;
    const missing = norms(def).filter((l) => !sourceOfParameter(def, l.path));
    expect(missing.map((l) => l.path)).toEqual([]);
    expect(norms(def).length).toBeGreaterThan(0);
  });

  it('the nearest source wins: a scheme source covers its terms, a term may have its own', () => {
    const def = {
      parameterSources: {
        'schemes.HAR': { document: { nl: 'HAR' } },
        'schemes.HAR.amountPerPerson': { document: { nl: 'Bedrag' } },
      },
    } as unknown as ProcessDefinition;
    expect(sourceOfParameter(def, 'schemes.HAR.maxDuration')?.path).toBe('schemes.HAR');
    expect(sourceOfParameter(def, 'schemes.HAR.amountPerPerson')?.path).toBe('schemes.HAR.amountPerPerson');
    expect(sourceOfParameter(def, 'schemes.anders.maxDuration')).toBeUndefined();
  });
});
