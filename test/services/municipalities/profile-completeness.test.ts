import { loadTemplate } from '../../../rules';
import { fillLegalBasis, formatArticle } from '../../../services/municipalities/legal-basis';
import { profileCompleteness } from '../../../services/municipalities/profile-completeness';
import { amsterdamProfile, amsterdamRuleSet } from '../besluiten/besluit-fixtures';

describe('profile completeness', () => {
  it('is complete when name, address, signatory, bye-law and every article the rules cite are there', () => {
    expect(profileCompleteness(amsterdamProfile(), amsterdamRuleSet())).toEqual({ complete: true, missing: [] });
  });

  it('lists every missing field with a code and a path, in Dutch and English', () => {
    const empty = amsterdamProfile({ name: ' ', address: null, signatory: null, byeLaw: null });
    const result = profileCompleteness(empty);
    expect(result.complete).toBe(false);
    expect(result.missing.map((m) => [m.code, m.path])).toEqual([
      ['MISSING_NAME', '/name'],
      ['MISSING_ADDRESS', '/address'],
      ['MISSING_SIGNATORY', '/signatory'],
      ['MISSING_BYE_LAW', '/byeLaw'],
    ]);
    expect(result.missing[1]?.message).toEqual({
      nl: expect.stringContaining('postadres'),
      en: expect.stringContaining('postal address'),
    });
  });

  it('names each article a rule set needs: per rule placeholder in the urgency scheme', () => {
    const ruleSet = loadTemplate('urgency-scheme', { tenant: 'GM0363', effectiveFrom: '2026-01-01' });
    const profile = amsterdamProfile({
      byeLaw: { name: 'Huisvestingsverordening Amsterdam', year: 2024, articles: { 'artikel-medisch': '2.6.3' } },
    });
    const paths = profileCompleteness(profile, ruleSet).missing.map((m) => m.path);
    expect(paths).toContain('/byeLaw/articles/artikel-basisvoorwaarden');
    expect(paths).not.toContain('/byeLaw/articles/artikel-medisch');
    expect(paths.every((p) => p.startsWith('/byeLaw/articles/'))).toBe(true);
    // One article for the whole kind fills every placeholder.
    const general = amsterdamProfile({
      byeLaw: { name: 'Huisvestingsverordening Amsterdam', year: 2024, articles: { 'urgency-scheme': 'art. 2.6' } },
    });
    expect(profileCompleteness(general, ruleSet).complete).toBe(true);
  });
});

describe('legal basis from the profile', () => {
  const byeLaw = {
    name: 'Huisvestingsverordening Amsterdam',
    year: 2024,
    articles: { 'housing-priority': '2.6.1', 'housing-priority:no-priority': 'artikel 2.7' },
  };
  const template = 'Huisvestingsverordening {{gemeente}} {{jaar}}, art. {{artikel}} (Huisvestingswet 2014 art. 28)';

  it('fills name, year and article, the most specific key first', () => {
    expect(fillLegalBasis(template, 'Amsterdam', byeLaw, { kind: 'housing-priority', eventType: 'priority' })).toEqual({
      text: 'Huisvestingsverordening Amsterdam 2024, art. 2.6.1 (Huisvestingswet 2014 art. 28)',
      unfilled: [],
    });
    expect(
      fillLegalBasis(template, 'Amsterdam', byeLaw, { kind: 'housing-priority', eventType: 'no-priority' }).text,
    ).toBe('Huisvestingsverordening Amsterdam 2024, art. 2.7 (Huisvestingswet 2014 art. 28)');
  });

  it("cites a bye-law by its own name and keeps a municipality's own legal basis as it is", () => {
    const other = { ...byeLaw, name: 'Verordening woonruimtebemiddeling Utrecht' };
    expect(
      fillLegalBasis(template, 'Utrecht', other, { kind: 'housing-priority', eventType: 'priority' }).text,
    ).toMatch(/^Verordening woonruimtebemiddeling Utrecht 2024, art\. 2\.6\.1/);
    expect(
      fillLegalBasis('Huisvestingsverordening Utrecht 2019, art. 2.6.1', 'Utrecht', null, {
        kind: 'housing-priority',
        eventType: 'priority',
      }),
    ).toEqual({ text: 'Huisvestingsverordening Utrecht 2019, art. 2.6.1', unfilled: [] });
  });

  it('reports what it cannot fill', () => {
    expect(
      fillLegalBasis(template, 'Amsterdam', null, { kind: 'housing-priority', eventType: 'priority' }).unfilled.map(
        (u) => u.key,
      ),
    ).toEqual(['housing-priority', 'byeLaw']);
    expect(formatArticle('artikel 2.6.1, eerste lid')).toBe('art. 2.6.1, eerste lid');
  });
});
