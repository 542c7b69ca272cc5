import { RULE_SET_KINDS, factCatalogs, type RuleSetKind } from '../../../../rules';
import type { Lang } from '../../i18n/i18n';
import { pickText } from '../../i18n/localized-text';

/** Whether `kind` is a registered rule-set kind (rules/rule-set-kinds.ts). */
export function isRuleSetKind(kind: string): kind is RuleSetKind {
  return (RULE_SET_KINDS as readonly string[]).includes(kind);
}

/**
 * The name a designer reads for a rule-set kind: the label of its fact catalog, never its id. A kind
 * that is not registered is named as unknown, with its id, so it is seen and not silently replaced.
 */
export function ruleSetKindLabel(kind: string, lang: Lang): string {
  if (isRuleSetKind(kind)) return pickText(factCatalogs[kind].label, lang, kind);
  return lang === 'en' ? `Unknown rule set (${kind})` : `Onbekende regelset (${kind})`;
}

/** The registered kinds as select options: the stored value is the id, the option shows the label. */
export function ruleSetKindOptions(lang: Lang, current?: string): Array<{ value: string; label: string }> {
  const kinds: string[] = [...RULE_SET_KINDS];
  if (current !== undefined && !isRuleSetKind(current)) kinds.unshift(current);
  return kinds.map((value) => ({ value, label: ruleSetKindLabel(value, lang) }));
}
