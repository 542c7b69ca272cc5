import { pointer } from '../json-pointer';
import type { RuleSet } from '../rule-set-schema';
import type { RulesIssue } from '../rules-error';

const has = (o: object | undefined, key: string): boolean =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, key);

/** A label for a condition that does not exist is a typo (an error); a label for an outcome no rule gives is worth a look. */
export function checkLabels(ruleSet: RuleSet, errors: RulesIssue[], warnings: RulesIssue[]): void {
  for (const name of Object.keys(ruleSet.conditionLabels ?? {})) {
    if (!has(ruleSet.namedConditions, name)) {
      errors.push({
        code: 'unknown-condition-label',
        path: pointer('conditionLabels', name),
        message: {
          nl: `Er is geen voorwaarde '${name}' om dit label bij te zetten.`,
          en: `There is no condition '${name}' to label.`,
        },
      });
    }
  }
  const types = new Set(ruleSet.rules.map((r) => r.event.type));
  for (const type of Object.keys(ruleSet.outcomes ?? {})) {
    if (!types.has(type)) {
      warnings.push({
        code: 'unused-outcome-label',
        path: pointer('outcomes', type),
        message: {
          nl: `Geen regel heeft uitkomst '${type}'.`,
          en: `No rule has outcome '${type}'.`,
        },
      });
    }
  }
}
