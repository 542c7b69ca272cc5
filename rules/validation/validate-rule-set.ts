import type { Condition } from '../condition-schema';
import { catalogOf } from '../facts/catalog-of';
import { pointer } from '../json-pointer';
import { RuleSetSchema, type Parameter, type RuleSet } from '../rule-set-schema';
import type { RulesIssue } from '../rules-error';
import { hasPlaceholder } from '../publishing/find-placeholders';
import { checkCondition, checkParameterUnits, checkRoot } from './check-conditions';
import { dateOutOfRange } from '../date-bounds';
import { checkDerivations } from './check-derivations';
import { checkFacts } from './check-facts';
import { checkLabels } from './check-labels';
import { limitIssues } from './check-limits';
import { contradictoryFacts } from './never-fires';
import { referenceCycles } from './reference-cycles';
import { schemaIssues, schemaValidator } from './schema-validator';

export interface ValidationResult {
  valid: boolean;
  errors: RulesIssue[];
  /** Allowed but worth a look: a truncated priority, a legal basis still holding a template placeholder. */
  warnings: RulesIssue[];
}

let validateSchema: ReturnType<typeof schemaValidator<RuleSet>> | undefined;

function parameterTypeFits(parameter: Parameter): boolean {
  const v = parameter.value;
  switch (parameter.type) {
    case 'number':
      return typeof v === 'number';
    case 'integer':
      return Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    case 'string-list':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'number-list':
      return Array.isArray(v) && v.every((x) => typeof x === 'number');
  }
}

function semanticIssues(ruleSet: RuleSet, errors: RulesIssue[], warnings: RulesIssue[]): void {
  // The kind's catalog extended by the rule set's own facts: conditions on them are checked alike.
  const catalog = catalogOf(ruleSet);
  checkFacts(ruleSet, errors);
  checkDerivations(ruleSet, catalog, errors);
  for (const [name, parameter] of Object.entries(ruleSet.parameters ?? {})) {
    if (parameter.type === 'date') {
      const outside = dateOutOfRange(parameter.value, pointer('parameters', name, 'value'), {
        nl: `Parameter '${parameter.label.nl}'`,
        en: `Parameter '${parameter.label.en}'`,
      });
      if (outside) errors.push(outside);
    }
    if (!parameterTypeFits(parameter)) {
      errors.push({
        code: 'parameter-type-mismatch',
        path: pointer('parameters', name, 'value'),
        message: {
          nl: `De waarde van parameter '${name}' is geen ${parameter.type}.`,
          en: `The value of parameter '${name}' is not a ${parameter.type}.`,
        },
      });
    }
  }
  checkParameterUnits(ruleSet, errors);
  checkLabels(ruleSet, errors, warnings);
  for (const [name, condition] of Object.entries(ruleSet.namedConditions ?? {})) {
    const path = pointer('namedConditions', name);
    if (checkRoot(condition, path, errors)) checkCondition(condition, path, ruleSet, catalog, errors);
  }
  errors.push(...referenceCycles(ruleSet));
  for (const [key, what] of [
    ['effectiveFrom', { nl: 'De begindatum', en: 'The start date' }],
    ['effectiveUntil', { nl: 'De einddatum', en: 'The end date' }],
  ] as const) {
    const outside = dateOutOfRange(ruleSet[key], `/${key}`, what);
    if (outside) errors.push(outside);
  }
  if (ruleSet.effectiveUntil !== undefined && ruleSet.effectiveUntil < ruleSet.effectiveFrom) {
    errors.push({
      code: 'invalid-period',
      path: '/effectiveUntil',
      message: {
        nl: 'De einddatum ligt vóór de begindatum.',
        en: 'The end date lies before the start date.',
      },
    });
  }
  const names = new Map<string, number>();
  ruleSet.rules.forEach((rule, i) => {
    const path = pointer('rules', i);
    const first = names.get(rule.name);
    if (first !== undefined) {
      errors.push({
        code: 'duplicate-rule-name',
        path: path + '/name',
        message: {
          nl: `Regelnaam '${rule.name}' komt al voor bij regel ${first + 1}.`,
          en: `Rule name '${rule.name}' is already used by rule ${first + 1}.`,
        },
      });
    } else names.set(rule.name, i);
    const priority = rule.priority;
    if (priority !== undefined && priority > 0 && priority < 1) {
      errors.push({
        code: 'invalid-priority',
        path: path + '/priority',
        message: {
          nl: 'Een prioriteit tussen 0 en 1 wordt 0, en dat is niet toegestaan.',
          en: 'A priority between 0 and 1 truncates to 0, which is not allowed.',
        },
      });
    } else if (priority !== undefined && !Number.isInteger(priority)) {
      warnings.push({
        code: 'priority-truncated',
        path: path + '/priority',
        message: {
          nl: `Prioriteit ${priority} wordt afgerond naar ${Math.trunc(priority)}.`,
          en: `Priority ${priority} is truncated to ${Math.trunc(priority)}.`,
        },
      });
    }
    if (hasPlaceholder(rule.legalBasis)) {
      warnings.push({
        code: 'legal-basis-placeholder',
        path: path + '/legalBasis',
        message: {
          nl: 'De juridische grondslag bevat nog een invulveld uit het sjabloon.',
          en: 'The legal basis still holds a template placeholder.',
        },
      });
    }
    const before = errors.length;
    const root = rule.conditions as Condition;
    if (checkRoot(root, path + '/conditions', errors))
      checkCondition(root, path + '/conditions', ruleSet, catalog, errors);
    if (errors.length > before) return;
    const facts = contradictoryFacts(root, ruleSet, catalog);
    if (facts.length > 0) {
      const nl = facts.map((f) => `'${catalog.facts[f]?.label.nl ?? f}'`).join(', ');
      const en = facts.map((f) => `'${catalog.facts[f]?.label.en ?? f}'`).join(', ');
      errors.push({
        code: 'rule-never-fires',
        path: path + '/conditions',
        message: {
          nl: `Deze regel kan nooit van toepassing zijn: de voorwaarden op ${nl} spreken elkaar tegen.`,
          en: `This rule can never fire: the conditions on ${en} contradict each other.`,
        },
      });
    }
  });
}

/** Checks a rule set as a designer would want it checked: the schema first, then facts, operators, values and logic. */
export function validateRuleSet(input: unknown): ValidationResult {
  // Before ajv and every recursive check: past the limits, nothing else looks at the input.
  const limits = limitIssues(input);
  if (limits.length > 0) return { valid: false, errors: limits, warnings: [] };
  validateSchema ??= schemaValidator<RuleSet>(RuleSetSchema);
  if (!validateSchema(input)) {
    return { valid: false, errors: schemaIssues(validateSchema.errors), warnings: [] };
  }
  const errors: RulesIssue[] = [];
  const warnings: RulesIssue[] = [];
  semanticIssues(input, errors, warnings);
  return { valid: errors.length === 0, errors, warnings };
}
