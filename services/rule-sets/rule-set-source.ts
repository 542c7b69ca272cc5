import { loadTemplate, type RuleSet } from '../../rules';

/** Where a tenant's rule sets come from (later: the store's published versions). */
export interface RuleSetSource {
  /** Every published (and retired) version of the tenant's rule sets of this kind. */
  published(tenant: string, kind: string): Promise<RuleSet[]>;
}

// Before the store is wired, each municipality starts from the template a designer also starts from.
const TEMPLATE_EFFECTIVE_FROM = '2000-01-01';

/**
 * The default source: the rules core's "status holders get priority" template as version 1 of
 * every tenant's housing-priority rule set, and its VNG-model urgency scheme as version 1 of every
 * tenant's urgency-scheme rule set, each with the tenant's own municipality code filled in.
 */
export const templateRuleSetSource: RuleSetSource = {
  // A template that fails to load rejects the promise (as before), it does not throw at the caller.
  published: (tenant, kind) => Promise.resolve().then(() => templateVersions(tenant, kind)),
};

const TEMPLATE_BY_KIND = {
  'housing-priority': { template: 'status-holder-priority', id: 'statushouders-voorrang' },
  'urgency-scheme': { template: 'urgency-scheme', id: 'urgentieregeling' },
} as const;

function templateVersions(tenant: string, kind: string): RuleSet[] {
  if (kind !== 'housing-priority' && kind !== 'urgency-scheme') return [];
  const { template, id } = TEMPLATE_BY_KIND[kind];
  const ruleSet = loadTemplate(template, { tenant, id, effectiveFrom: TEMPLATE_EFFECTIVE_FROM });
  const code = ruleSet.parameters?.gemeentecode;
  if (code) code.value = tenant;
  return [{ ...ruleSet, status: 'published' }];
}
