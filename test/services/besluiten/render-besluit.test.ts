import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTemplate } from '../../../rules';
import { composeBesluit } from '../../../services/besluiten/compose-besluit';
import { BesluitError } from '../../../services/besluiten/besluit-error';
import { renderBesluit } from '../../../services/besluiten/render-besluit';
import { amsterdamProfile, amsterdamRuleSet, confirmedDecision } from './besluit-fixtures';
import { FORBIDDEN_IN_BESLUIT, pdfText } from './pdf-text';

const render = (decision = confirmedDecision(), profile = amsterdamProfile()) =>
  renderBesluit(
    composeBesluit({
      decision,
      caseRef: 'ZAAK-2026-0042',
      profile,
      ruleSet: amsterdamRuleSet(),
      dagtekening: '2026-11-29',
    }),
  );

/** pdftotext breaks lines where the PDF does: compare words, not line breaks. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the besluit as PDF', () => {
  it('reads as a Dutch beschikking: municipality, date in words, kenmerk, decision, motivation, signatory, bezwaarclausule', async () => {
    const text = flat(pdfText(await render()));
    for (const expected of [
      'Gemeente Amsterdam',
      'Postbus 202',
      '1000 AE Amsterdam',
      '29 november 2026',
      'ZAAK-2026-0042',
      'U krijgt voorrang voor een woning als statushouder.',
      // Motivation: the facts with labels and dates in words, the rule with its filled legal basis, each condition judged.
      'zoals die bekend waren op 2 november 2026',
      'Soort verblijfsvergunning: asiel.',
      'Gekoppelde gemeente: de gemeente Amsterdam',
      'Huisvestingsverordening Amsterdam 2024, art. 2.6.1',
      'Leeftijd: 36 jaar. Vereist: minstens 18 jaar. Hieraan is voldaan.',
      'Deze regel is op u van toepassing',
      'Namens het college van burgemeester en wethouders van Amsterdam,',
      'M. Jansen',
      'teamleider Wonen',
      'binnen zes weken',
      'de dag na de verzenddatum',
      'Postbus 1840, 1000 BV Amsterdam',
      'uw naam en adres',
      'de redenen waarom',
      'uw handtekening',
      'voorzieningenrechter van de Rechtbank Amsterdam',
      'voorlopige voorziening',
    ])
      expect(text).toContain(expected);
    for (const word of FORBIDDEN_IN_BESLUIT)
      expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
  });

  it('motivates a deviation from the proposal, and states the decision the person took', async () => {
    const decision = confirmedDecision({
      branch: null,
      reason: 'De aanvrager heeft al een woning toegezegd gekregen.',
    });
    const text = flat(pdfText(await render(decision)));
    expect(text).toMatch(/Ons besluit U krijgt geen voorrang /);
    expect(text).toContain('Afwijking van het voorstel');
    expect(text).toContain('lag de uitkomst "voorrang" voor de hand');
    expect(text).toContain('De aanvrager heeft al een woning toegezegd gekregen.');
    for (const word of FORBIDDEN_IN_BESLUIT)
      expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
  });

  it('motivates a multi-rule urgency scheme with amounts in euros and each named condition spelled out once', async () => {
    const ruleSet = {
      ...loadTemplate('urgency-scheme', { tenant: 'GM0363', effectiveFrom: '2026-01-01' }),
      status: 'published' as const,
    };
    ruleSet.parameters!.gemeentecode!.value = 'GM0363';
    const facts = {
      permitType: 'asiel',
      linkedMunicipality: 'GM0363',
      hasIndependentHome: false,
      dateOfBirth: '1990-05-01',
      householdSize: 4,
      annualIncome: 30000.5,
      yearsOfRegionalTies: 3,
      rentArrears: false,
      medicalUrgency: false,
      mantelzorg: false,
      leavingInstitution: 'geen',
      emergencySelfCaused: false,
      solvableByApplicant: false,
      solvableByMoveMonths: 3,
      socialEmergency: false,
      demolition: false,
    };
    const profile = amsterdamProfile({
      byeLaw: {
        name: 'Huisvestingsverordening Amsterdam',
        year: 2024,
        articles: { 'urgency-scheme': '2.6', 'artikel-medisch': '2.6.3' },
      },
    });
    const content = composeBesluit({
      decision: confirmedDecision({ ruleSet, facts }),
      caseRef: 'ZAAK-2026-0043',
      profile,
      ruleSet,
      dagtekening: '2026-11-29',
    });
    const text = flat(pdfText(await renderBesluit(content)));
    expect(text).toContain('Huishoudinkomen: € 30.000,50 per jaar.');
    expect(text).toContain('Vereist: hoogstens € 51.537 per jaar.');
    expect(text).toContain('Medische urgentie. Grondslag: Huisvestingsverordening Amsterdam 2024, art. 2.6.3.');
    // The letter names what was asked for, not the scheme's title.
    expect(text).toContain('Besluit over urgentie');
    expect(text).toContain('Wij hebben beoordeeld of u in aanmerking komt voor urgentie.');
    expect(text).not.toContain('in aanmerking komt voor urgentieregeling');
    expect(text).toContain('Zie hierboven.');
    for (const word of [...FORBIDDEN_IN_BESLUIT, 'basisvoorwaarden.', 'emergencySelfCaused', 'artikel-'])
      expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
  });

  it('numbers its pages when it runs over one, and renders the same content to the same bytes', async () => {
    const pdf = await render();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toMatch(/pagina 1 van 2[\s\S]*pagina 2 van 2/);
    const again = await render();
    expect(createHash('sha256').update(again).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
  });

  it('is A4 and its first page renders to an image', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'besluit-'));
    try {
      const file = path.join(dir, 'besluit.pdf');
      writeFileSync(file, await render());
      expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
      execFileSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
      expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to compose without a person who confirmed, or with a profile that cannot fill the legal basis', () => {
    const unconfirmed = { ...confirmedDecision(), confirmation: undefined, status: 'proposed' as const };
    expect(() =>
      composeBesluit({
        decision: unconfirmed,
        caseRef: 'Z-1',
        profile: amsterdamProfile(),
        ruleSet: amsterdamRuleSet(),
        dagtekening: '2026-11-29',
      }),
    ).toThrow(expect.objectContaining({ code: 'DECISION_NOT_CONFIRMED' }));
    const noArticle = amsterdamProfile({
      byeLaw: { name: 'Huisvestingsverordening Amsterdam', year: 2024, articles: {} },
    });
    let error: unknown;
    try {
      composeBesluit({
        decision: confirmedDecision(),
        caseRef: 'Z-1',
        profile: noArticle,
        ruleSet: amsterdamRuleSet(),
        dagtekening: '2026-11-29',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BesluitError);
    expect(error).toMatchObject({
      code: 'PROFILE_INCOMPLETE',
      missing: [{ code: 'MISSING_ARTICLE', path: '/byeLaw/articles/housing-priority' }],
    });
  });
});
