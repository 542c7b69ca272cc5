import { loadTemplate } from '../../rules';
import { builtInDefinitions } from '../../workflows/definitions';
import type { ArtifactSeed } from '../versions/types';

/** Rule-set artifacts are keyed by their kind: one housing-priority rule set per municipality, versioned. */
export const HOUSING_PRIORITY_KEY = 'housing-priority';

/**
 * What a new municipality starts with, as published version 1: "status holders get priority"
 * (what 99% of urgency schemes do; one switch turns it off) and every built-in process.
 */
export function seedsFor(tenantId: string): ArtifactSeed[] {
  const ruleSet = loadTemplate('status-holder-priority', { tenant: tenantId, id: HOUSING_PRIORITY_KEY });
  // The template's placeholder municipality becomes this one: "linked to this municipality".
  const code = ruleSet.parameters?.gemeentecode;
  if (code) code.value = tenantId;
  return [
    { type: 'ruleset', key: HOUSING_PRIORITY_KEY, name: ruleSet.title, content: { ...ruleSet, status: 'published' } },
    ...[...builtInDefinitions.values()].map((d) => ({ type: 'definition' as const, key: d.id, name: d.title.nl, content: d })),
  ];
}
