import { isParameterReference, type Condition, type FactCondition } from '../condition-schema';
import type { FactCatalog } from '../facts/fact-catalog';
import { unitSpec } from '../facts/units';
import { childPointer } from '../json-pointer';
import { operatorSpec } from '../operators/operators';
import type { RuleSet } from '../rule-set-schema';
import type { RulesIssue } from '../rules-error';
import { valueProblem } from './check-value';

// Hoisted: a global lookup per call is slow where code runs in a vm context (Jest), and costs nothing to avoid.
const has = (o: object, key: string) => Object.hasOwn(o, key);

function checkFactCondition(
  c: FactCondition,
  path: string,
  ruleSet: RuleSet,
  catalog: FactCatalog,
  issues: RulesIssue[],
): void {
  const fact = has(catalog.facts, c.fact) ? catalog.facts[c.fact] : undefined;
  if (!fact) {
    issues.push({
      code: 'unknown-fact',
      path: path + '/fact',
      message: {
        nl: `Feit '${c.fact}' staat niet in de feitencatalogus van '${catalog.kind}'.`,
        en: `Fact '${c.fact}' is not in the '${catalog.kind}' fact catalog.`,
      },
    });
    return;
  }
  const spec = operatorSpec(c.operator);
  if (!spec) {
    issues.push({
      code: 'unknown-operator',
      path: path + '/operator',
      message: { nl: `Operator '${c.operator}' bestaat niet.`, en: `Operator '${c.operator}' does not exist.` },
    });
    return;
  }
  if (!spec.factTypes.includes(fact.type)) {
    issues.push({
      code: 'operator-not-allowed',
      path: path + '/operator',
      message: {
        nl: `Operator '${c.operator}' past niet bij '${fact.label.nl}' (${fact.type}).`,
        en: `Operator '${c.operator}' does not fit '${fact.label.en}' (${fact.type}).`,
      },
    });
    return;
  }
  let value: unknown = c.value;
  let valuePath = path + '/value';
  if (isParameterReference(c.value)) {
    const name = c.value.param;
    const parameter = ruleSet.parameters && has(ruleSet.parameters, name) ? ruleSet.parameters[name] : undefined;
    if (!parameter) {
      issues.push({
        code: 'unknown-parameter',
        path: path + '/value/param',
        message: { nl: `Parameter '${name}' bestaat niet.`, en: `Parameter '${name}' does not exist.` },
      });
      return;
    }
    // Units only bite through parameters: a literal has no unit, a parameter declares one.
    if (
      fact.unit !== undefined &&
      parameter.unit !== undefined &&
      parameter.unit !== fact.unit &&
      spec.value !== 'days'
    ) {
      issues.push({
        code: 'unit-mismatch',
        path: path + '/value/param',
        message: {
          nl: `Parameter '${name}' is in ${parameter.unit}, maar '${fact.label.nl}' is in ${fact.unit}.`,
          en: `Parameter '${name}' is in ${parameter.unit}, but '${fact.label.en}' is in ${fact.unit}.`,
        },
      });
      return;
    }
    value = parameter.value;
    valuePath = path + '/value/param';
  }
  const problem = valueProblem(fact, spec.value, value);
  if (problem) issues.push({ code: problem.code, path: valuePath, message: problem.message });
}

/** Walks one condition tree: facts, operators, values, parameters and references. */
export function checkCondition(
  c: Condition,
  path: string,
  ruleSet: RuleSet,
  catalog: FactCatalog,
  issues: RulesIssue[],
): void {
  if (has(c, 'condition')) {
    const name = (c as { condition: string }).condition;
    if (!ruleSet.namedConditions || !has(ruleSet.namedConditions, name)) {
      issues.push({
        code: 'unknown-condition-reference',
        path: path + '/condition',
        message: {
          nl: `Er is geen voorwaarde met de naam '${name}'.`,
          en: `There is no condition named '${name}'.`,
        },
      });
    }
    return;
  }
  for (const kind of ['any', 'all'] as const) {
    if (has(c, kind)) {
      (c as Record<typeof kind, Condition[]>)[kind].forEach((child, i) =>
        checkCondition(child, childPointer(path, kind, i), ruleSet, catalog, issues),
      );
      return;
    }
  }
  if (has(c, 'not')) {
    checkCondition((c as { not: Condition }).not, path + '/not', ruleSet, catalog, issues);
    return;
  }
  checkFactCondition(c as FactCondition, path, ruleSet, catalog, issues);
}

export function checkRoot(c: Condition, path: string, issues: RulesIssue[]): boolean {
  if (has(c, 'fact')) {
    issues.push({
      code: 'root-not-group',
      path,
      message: {
        nl: 'De voorwaarden van een regel beginnen met all, any, not of een verwijzing.',
        en: 'Rule conditions must start with all, any, not or a condition reference.',
      },
    });
    return false;
  }
  return true;
}

export function checkParameterUnits(ruleSet: RuleSet, issues: RulesIssue[]): void {
  for (const [name, parameter] of Object.entries(ruleSet.parameters ?? {})) {
    if (parameter.unit !== undefined && !unitSpec(parameter.unit)) {
      issues.push({
        code: 'unknown-unit',
        path: childPointer('', 'parameters', name, 'unit'),
        message: {
          nl: `Eenheid '${parameter.unit}' is onbekend.`,
          en: `Unit '${parameter.unit}' is unknown.`,
        },
      });
    }
  }
}
