import { factCatalogs } from '../facts/fact-catalogs';
import type { Language, LocalizedText } from '../localized-text';
import type { Outcome, RuleSet } from '../rule-set-schema';

const hasOwn = (o: object | undefined, key: string): boolean =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, key);

// Last resort for a rule set of an unknown kind without labels: words, never the raw event type.
const FALLBACK_NO_OUTCOME: Outcome = {
  label: { nl: 'geen uitkomst', en: 'no outcome' },
  decision: { nl: 'Geen van de regels is op u van toepassing.', en: 'None of the rules applies to you.' },
};

function catalogOf(ruleSet: Pick<RuleSet, 'kind'>) {
  return hasOwn(factCatalogs, ruleSet.kind) ? factCatalogs[ruleSet.kind] : undefined;
}

/** The outcome as the rule set labels it, else as its kind's catalog does; undefined when neither does. */
export function resolveOutcome(
  ruleSet: Pick<RuleSet, 'kind' | 'outcomes' | 'noOutcome'>,
  eventType: string | null,
): Outcome | undefined {
  const catalog = catalogOf(ruleSet);
  if (eventType === null) return ruleSet.noOutcome ?? catalog?.noOutcome ?? FALLBACK_NO_OUTCOME;
  if (hasOwn(ruleSet.outcomes, eventType)) return ruleSet.outcomes?.[eventType];
  if (hasOwn(catalog?.outcomes, eventType)) return catalog?.outcomes?.[eventType];
  return undefined;
}

/** "voorrang" for event type 'priority'; the event type itself only when nobody labelled it. */
export function outcomeLabel(
  ruleSet: Pick<RuleSet, 'kind' | 'outcomes' | 'noOutcome'>,
  eventType: string | null,
  lang: Language,
): string {
  const outcome = resolveOutcome(ruleSet, eventType);
  return outcome ? outcome.label[lang] : (eventType ?? '');
}

/**
 * The one sentence a besluit states for this outcome ("U krijgt voorrang …"); null is "no rule
 * applied". Falls back to "Uitkomst: <label>." when no sentence was written.
 */
export function decisionSentence(
  ruleSet: Pick<RuleSet, 'kind' | 'outcomes' | 'noOutcome'>,
  eventType: string | null,
  lang: Language,
): string {
  const outcome = resolveOutcome(ruleSet, eventType);
  if (outcome?.decision) return outcome.decision[lang];
  const label: LocalizedText = outcome?.label ?? { nl: eventType ?? '', en: eventType ?? '' };
  return lang === 'nl' ? `Uitkomst: ${label.nl}.` : `Outcome: ${label.en}.`;
}
