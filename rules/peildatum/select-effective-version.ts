import { isIsoDate } from '../dates';
import type { RuleSet, RuleSetStatus } from '../rule-set-schema';
import { RulesError } from '../rules-error';

export interface SelectOptions {
  /**
   * Statuses that count as having been in force. Retired versions count by default: an objection
   * re-checks a decision against the version that was effective on the original peildatum.
   * Simulations may add 'draft' or 'in-review'.
   */
  statuses?: readonly RuleSetStatus[];
}

const inForce = (v: RuleSet, day: string) =>
  v.effectiveFrom <= day && (v.effectiveUntil === undefined || day <= v.effectiveUntil);

/**
 * The version a case is judged by: of the versions in force on the peildatum, the one that started
 * last (a newer version supersedes an open-ended older one). Two versions starting the same day, or
 * no version at all, is an error rather than a guess.
 */
export function selectEffectiveVersion(
  versions: readonly RuleSet[],
  peildatum: string,
  options: SelectOptions = {},
): RuleSet {
  if (!isIsoDate(peildatum)) {
    throw new RulesError('invalid-peildatum', {
      nl: `Peildatum '${peildatum}' is geen geldige datum.`,
      en: `Peildatum '${peildatum}' is not a valid date.`,
    });
  }
  const statuses = options.statuses ?? ['published', 'retired'];
  const first = versions[0];
  const mixed = versions.find(
    (v) => first && (v.id !== first.id || v.tenant !== first.tenant || v.kind !== first.kind),
  );
  if (mixed) {
    throw new RulesError('mixed-rule-sets', {
      nl: 'De versies horen niet bij één regelset (id, gemeente of soort verschilt).',
      en: 'The versions do not belong to one rule set (id, tenant or kind differs).',
    });
  }
  const candidates = versions.filter((v) => statuses.includes(v.status));
  const started = candidates.filter((v) => v.effectiveFrom <= peildatum);
  if (started.length === 0) {
    throw new RulesError('no-effective-version', {
      nl: `Geen versie was geldig op peildatum ${peildatum}: de eerste versie begint later of er is geen gepubliceerde versie.`,
      en: `No version was in force on peildatum ${peildatum}: the first version starts later or none is published.`,
    });
  }
  const latestStart = started.reduce((max, v) => (v.effectiveFrom > max ? v.effectiveFrom : max), '');
  const latest = started.filter((v) => v.effectiveFrom === latestStart);
  if (latest.length > 1) {
    throw new RulesError('ambiguous-effective-version', {
      nl: `Versies ${latest.map((v) => v.version).join(' en ')} gaan allebei in op ${latestStart}; maak één ervan ongedaan of verschuif de datum.`,
      en: `Versions ${latest.map((v) => v.version).join(' and ')} both start on ${latestStart}; withdraw one or move its date.`,
    });
  }
  const chosen = latest[0] as RuleSet;
  if (!inForce(chosen, peildatum)) {
    throw new RulesError('peildatum-in-gap', {
      nl: `Peildatum ${peildatum} valt in een gat: versie ${chosen.version} eindigde op ${chosen.effectiveUntil ?? ''} en er is geen opvolger.`,
      en: `Peildatum ${peildatum} falls in a gap: version ${chosen.version} ended on ${chosen.effectiveUntil ?? ''} with no successor.`,
    });
  }
  return chosen;
}
