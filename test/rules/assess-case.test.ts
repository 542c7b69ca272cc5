import { assessCase } from '../../rules/assess-case';
import { renderExplanation } from '../../rules/explanation/render-explanation';
import { InvalidFactsError } from '../../rules/facts/invalid-facts-error';
import { finishedTemplate } from './support/finished-template';

const PEILDATUM = '2026-02-01';
const statusHolder = {
  permitType: 'asiel',
  linkedMunicipality: 'GM0363',
  hasIndependentHome: false,
  dateOfBirth: '1990-05-01',
};
const urgencyApplicant = { ...statusHolder, householdSize: 3, annualIncome: 24000, rentArrears: false };
const without = (facts: Record<string, unknown>, name: string) =>
  Object.fromEntries(Object.entries(facts).filter(([k]) => k !== name));

describe('assessCase: a decision only on complete facts', () => {
  it('is complete for a status holder with every needed fact, and explains with labels', () => {
    const result = assessCase(finishedTemplate('status-holder-priority'), statusHolder, { peildatum: PEILDATUM });
    expect(result.status).toBe('complete');
    expect(result.events.map((e) => e.type)).toEqual(['priority']);
    expect(renderExplanation(result.explanation!, 'nl')).toContain('Uitkomst: voorrang.');
  });

  it('is onvolledig without a date of birth under the status-holder template, naming the fact in Dutch', () => {
    const result = assessCase(finishedTemplate('status-holder-priority'), without(statusHolder, 'dateOfBirth'), {
      peildatum: PEILDATUM,
    });
    expect(result).toMatchObject({ status: 'incomplete', events: [] });
    if (result.status !== 'incomplete') throw new Error('expected incomplete');
    expect(result.missingFacts).toEqual([
      { name: 'dateOfBirth', label: { nl: 'Geboortedatum', en: 'Date of birth' }, type: 'date' },
    ]);
  });

  it('does not ask for what the outcome does not rest on: a regular permit settles it whatever the age', () => {
    const result = assessCase(
      finishedTemplate('status-holder-priority'),
      { ...without(statusHolder, 'dateOfBirth'), permitType: 'regulier' },
      { peildatum: PEILDATUM },
    );
    expect(result).toMatchObject({ status: 'complete', events: [] });
  });

  it('lists every missing fact with its options, in catalog order', () => {
    const result = assessCase(
      finishedTemplate('status-holder-priority'),
      { dateOfBirth: '1990-05-01' },
      { peildatum: PEILDATUM },
    );
    if (result.status !== 'incomplete') throw new Error('expected incomplete');
    expect(result.missingFacts.map((f) => f.name)).toEqual(['permitType', 'linkedMunicipality', 'hasIndependentHome']);
    expect(result.missingFacts[0]?.options?.map((o) => o.value)).toContain('nareis');
  });

  it('under the urgency scheme, missing rent arrears is onvolledig, not "not eligible"', () => {
    const result = assessCase(finishedTemplate('urgency-scheme'), without(urgencyApplicant, 'rentArrears'), {
      peildatum: PEILDATUM,
    });
    expect(result.status).toBe('incomplete');
    if (result.status !== 'incomplete') throw new Error('expected incomplete');
    expect(result.missingFacts.map((f) => f.name)).toEqual(['rentArrears']);
    const text = renderExplanation(result.explanation!, 'nl');
    expect(text).toContain('Huurachterstand is onbekend; vereist is nee: onbekend.');
    expect(text).toContain(
      "Regel 'Niet aan de basisvoorwaarden voldaan' (Huisvestingsverordening Amsterdam 2026, art. 2.1): niet te beoordelen, want gegevens ontbreken (onvolledig).",
    );
    expect(text).not.toMatch(/Uitkomst/);
    expect(assessCase(finishedTemplate('urgency-scheme'), urgencyApplicant, { peildatum: PEILDATUM })).toMatchObject({
      status: 'complete',
      events: [{ type: 'priority' }],
    });
  });

  it('never explains an unknown fact as met or a rule resting on it as applying', () => {
    const cases: Array<[Parameters<typeof finishedTemplate>[0], Record<string, unknown>]> = [
      ['status-holder-priority', without(statusHolder, 'dateOfBirth')],
      ['status-holder-priority', without(statusHolder, 'hasIndependentHome')],
      ['urgency-scheme', without(urgencyApplicant, 'rentArrears')],
      ['urgency-scheme', without(urgencyApplicant, 'annualIncome')],
      ['urgency-scheme', { ...urgencyApplicant, medicalUrgency: true }],
    ];
    for (const [template, facts] of cases) {
      const { explanation } = assessCase(finishedTemplate(template), facts, { peildatum: PEILDATUM });
      for (const lang of ['nl', 'en'] as const) {
        for (const line of renderExplanation(explanation!, lang)
          .split('\n')
          .filter((l) => /onbekend|unknown/.test(l))) {
          expect({ line, met: /: (voldaan|van toepassing|met|applies)\b/.test(line) }).toEqual({ line, met: false });
        }
      }
    }
  });

  it('reads a fact that may be unknown (no offer refused yet) as unknown, not as met', () => {
    const { explanation } = assessCase(finishedTemplate('status-holder-priority'), statusHolder, {
      peildatum: PEILDATUM,
    });
    const text = renderExplanation(explanation!, 'nl');
    expect(text).toContain('Passend aanbod geweigerd is onbekend; vereist is niet ja: onbekend, geen beletsel.');
    expect(text).not.toContain('Passend aanbod geweigerd is onbekend; vereist is niet ja: voldaan');
  });

  it('validates first: a wrong type is a coded error, not an incomplete case', () => {
    expect(() =>
      assessCase(
        finishedTemplate('status-holder-priority'),
        { ...statusHolder, hasIndependentHome: 'nee' },
        { peildatum: PEILDATUM },
      ),
    ).toThrow(InvalidFactsError);
  });

  it('leaves the explanation out on request', () => {
    expect(
      assessCase(finishedTemplate('status-holder-priority'), statusHolder, { peildatum: PEILDATUM, explain: false }),
    ).not.toHaveProperty('explanation');
  });
});
