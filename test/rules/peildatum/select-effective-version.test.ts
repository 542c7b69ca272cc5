import { selectEffectiveVersion } from '../../../rules/peildatum/select-effective-version';
import type { RuleSet } from '../../../rules/rule-set-schema';
import { aRuleSet } from '../support/factories';

const v = (version: number, effectiveFrom: string, extra: Partial<RuleSet> = {}) =>
  aRuleSet({ version, effectiveFrom, ...extra });

describe('selectEffectiveVersion', () => {
  const versions = [
    v(1, '2025-01-01', { status: 'retired' }),
    v(2, '2025-07-01'),
    v(3, '2026-01-01'),
    v(4, '2026-07-01', { status: 'draft' }),
  ];

  it('picks the version that started last on or before the peildatum', () => {
    expect(selectEffectiveVersion(versions, '2025-12-31').version).toBe(2);
    expect(selectEffectiveVersion(versions, '2026-01-01').version).toBe(3);
  });

  it('still finds a retired version for an old peildatum, as an objection needs', () => {
    expect(selectEffectiveVersion(versions, '2025-03-01').version).toBe(1);
  });

  it('ignores drafts unless asked to include them', () => {
    expect(selectEffectiveVersion(versions, '2026-08-01').version).toBe(3);
    expect(selectEffectiveVersion(versions, '2026-08-01', { statuses: ['published', 'draft'] }).version).toBe(4);
  });

  it('does not depend on the order versions are given in', () => {
    expect(selectEffectiveVersion([...versions].reverse(), '2025-12-31').version).toBe(2);
  });

  it('refuses a peildatum before the first version', () => {
    expect(() => selectEffectiveVersion(versions, '2024-12-31')).toThrow(
      expect.objectContaining({ code: 'no-effective-version' }),
    );
  });

  it('refuses two versions that start on the same day', () => {
    expect(() => selectEffectiveVersion([v(2, '2026-01-01'), v(3, '2026-01-01')], '2026-02-01')).toThrow(
      expect.objectContaining({ code: 'ambiguous-effective-version' }),
    );
  });

  it('refuses a peildatum in a gap after a version ended', () => {
    const ended = [v(1, '2025-01-01', { effectiveUntil: '2025-06-30' }), v(2, '2025-09-01')];
    expect(selectEffectiveVersion(ended, '2025-06-30').version).toBe(1);
    expect(() => selectEffectiveVersion(ended, '2025-07-15')).toThrow(
      expect.objectContaining({ code: 'peildatum-in-gap' }),
    );
  });

  it('refuses versions of different rule sets', () => {
    expect(() =>
      selectEffectiveVersion([v(1, '2025-01-01'), v(2, '2025-07-01', { tenant: 'GM0001' })], '2026-01-01'),
    ).toThrow(expect.objectContaining({ code: 'mixed-rule-sets' }));
  });

  it('refuses a peildatum that is not a date', () => {
    expect(() => selectEffectiveVersion(versions, '2026-13-01')).toThrow(
      expect.objectContaining({ code: 'invalid-peildatum' }),
    );
  });
});
