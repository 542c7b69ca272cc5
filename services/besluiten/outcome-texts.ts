import * as rules from '../../rules';
import type { RuleSet } from '../../rules';

/** Words for outcomes in the besluit: the rule set's own labels first, then plain Dutch defaults; never an event id. */

interface OutcomeWords {
  label?: { nl?: string };
  decision?: { nl?: string };
}

/** The label fields the rule-set format carries (read defensively: older stored versions lack them). */
interface LabelledRuleSet {
  outcomes?: Record<string, OutcomeWords | undefined>;
  noOutcome?: OutcomeWords;
}

/** The explanation's own copy of the labels, taken when the decision was made. */
export interface ExplanationLabelsLike {
  outcomes?: Record<string, OutcomeWords | undefined>;
  noOutcome?: OutcomeWords;
  conditions?: Record<string, { nl?: string } | undefined>;
  parameters?: Record<string, { nl?: string } | undefined>;
}

type Lookup = (ruleSet: RuleSet, eventType: string | null, lang: 'nl') => unknown;
const exported = rules as unknown as { outcomeLabel?: Lookup; decisionSentence?: Lookup };

const CATEGORY: Record<string, string> = {
  'status-holder': 'als statushouder',
  medical: 'op medische gronden',
  'leaving-institution': 'omdat u uitstroomt uit een instelling',
  mantelzorg: 'vanwege mantelzorg',
  'social-emergency': 'vanwege een sociale noodsituatie',
  demolition: 'vanwege sloop of herstructurering',
};

const DEFAULT_LABEL: Record<string, string> = {
  priority: 'voorrang',
  'no-priority': 'geen voorrang',
  'not-eligible': 'niet in aanmerking voor voorrang',
};

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** A text fit for the letter: non-empty, no placeholder, not the bare id. */
function usable(text: unknown, eventType: string | null): text is string {
  if (typeof text !== 'string' || !text.trim() || text.includes('{{')) return false;
  // The rules core falls back to the bare event type ("priority", "Uitkomst: priority."): not Dutch words.
  return eventType === null || (text.trim() !== eventType && !text.trim().endsWith(`: ${eventType}.`));
}

function fromLabels(
  labels: ExplanationLabelsLike | LabelledRuleSet | undefined,
  eventType: string | null,
): OutcomeWords | undefined {
  if (!labels) return undefined;
  return eventType === null ? labels.noOutcome : own(labels.outcomes, eventType);
}

function safeCall(fn: Lookup | undefined, ruleSet: RuleSet, eventType: string | null): unknown {
  try {
    return fn?.(ruleSet, eventType, 'nl');
  } catch {
    return undefined;
  }
}

/** "voorrang", "geen voorrang": how the letter names an outcome (e.g. the proposal a handler deviated from). */
export function outcomeLabelNl(ruleSet: RuleSet, eventType: string | null, labels?: ExplanationLabelsLike): string {
  const candidates = [
    fromLabels(labels, eventType)?.label?.nl,
    fromLabels(ruleSet, eventType)?.label?.nl,
    safeCall(exported.outcomeLabel, ruleSet, eventType),
    eventType === null ? 'geen voorrang' : own(DEFAULT_LABEL, eventType),
  ];
  return candidates.find((c): c is string => usable(c, eventType)) ?? 'een andere uitkomst';
}

/** The besluit's one decision sentence: "U krijgt voorrang voor een woning als statushouder." */
export function decisionSentenceNl(
  ruleSet: RuleSet,
  eventType: string | null,
  params: Record<string, unknown> | undefined,
  labels?: ExplanationLabelsLike,
): string {
  const candidates = [
    fromLabels(labels, eventType)?.decision?.nl,
    fromLabels(ruleSet, eventType)?.decision?.nl,
    safeCall(exported.decisionSentence, ruleSet, eventType),
  ];
  const found = candidates.find((c): c is string => usable(c, eventType) && !/^Uitkomst:/.test(c));
  if (found) return found;
  const category = typeof params?.category === 'string' ? own(CATEGORY, params.category) : undefined;
  switch (eventType) {
    case 'priority':
      return `U krijgt voorrang voor een woning${category ? ` ${category}` : ''}.`;
    case 'no-priority':
      return `U krijgt geen voorrang voor een woning${category ? ` ${category}` : ''}.`;
    case 'not-eligible':
      return 'U komt niet in aanmerking voor voorrang voor een woning.';
    case null:
      return 'U krijgt geen voorrang voor een woning.';
    default:
      return `Uw aanvraag is beoordeeld met als uitkomst: ${outcomeLabelNl(ruleSet, eventType, labels)}.`;
  }
}
