import { builtInDefinitions } from '../../../workflows/definitions';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { validateDefinition, type DefinitionError } from '../../../workflows/dsl/validate-definition';
import { edgesOf } from '../../../workflows/dsl/node-edges';

type Mutate = (def: any) => void;
const base = () => structuredClone(builtInDefinitions.get('overgang-oekraine') as ProcessDefinition);
const node = (def: any, id: string) => def.nodes.find((n: any) => n.id === id);
function errorsOf(mutate: Mutate): DefinitionError[] {
  const def = base() as any;
  mutate(def);
  const result = validateDefinition(def);
  return result.valid ? [] : result.errors;
}

describe('side-by-side work in one wait step (complete) and set-dates', () => {
  it('the built-in overgang-oekraine is valid and its completion is an edge of the graph', () => {
    expect(validateDefinition(base())).toMatchObject({ valid: true, warnings: [] });
    const domeinen = node(base(), 'domeinen');
    expect(edgesOf(domeinen)).toContainEqual({ target: 'afgerond', path: 'complete/next' });
  });

  it('UNKNOWN_DATE: a completion date that nothing sets', () => {
    expect(errorsOf((d) => node(d, 'domeinen').complete.dates.push('nergensGezet'))).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_DATE', path: '/nodes/4/complete/dates/5', nodeId: 'domeinen' }),
    );
  });

  it('UNKNOWN_NODE: a completion that leads nowhere', () => {
    expect(errorsOf((d) => (node(d, 'domeinen').complete.next = 'nergens'))).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_NODE', nodeId: 'domeinen' }),
    );
  });

  it('SCHEMA: bounded — no empty list, at most ten dates, no other fields', () => {
    expect(errorsOf((d) => (node(d, 'domeinen').complete.dates = []))[0]).toMatchObject({ code: 'SCHEMA' });
    const eleven = Array.from({ length: 11 }, (_, i) => `d${i}`);
    expect(errorsOf((d) => (node(d, 'domeinen').complete.dates = eleven))[0]).toMatchObject({
      code: 'SCHEMA',
      path: expect.stringMatching(/^\/nodes\/4/),
    });
    expect(errorsOf((d) => (node(d, 'domeinen').complete.any = true))[0]).toMatchObject({ code: 'SCHEMA' });
  });

  it('set-dates: the dates it sets are known; a parameter that does not exist is refused', () => {
    expect(errorsOf((d) => (node(d, 'datums').params.einddatum = { param: 'norms.bestaatNiet' }))).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_PARAMETER', path: '/nodes/0/params/einddatum/param' }),
    );
    // A key segment may name an input property (cohort) but not an unknown name.
    expect(
      errorsOf((d) => (node(d, 'datums').params.cohortStart = { param: 'phasing.cohorts.{groep}' })),
    ).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_VARIABLE', path: '/nodes/0/params/cohortStart/param' }));
    // Removing the task leaves the deadlines that count from its dates without them.
    expect(
      errorsOf((d) => {
        delete node(d, 'datums').params.cohortStart;
      }),
    ).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_DATE', path: '/deadlines/0/at/from' }));
  });

  it('set-dates: a date name must be a plain name (UNKNOWN_TASK_PARAM)', () => {
    const errors = errorsOf((d) => (node(d, 'datums').params['geen naam'] = '2027-01-01'));
    expect(errors.map((e) => e.code)).toContain('UNKNOWN_TASK_PARAM');
  });

  it('the phasing and the end date name their sources, without an invented article of the decision', () => {
    const def = base();
    const end = def.parameterSources?.['norms.endOfTemporaryProtection'];
    expect(end?.document.nl).toMatch(/Uitvoeringsbesluit .*2022\/382.*4 maart 2027/);
    expect(end?.note?.nl).toMatch(/Nummer en datum van het vastgestelde uitvoeringsbesluit staan hier niet/);
    expect(def.parameterSources?.['phasing.cohorts']).toBeDefined();
  });
});
