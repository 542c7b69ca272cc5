import { RulesError } from '../rules-error';
import type { RuleSetKind } from '../rule-set-kinds';
import type { FactCatalog } from './fact-catalog';
import { housingPriorityCatalog } from './housing-priority-catalog';
import { inburgeringPipCatalog } from './inburgering-pip-catalog';
import { urgencySchemeCatalog } from './urgency-scheme-catalog';

/** One catalog per kind: adding a kind to RULE_SET_KINDS without a catalog fails to compile. */
export const factCatalogs: Readonly<Record<RuleSetKind, FactCatalog>> = {
  'housing-priority': housingPriorityCatalog,
  'urgency-scheme': urgencySchemeCatalog,
  'inburgering-pip': inburgeringPipCatalog,
};

export function factCatalogFor(kind: string): FactCatalog {
  if (!Object.prototype.hasOwnProperty.call(factCatalogs, kind)) {
    throw new RulesError(
      'unknown-kind',
      {
        nl: `Er is geen feitencatalogus voor soort regelset '${kind}'.`,
        en: `There is no fact catalog for rule-set kind '${kind}'.`,
      },
      '/kind',
    );
  }
  return factCatalogs[kind as RuleSetKind];
}
