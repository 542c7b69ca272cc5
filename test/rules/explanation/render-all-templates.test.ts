import { assessCase } from '../../../rules/assess-case';
import { renderExplanation } from '../../../rules/explanation/render-explanation';
import { TEMPLATE_IDS } from '../../../rules/templates/templates';
import { finishedTemplate } from '../support/finished-template';

const FACT_SETS: Record<string, Record<string, unknown>> = {
  'status holder, complete': {
    permitType: 'asiel',
    linkedMunicipality: 'GM0363',
    hasIndependentHome: false,
    dateOfBirth: '1990-05-01',
    householdSize: 3,
    annualIncome: 30000.5,
    rentArrears: false,
  },
  'status holder, no date of birth': { permitType: 'nareis', linkedMunicipality: 'GM0363', hasIndependentHome: false },
  'refused an offer': {
    permitType: 'asiel',
    linkedMunicipality: 'GM0363',
    hasIndependentHome: false,
    dateOfBirth: '1990-05-01',
    refusedSuitableOffer: true,
  },
  'medical urgency, single': {
    permitType: 'regulier',
    linkedMunicipality: 'GM0363',
    hasIndependentHome: true,
    dateOfBirth: '1970-01-01',
    householdSize: 1,
    annualIncome: 51537,
    rentArrears: false,
    yearsOfRegionalTies: 3,
    emergencySelfCaused: false,
    solvableByApplicant: false,
    solvableByMoveMonths: 2,
    medicalUrgency: true,
  },
  'too much income, rent arrears unknown': {
    permitType: 'geen',
    linkedMunicipality: 'GM0599',
    hasIndependentHome: true,
    dateOfBirth: '1980-02-29',
    householdSize: 4,
    annualIncome: 60000,
  },
  'nothing known': {},
};

// The facts of a PIP rule set (kind inburgering-pip): the broad intake's advice, or nothing yet.
const PIP_FACT_SETS: Record<string, Record<string, unknown>> = {
  'intake advises the B1 route': { adviesLeerroute: 'b1' },
  'intake advises the Z route': { adviesLeerroute: 'z' },
  'no intake advice yet': {},
};

const ENGLISH_OUTCOMES =
  /\b(priority|no-priority|not-eligible|status-holder|medical|mantelzorg-category|leaving-institution|demolition)\b/;

describe('every template renders as a person reads it', () => {
  for (const id of TEMPLATE_IDS) {
    const ruleSet = finishedTemplate(id);
    // Ids that look like ids (camelCase, hyphenated); 'mantelzorg' or 'noodsituatie' are also plain Dutch words.
    const ids = [
      ...Object.keys(ruleSet.parameters ?? {}),
      ...Object.keys(ruleSet.namedConditions ?? {}),
      ...ruleSet.rules.map((r) => r.name),
    ].filter((id) => /[A-Z-]/.test(id));
    for (const [name, facts] of Object.entries(ruleSet.kind === 'inburgering-pip' ? PIP_FACT_SETS : FACT_SETS)) {
      it(`${id}: ${name}`, () => {
        const { explanation } = assessCase(ruleSet, facts, { peildatum: '2026-02-01' });
        const nl = renderExplanation(explanation!, 'nl');
        const en = renderExplanation(explanation!, 'en');
        for (const text of [nl, en]) {
          expect(text).not.toContain('{{');
          expect(text).not.toMatch(/1970-01-01|geldig vanaf 1970|effective from 1970/);
          expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
          expect(text).not.toMatch(/\(parameter /);
          for (const raw of ids) expect({ raw, found: text.includes(raw) }).toEqual({ raw, found: false });
        }
        expect(nl).not.toMatch(ENGLISH_OUTCOMES);
        expect(nl).toContain('geldig vanaf 1 februari 2026; peildatum 1 februari 2026');
        expect(nl).not.toMatch(/€ \d+(\.\d{3})*,\d(?!\d)/); // "€ 30.000,5" must be "€ 30.000,50"
      });
    }
  }
});
