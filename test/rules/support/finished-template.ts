import type { RuleSet } from '../../../rules/rule-set-schema';
import { loadTemplate, type TemplateId } from '../../../rules/templates/templates';

const ARTICLES: Record<string, string> = {
  artikel: '2.7',
  'artikel-basisvoorwaarden': '2.1',
  'artikel-medisch': '2.2',
  'artikel-uitstroom': '2.3',
  'artikel-mantelzorg': '2.4',
  'artikel-sociaal': '2.5',
  'artikel-herstructurering': '2.6',
  'artikel-statushouders': '2.7',
};

/** A template as a municipality finishes it before publishing: its own code, its bye-law's name, year and articles. */
export function finishedTemplate(id: TemplateId, tenant = 'GM0363', municipality = 'Amsterdam'): RuleSet {
  const ruleSet = loadTemplate(id, { tenant, effectiveFrom: '2026-02-01' });
  if (ruleSet.parameters?.gemeentecode) ruleSet.parameters.gemeentecode.value = tenant;
  for (const rule of ruleSet.rules) {
    rule.legalBasis = rule.legalBasis
      .replace('{{gemeente}}', municipality)
      .replace('{{jaar}}', '2026')
      .replace(/\{\{(artikel[a-z-]*)\}\}/, (_m, name: string) => ARTICLES[name] ?? '1.1');
  }
  return ruleSet;
}
