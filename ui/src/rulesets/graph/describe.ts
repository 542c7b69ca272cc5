import {
  formatValue,
  isParameterReference,
  isOperatorName,
  operators,
  type FactCatalog,
  type FactCondition,
  type Language,
  type RuleSet,
} from '../../../../rules';

/** A fact condition in words, as the explanation renders it: "Leeftijd minstens 18 jaar (parameter minimumLeeftijd)". */
export function describeFactCondition(
  c: FactCondition,
  ruleSet: RuleSet,
  catalog: FactCatalog | undefined,
  lang: Language,
): { fact: string; requirement: string } {
  const fact = catalog?.facts[c.fact];
  let shown: string;
  if (isParameterReference(c.value)) {
    const param = ruleSet.parameters?.[c.value.param];
    shown = param
      ? `${formatValue(param.value, fact, lang)} (${param.label[lang] ?? c.value.param})`
      : `{${c.value.param}}`;
  } else {
    shown = formatValue(c.value, fact, lang);
  }
  const label = isOperatorName(c.operator) ? operators[c.operator].label[lang] : `${c.operator} {value}`;
  return { fact: fact?.label[lang] ?? c.fact, requirement: label.replace('{value}', shown) };
}
