import type { FactCatalog } from '../facts/fact-catalog';
import { factCatalogs } from '../facts/fact-catalogs';
import type { Language } from '../localized-text';
import { operatorSpec } from '../operators/operators';
import type { ConditionExplanation, ConditionStatus, Explanation, FactConditionExplanation, RuleExplanation } from './explanation';
import { formatValue } from './format-value';

const STATUS: Record<ConditionStatus, Record<Language, string>> = {
  held: { nl: 'voldaan', en: 'met' },
  failed: { nl: 'niet voldaan', en: 'not met' },
  'not-evaluated': { nl: 'niet beoordeeld', en: 'not evaluated' },
};

const GROUP: Record<'all' | 'any' | 'not', Record<Language, string>> = {
  all: { nl: 'Alle voorwaarden hieronder', en: 'All conditions below' },
  any: { nl: 'Minstens één voorwaarde hieronder', en: 'At least one condition below' },
  not: { nl: 'Het volgende mag niet gelden', en: 'The following must not hold' },
};

/** "Huishoudgrootte is 5; vereist is minstens 4: voldaan." */
export function renderFactCondition(node: FactConditionExplanation, catalog: FactCatalog | undefined, lang: Language): string {
  const fact = catalog?.facts[node.fact];
  const label = fact?.label[lang] ?? node.fact;
  const actual = node.known ? formatValue(node.actual, fact, lang) : lang === 'nl' ? 'onbekend' : 'unknown';
  const spec = operatorSpec(node.operator);
  const expectedValue = spec?.value === 'days' ? String(node.expected) : formatValue(node.expected, fact, lang);
  const requirement = spec ? spec.label[lang].replace('{value}', expectedValue) : `${node.operator} ${expectedValue}`;
  const source = node.parameter ? ` (parameter ${node.parameter})` : '';
  const required = lang === 'nl' ? 'vereist is' : 'required is';
  return `${label} is ${actual}; ${required} ${requirement}${source}: ${STATUS[node.status][lang]}.`;
}

interface RenderState {
  catalog: FactCatalog | undefined;
  lang: Language;
  /** Named conditions already spelled out: within one evaluation their outcome is the same everywhere. */
  shown: Set<string>;
}

function renderCondition(node: ConditionExplanation, state: RenderState, depth: number, out: string[]): void {
  const { catalog, lang } = state;
  const indent = '  '.repeat(depth) + '- ';
  switch (node.kind) {
    case 'fact':
      out.push(indent + renderFactCondition(node, catalog, lang));
      return;
    case 'reference': {
      const again = node.status !== 'not-evaluated' && state.shown.has(node.name);
      const seeAbove = again ? (lang === 'nl' ? ' (zie hierboven)' : ' (see above)') : '';
      out.push(`${indent}${lang === 'nl' ? 'Voorwaarde' : 'Condition'} '${node.name}': ${STATUS[node.status][lang]}${seeAbove}.`);
      if (again) return;
      if (node.status !== 'not-evaluated') state.shown.add(node.name);
      renderCondition(node.condition, state, depth + 1, out);
      return;
    }
    case 'not':
      out.push(`${indent}${GROUP.not[lang]}: ${STATUS[node.status][lang]}.`);
      renderCondition(node.condition, state, depth + 1, out);
      return;
    default:
      // A group of one says nothing its child does not; skip it to keep the text short.
      if (node.conditions.length === 1 && node.conditions[0]) {
        renderCondition(node.conditions[0], state, depth, out);
        return;
      }
      out.push(`${indent}${GROUP[node.kind][lang]}: ${STATUS[node.status][lang]}.`);
      for (const child of node.conditions) renderCondition(child, state, depth + 1, out);
  }
}

export function renderRule(rule: RuleExplanation, catalog: FactCatalog | undefined, lang: Language, shown = new Set<string>()): string[] {
  const verdict = rule.fired ? (lang === 'nl' ? 'van toepassing' : 'applies') : lang === 'nl' ? 'niet van toepassing' : 'does not apply';
  const outcome = rule.fired ? (lang === 'nl' ? ` Uitkomst: ${rule.event.type}.` : ` Outcome: ${rule.event.type}.`) : '';
  const lines = [`${lang === 'nl' ? 'Regel' : 'Rule'} '${rule.title}' (${rule.legalBasis}): ${verdict}.${outcome}`];
  renderCondition(rule.conditions, { catalog, lang, shown }, 1, lines);
  return lines;
}

/** The whole explanation as plain sentences, one per line, for a decision letter or a designer's test run. */
export function renderExplanation(explanation: Explanation, lang: Language = 'nl'): string {
  const catalog = factCatalogs[explanation.ruleSet.kind];
  const { id, version, effectiveFrom } = explanation.ruleSet;
  const header = lang === 'nl'
    ? `Regelset '${id}' versie ${version} (geldig vanaf ${effectiveFrom}), peildatum ${explanation.peildatum}.`
    : `Rule set '${id}' version ${version} (effective from ${effectiveFrom}), peildatum ${explanation.peildatum}.`;
  const lines = [header];
  const shown = new Set<string>();
  for (const rule of explanation.rules) lines.push('', ...renderRule(rule, catalog, lang, shown));
  return lines.join('\n');
}
