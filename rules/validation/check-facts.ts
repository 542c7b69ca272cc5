import { factCatalogFor } from '../facts/fact-catalogs';
import { unitSpec } from '../facts/units';
import { pointer } from '../json-pointer';
import type { MunicipalityFact, RuleSet } from '../rule-set-schema';
import type { RulesIssue } from '../rules-error';

const NUMERIC: ReadonlySet<string> = new Set(['integer', 'number']);
const WITH_OPTIONS: ReadonlySet<string> = new Set(['enum', 'string-list']);

function checkFact(name: string, fact: MunicipalityFact, issues: RulesIssue[]): void {
  const at = (...keys: Array<string | number>) => pointer('facts', name, ...keys);
  const label = fact.label.nl;
  if (WITH_OPTIONS.has(fact.type)) {
    if (fact.type === 'enum' && !fact.options) {
      issues.push({
        code: 'missing-options',
        path: at('options'),
        message: {
          nl: `Feit '${label}' is een keuzelijst en heeft dus opties nodig (waarde en label).`,
          en: `Fact '${fact.label.en}' is a choice and needs options (value and label).`,
        },
      });
    }
    const seen = new Set<string>();
    fact.options?.forEach((option, i) => {
      if (seen.has(option.value)) {
        issues.push({
          code: 'duplicate-option',
          path: at('options', i, 'value'),
          message: {
            nl: `Optie '${option.value}' komt twee keer voor.`,
            en: `Option '${option.value}' occurs twice.`,
          },
        });
      }
      seen.add(option.value);
    });
  } else if (fact.options) {
    issues.push({
      code: 'options-not-allowed',
      path: at('options'),
      message: {
        nl: `Alleen een keuzelijst (enum) of lijst (string-list) heeft opties, '${label}' is ${fact.type}.`,
        en: `Only an enum or string-list fact has options, '${fact.label.en}' is ${fact.type}.`,
      },
    });
  }
  if (NUMERIC.has(fact.type)) {
    for (const bound of ['minimum', 'maximum'] as const) {
      const value = fact[bound];
      if (value !== undefined && fact.type === 'integer' && !Number.isInteger(value)) {
        issues.push({
          code: 'invalid-range',
          path: at(bound),
          message: {
            nl: `'${label}' is een geheel getal; de grens ${value} ook.`,
            en: `'${fact.label.en}' is a whole number; so must the bound ${value} be.`,
          },
        });
      }
    }
    if (fact.minimum !== undefined && fact.maximum !== undefined && fact.minimum > fact.maximum) {
      issues.push({
        code: 'invalid-range',
        path: at('maximum'),
        message: {
          nl: `Het maximum (${fact.maximum}) van '${label}' ligt onder het minimum (${fact.minimum}).`,
          en: `The maximum (${fact.maximum}) of '${fact.label.en}' lies below the minimum (${fact.minimum}).`,
        },
      });
    }
  } else {
    for (const key of ['minimum', 'maximum', 'unit'] as const) {
      if (fact[key] !== undefined) {
        issues.push({
          code: 'not-numeric',
          path: at(key),
          message: {
            nl: `Alleen een getal heeft een ${key === 'unit' ? 'eenheid' : key}; '${label}' is ${fact.type}.`,
            en: `Only a number has a ${key}; '${fact.label.en}' is ${fact.type}.`,
          },
        });
      }
    }
  }
  if (fact.unit !== undefined && NUMERIC.has(fact.type) && !unitSpec(fact.unit)) {
    issues.push({
      code: 'unknown-unit',
      path: at('unit'),
      message: { nl: `Eenheid '${fact.unit}' is onbekend.`, en: `Unit '${fact.unit}' is unknown.` },
    });
  }
}

/**
 * The rule set's own facts: none may take a built-in fact's name (a rule would read another fact
 * than the catalog documents, and a stored explanation another label), and each must be a
 * definition a form and an explanation can use. Linear in the facts and their options.
 */
export function checkFacts(ruleSet: RuleSet, issues: RulesIssue[]): void {
  const builtIn = factCatalogFor(ruleSet.kind).facts;
  for (const [name, fact] of Object.entries(ruleSet.facts ?? {})) {
    if (Object.hasOwn(builtIn, name)) {
      const existing = builtIn[name];
      issues.push({
        code: 'fact-redefined',
        path: pointer('facts', name),
        message: {
          nl: `'${name}' is al een feit van de catalogus ('${existing?.label.nl ?? name}'); kies een andere naam.`,
          en: `'${name}' is already a fact of the catalog ('${existing?.label.en ?? name}'); choose another name.`,
        },
      });
      continue;
    }
    checkFact(name, fact, issues);
  }
}
