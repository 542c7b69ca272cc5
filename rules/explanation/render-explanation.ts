import type { FactCatalog } from '../facts/fact-catalog';
import { catalogOf } from '../facts/catalog-of';
import { describeDerivation } from '../facts/derivation';
import { factCatalogs } from '../facts/fact-catalogs';
import type { Language } from '../localized-text';
import { operatorSpec } from '../operators/operators';
import type {
  ConditionExplanation,
  Explanation,
  ExplanationLabels,
  FactConditionExplanation,
  RuleExplanation,
} from './explanation';
import { formatDate, formatValue } from './format-value';
import { certaintyOf, mayBeUnknown, type Certainty } from './unknown-facts';

type Words = Record<Language, string>;

const STATUS: Record<Certainty, Words> = {
  held: { nl: 'voldaan', en: 'met' },
  failed: { nl: 'niet voldaan', en: 'not met' },
  // Never "voldaan" for what nobody knows: the reader must see that it was not established.
  unknown: { nl: 'onbekend', en: 'unknown' },
  'not-evaluated': { nl: 'niet beoordeeld', en: 'not evaluated' },
};

/** A fact that may be unknown (catalog: mayBeUnknown) and is: the rule reads its absence, say so. */
const ABSENT: Record<'held' | 'failed', Words> = {
  held: { nl: 'onbekend, geen beletsel', en: 'unknown, no obstacle' },
  failed: { nl: 'onbekend, niet vastgesteld', en: 'unknown, not established' },
};

const GROUP: Record<'all' | 'any' | 'not', Words> = {
  all: { nl: 'Alle voorwaarden hieronder', en: 'All conditions below' },
  any: { nl: 'Minstens één voorwaarde hieronder', en: 'At least one condition below' },
  not: { nl: 'Het volgende mag niet gelden', en: 'The following must not hold' },
};

const VERDICT: Record<'held' | 'failed' | 'unknown', Words> = {
  held: { nl: 'van toepassing', en: 'applies' },
  failed: { nl: 'niet van toepassing', en: 'does not apply' },
  unknown: {
    nl: 'niet te beoordelen, want gegevens ontbreken (onvolledig)',
    en: 'cannot be assessed, facts are missing (incomplete)',
  },
};

const has = (o: object | undefined, key: string): boolean =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, key);

function factStatus(node: FactConditionExplanation, catalog: FactCatalog | undefined, lang: Language): string {
  if (node.status === 'not-evaluated' || node.known) return STATUS[node.status][lang];
  return mayBeUnknown(catalog, node.fact) ? ABSENT[node.status][lang] : STATUS.unknown[lang];
}

/** "Huishoudgrootte is 5 personen; vereist is minstens 4 personen: voldaan." Parameters by their label, never their id. */
export function renderFactCondition(
  node: FactConditionExplanation,
  catalog: FactCatalog | undefined,
  lang: Language,
  labels?: ExplanationLabels,
): string {
  const fact = catalog && has(catalog.facts, node.fact) ? catalog.facts[node.fact] : undefined;
  const label = fact?.label[lang] ?? node.fact;
  const actual = node.known ? formatValue(node.actual, fact, lang) : lang === 'nl' ? 'onbekend' : 'unknown';
  const spec = operatorSpec(node.operator);
  const expectedValue = spec?.value === 'days' ? String(node.expected) : formatValue(node.expected, fact, lang);
  const requirement = spec ? spec.label[lang].replace('{value}', expectedValue) : `${node.operator} ${expectedValue}`;
  const parameter =
    node.parameter !== undefined && has(labels?.parameters, node.parameter)
      ? labels?.parameters[node.parameter]?.[lang]
      : undefined;
  const source = parameter ? ` (${parameter})` : '';
  const required = lang === 'nl' ? 'vereist is' : 'required is';
  // A municipality's derived fact says how it was computed: the reader must be able to check the number.
  const how = fact?.derivation ? ` (${describeDerivation(fact.derivation, catalog, lang)})` : '';
  return `${label}${how} is ${actual}; ${required} ${requirement}${source}: ${factStatus(node, catalog, lang)}.`;
}

interface RenderState {
  catalog: FactCatalog | undefined;
  lang: Language;
  labels: ExplanationLabels | undefined;
  certainty: (node: ConditionExplanation) => Certainty;
  /** Named conditions already spelled out: within one evaluation their outcome is the same everywhere. */
  shown: Set<string>;
}

function conditionName(name: string, state: RenderState): string {
  return has(state.labels?.conditions, name) ? (state.labels?.conditions[name]?.[state.lang] ?? name) : name;
}

function renderCondition(node: ConditionExplanation, state: RenderState, depth: number, out: string[]): void {
  const { catalog, lang } = state;
  const indent = '  '.repeat(depth) + '- ';
  const status = STATUS[state.certainty(node)][lang];
  switch (node.kind) {
    case 'fact':
      out.push(indent + renderFactCondition(node, catalog, lang, state.labels));
      return;
    case 'reference': {
      const again = node.status !== 'not-evaluated' && state.shown.has(node.name);
      const seeAbove = again ? (lang === 'nl' ? ' (zie hierboven)' : ' (see above)') : '';
      out.push(
        `${indent}${lang === 'nl' ? 'Voorwaarde' : 'Condition'} '${conditionName(node.name, state)}': ${status}${seeAbove}.`,
      );
      if (again) return;
      if (node.status !== 'not-evaluated') state.shown.add(node.name);
      renderCondition(node.condition, state, depth + 1, out);
      return;
    }
    case 'not':
      out.push(`${indent}${GROUP.not[lang]}: ${status}.`);
      renderCondition(node.condition, state, depth + 1, out);
      return;
    default:
      // A group of one says nothing its child does not; skip it to keep the text short.
      if (node.conditions.length === 1 && node.conditions[0]) {
        renderCondition(node.conditions[0], state, depth, out);
        return;
      }
      out.push(`${indent}${GROUP[node.kind][lang]}: ${status}.`);
      for (const child of node.conditions) renderCondition(child, state, depth + 1, out);
  }
}

function outcomeWords(type: string, labels: ExplanationLabels | undefined, lang: Language): string {
  return has(labels?.outcomes, type) ? (labels?.outcomes[type]?.label[lang] ?? type) : type;
}

function renderRuleWith(rule: RuleExplanation, state: RenderState): string[] {
  const { lang } = state;
  const certainty = state.certainty(rule.conditions);
  const verdict = VERDICT[certainty === 'unknown' || certainty === 'not-evaluated' ? 'unknown' : certainty][lang];
  const outcome =
    certainty === 'held' && rule.fired
      ? ` ${lang === 'nl' ? 'Uitkomst' : 'Outcome'}: ${outcomeWords(rule.event.type, state.labels, lang)}.`
      : '';
  const lines = [`${lang === 'nl' ? 'Regel' : 'Rule'} '${rule.title}' (${rule.legalBasis}): ${verdict}.${outcome}`];
  renderCondition(rule.conditions, state, 1, lines);
  return lines;
}

export function renderRule(
  rule: RuleExplanation,
  catalog: FactCatalog | undefined,
  lang: Language,
  shown = new Set<string>(),
  labels?: ExplanationLabels,
): string[] {
  return renderRuleWith(rule, { catalog, lang, labels, certainty: certaintyOf(catalog), shown });
}

/**
 * The catalog an explanation was made with: its kind's, extended by the rule set's own facts as
 * the explanation recorded them (labels.facts), so a municipality fact reads by its label even
 * after the rule set changed. Undefined for a kind without a catalog.
 */
export function explanationCatalog(explanation: Pick<Explanation, 'ruleSet' | 'labels'>): FactCatalog | undefined {
  const { kind } = explanation.ruleSet;
  if (!has(factCatalogs, kind)) return undefined;
  const facts = explanation.labels?.facts;
  return facts ? catalogOf({ kind, facts }) : factCatalogs[kind];
}

/**
 * The whole explanation as plain sentences, one per line, for a decision letter or a designer's
 * test run: labels instead of ids, dates in words, amounts as "€ 30.000,50", and "onbekend" —
 * never "voldaan" — for what rests on a fact nobody supplied.
 */
export function renderExplanation(explanation: Explanation, lang: Language = 'nl'): string {
  const catalog = explanationCatalog(explanation);
  const { id, title, version, effectiveFrom } = explanation.ruleSet;
  const name = title ?? id;
  const header =
    lang === 'nl'
      ? `Regelset '${name}', versie ${version}, geldig vanaf ${formatDate(effectiveFrom, lang)}; peildatum ${formatDate(explanation.peildatum, lang)}.`
      : `Rule set '${name}', version ${version}, effective from ${formatDate(effectiveFrom, lang)}; peildatum ${formatDate(explanation.peildatum, lang)}.`;
  const lines = [header];
  const state: RenderState = {
    catalog,
    lang,
    labels: explanation.labels,
    certainty: certaintyOf(catalog),
    shown: new Set<string>(),
  };
  for (const rule of explanation.rules) lines.push('', ...renderRuleWith(rule, state));
  return lines.join('\n');
}
