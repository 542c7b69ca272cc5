import {
  catalogOf,
  factCatalogs,
  operators,
  type ConditionExplanation,
  type Explanation,
  type FactCatalog,
  type OperatorSpec,
  type RuleExplanation,
  type RuleSet,
} from '../../rules';
import { fillLegalBasis } from '../municipalities/legal-basis';
import type { MunicipalityProfile } from '../municipalities/municipality-profile';
import { profileCompleteness } from '../municipalities/profile-completeness';
import type { BesluitParagraph, BesluitSection } from './besluit-content';
import { BesluitError } from './besluit-error';
import { dateInWords, letterValue } from './dutch-format';
import type { ExplanationLabelsLike } from './outcome-texts';

type Item = { text: string; level: number };

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const VERDICT = { held: 'Hieraan is voldaan.', failed: 'Hieraan is niet voldaan.' } as const;

interface Context {
  catalog: FactCatalog | undefined;
  conditionLabel(name: string): string | undefined;
  /** Named conditions already spelled out: within one evaluation their outcome is the same everywhere. */
  shown: Set<string>;
}

function requirement(node: Extract<ConditionExplanation, { kind: 'fact' }>, ctx: Context): string {
  const fact = own(ctx.catalog?.facts, node.fact);
  const spec = own(operators as Record<string, OperatorSpec>, node.operator);
  if (!spec) return letterValue(node.expected, fact);
  const value = spec.value === 'days' ? String(node.expected) : letterValue(node.expected, fact);
  return spec.label.nl.replace('{value}', value);
}

/** One condition as a sentence a reader understands, with why it is or is not met. */
function conditionItems(node: ConditionExplanation, ctx: Context, level: number, out: Item[]): void {
  if (node.status === 'not-evaluated') return;
  const verdict = VERDICT[node.status];
  switch (node.kind) {
    case 'fact': {
      const fact = own(ctx.catalog?.facts, node.fact);
      // A fact without a catalog entry has no words for a letter; its id must not be printed.
      const label = fact?.label.nl ?? 'Een gegeven';
      // A fact whose absence has a meaning (no offer refused, no urgency claimed) was not reported;
      // any other unknown fact makes a case onvolledig before it is decided, and is never "met".
      const actual = node.known ? letterValue(node.actual, fact) : fact?.mayBeUnknown ? 'niet gemeld' : 'niet bekend';
      const why =
        !node.known && node.status === 'failed' ? 'Hieraan is niet voldaan, omdat dit gegeven ontbreekt.' : verdict;
      out.push({ text: `${label}: ${actual}. Vereist: ${requirement(node, ctx)}. ${why}`, level });
      return;
    }
    case 'reference': {
      const label = ctx.conditionLabel(node.name);
      if (!label) return conditionItems(node.condition, ctx, level, out);
      if (ctx.shown.has(node.name)) {
        out.push({ text: `${label}. ${verdict} Zie hierboven.`, level });
        return;
      }
      ctx.shown.add(node.name);
      out.push({ text: `${label}. ${verdict}`, level });
      conditionItems(node.condition, ctx, level + 1, out);
      return;
    }
    case 'not':
      out.push({ text: `Het volgende mag niet gelden. ${verdict}`, level });
      conditionItems(node.condition, ctx, level + 1, out);
      return;
    default: {
      if (node.conditions.length === 1 && node.conditions[0])
        return conditionItems(node.conditions[0], ctx, level, out);
      if (node.kind === 'all' && level === 0) {
        for (const child of node.conditions) conditionItems(child, ctx, level, out);
        return;
      }
      out.push({
        text: `${node.kind === 'all' ? 'Aan alle volgende voorwaarden moet zijn voldaan' : 'Aan ten minste één van de volgende voorwaarden moet zijn voldaan'}. ${verdict}`,
        level,
      });
      for (const child of node.conditions) conditionItems(child, ctx, level + 1, out);
    }
  }
}

function ruleParagraph(
  rule: RuleExplanation,
  ruleSet: RuleSet,
  profile: MunicipalityProfile,
  ctx: Context,
): BesluitParagraph {
  const basis = fillLegalBasis(rule.legalBasis, profile.name, profile.byeLaw, {
    kind: ruleSet.kind,
    eventType: rule.event.type,
  });
  if (basis.unfilled.length > 0 || basis.text.includes('{{')) {
    const missing = profileCompleteness(profile, ruleSet).missing;
    throw new BesluitError(
      'PROFILE_INCOMPLETE',
      `the legal basis of rule "${rule.title}" cannot be filled from the municipality profile`,
      missing,
    );
  }
  const items: Item[] = [];
  conditionItems(rule.conditions, ctx, 0, items);
  const verdict = rule.fired
    ? 'Deze regel is op u van toepassing, omdat aan de voorwaarden is voldaan:'
    : 'Deze regel is niet op u van toepassing, omdat niet aan alle voorwaarden is voldaan:';
  return { text: `${rule.title}. Grondslag: ${basis.text}. ${verdict}`, items };
}

/** The facts established, in the catalog's order, with their labels; facts the catalog does not know are left out. */
function factItems(facts: Record<string, unknown>, catalog: FactCatalog | undefined): Item[] {
  if (!catalog) return [];
  return Object.entries(catalog.facts)
    .filter(([name]) => own(facts, name) !== undefined && own(facts, name) !== null)
    .map(([name, fact]) => ({ text: `${fact.label.nl}: ${letterValue(own(facts, name), fact)}.`, level: 0 }));
}

/**
 * The motivation (Awb 3:46) from the rules core's structured explanation: the facts as they
 * were used, then each rule with its legal basis (filled from the profile) and every condition
 * that was judged, in plain Dutch — labels, dates in words, amounts in euros, no ids.
 */
export function composeMotivation(
  explanation: Explanation,
  ruleSet: RuleSet,
  profile: MunicipalityProfile,
): BesluitSection[] {
  // The catalog of the version that decided: the kind's facts and the municipality's own.
  const catalog = own(factCatalogs as Record<string, FactCatalog>, ruleSet.kind) ? catalogOf(ruleSet) : undefined;
  const labels = (explanation as { labels?: ExplanationLabelsLike }).labels;
  const conditionLabels = (ruleSet as { conditionLabels?: Record<string, { nl?: string } | undefined> })
    .conditionLabels;
  const ctx: Context = {
    catalog,
    conditionLabel: (name) => own(labels?.conditions, name)?.nl ?? own(conditionLabels, name)?.nl,
    shown: new Set(),
  };
  const peildatum = dateInWords(explanation.peildatum);
  const facts = factItems(explanation.facts, catalog);
  const established: BesluitParagraph[] =
    facts.length > 0
      ? [{ text: `Wij zijn uitgegaan van de volgende gegevens, zoals die bekend waren op ${peildatum}:`, items: facts }]
      : [{ text: `Wij hebben uw situatie beoordeeld zoals die was op ${peildatum}.` }];
  const byeLaw = profile.byeLaw ? `de ${profile.byeLaw.name} ${profile.byeLaw.year}` : 'de verordening';
  const applied: BesluitParagraph[] = [
    {
      text: `Wij hebben de regels van ${byeLaw} toegepast zoals die golden op ${peildatum}. Per regel leest u hieronder of die op u van toepassing is en waarom.`,
    },
    ...explanation.rules.map((rule) => ruleParagraph(rule, ruleSet, profile, ctx)),
  ];
  return [
    { heading: 'Wat wij hebben vastgesteld', paragraphs: established },
    { heading: 'Welke regels wij hebben toegepast', paragraphs: applied },
  ];
}
