/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { builtInDefinitions } from '../../../workflows/definitions';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import { ParameterSources, valueInWords } from '../../../ui/src/processes/editor/parameter-sources';
import { setParameter } from '../../../ui/src/processes/model/definition-ops';

const builtIn = (id: string) => JSON.parse(JSON.stringify(builtInDefinitions.get(id))) as ProcessDefinition;
const row = (path: string) => document.querySelector(`[data-parameter="${path}"]`) as HTMLElement;

describe('the designer shows each parameter beside its source', () => {
  it('urgentie-aanvraag: the objection term in words, with the Awb article', () => {
    render(<ParameterSources def={builtIn('urgentie-aanvraag')} lang="nl" />);
    expect(screen.getByRole('heading', { name: 'Normen en hun bron' })).toBeTruthy();
    const objection = within(row('norms.objectionTerm'));
    expect(objection.getByText('6 weken')).toBeTruthy();
    expect(objection.getByText('Algemene wet bestuursrecht')).toBeTruthy();
    expect(row('norms.objectionTerm').textContent).toContain('art. 6:7 en 6:8');
    expect(row('norms.decideWithin').textContent).toContain('art. 4:13 lid 2');
  });

  it('har-overdracht in English: a scheme source covers its terms; the amount not entered says so', () => {
    render(<ParameterSources def={builtIn('har-overdracht')} lang="en" />);
    expect(row('schemes.HAR.maxDuration').textContent).toContain('Hotel and accommodation scheme (HAR)');
    expect(row('schemes.HAR.amountPerPerson').textContent).toContain('not entered');
    expect(row('schemes.HAR+.maxDuration').textContent).toContain('HAR+');
    expect(document.querySelector('[data-parameter="schemes.HAR+.note.nl"]')).toBeNull();
  });

  it('a parameter without a source says so; validity is shown in words', () => {
    const def = builtIn('nareiziger-hotelverblijf');
    def.parameters = { ...def.parameters, extra: 'P2W' };
    def.parameterSources = {
      ...def.parameterSources,
      coaPaidPeriod: { ...def.parameterSources!.coaPaidPeriod!, validFrom: '2026-01-15', validUntil: '2026-12-31' },
    };
    render(<ParameterSources def={def} lang="nl" />);
    expect(row('extra').textContent).toContain('Geen bron vastgelegd');
    expect(row('coaPaidPeriod').textContent).toContain(
      'geldig vanaf 15 januari 2026, geldig tot en met 31 december 2026',
    );
  });

  it('values in words', () => {
    expect(valueInWords('P10W', 'nl')).toBe('10 weken');
    expect(valueInWords(true, 'en')).toBe('yes');
    expect(valueInWords(null, 'nl')).toBe('niet ingevuld');
  });
});

describe('labels follow their parameter', () => {
  it('setting the 10-week norm to 8 weeks rewrites the deadline label and the description; the result is valid', () => {
    const def = setParameter(builtIn('huisvesting-statushouder'), 'norms.findHome', 'P8W');
    expect(def.deadlines?.[0]?.label).toMatchObject({
      nl: 'Woning gevonden binnen 8 weken na koppeling',
      en: 'Home found within 8 weeks of linking',
    });
    expect(def.description?.nl).toContain('Normen: 8 weken tot een woning, 12 weken tot de verhuizing');
    expect(validateDefinition(def).valid).toBe(true);
  });
});
