import { loadTemplate } from '../../rules';
import { builtInDefinitions } from '../../workflows/definitions';
import type { ArtifactSeed } from '../versions/types';

/** Rule-set artifacts are keyed by their kind: one housing-priority rule set per municipality, versioned. */
export const HOUSING_PRIORITY_KEY = 'housing-priority';
/** The urgency scheme (processes urgentie-aanvraag and overgang-oekraine), keyed by its kind like the others. */
export const URGENCY_SCHEME_KEY = 'urgency-scheme';
/** The PIP's learning-route rule set (process inburgering), keyed by its kind like the other. */
export const INBURGERING_PIP_KEY = 'inburgering-pip';

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * What a new municipality starts with: the template "status holders get priority" (what 99% of
 * urgency schemes do; one switch turns it off) as a DRAFT, starting on the day the municipality
 * is created, with its own municipality code filled in — its bye-law's name, year and articles
 * are still `{{…}}` placeholders, so a designer finishes it and an approver publishes it before
 * it decides anything. The VNG-model urgency scheme (kind urgency-scheme, with its 2026 income
 * limits as parameters) and the PIP's learning-route template (kind inburgering-pip) are seeded the
 * same way: drafts, published only after a designer fills in the bye-law and an approver agrees. The built-in processes are published (they carry no legal texts).
 */
export function seedsFor(tenantId: string, today: string = amsterdamDate.format(new Date())): ArtifactSeed[] {
  const ruleSet = loadTemplate('status-holder-priority', {
    tenant: tenantId,
    id: HOUSING_PRIORITY_KEY,
    effectiveFrom: today,
  });
  // The template's placeholder municipality becomes this one: "linked to this municipality".
  const code = ruleSet.parameters?.gemeentecode;
  if (code) code.value = tenantId;
  // The urgency scheme likewise: its category for status holders reads the municipality code too.
  const urgency = loadTemplate('urgency-scheme', {
    tenant: tenantId,
    id: URGENCY_SCHEME_KEY,
    effectiveFrom: today,
  });
  const urgencyCode = urgency.parameters?.gemeentecode;
  if (urgencyCode) urgencyCode.value = tenantId;
  // The PIP template likewise, so no municipality has to write its own before a PIP is proposed.
  const pip = loadTemplate('inburgering-pip-leerroute', {
    tenant: tenantId,
    id: INBURGERING_PIP_KEY,
    effectiveFrom: today,
  });
  return [
    { type: 'ruleset', key: HOUSING_PRIORITY_KEY, name: ruleSet.title, content: ruleSet, status: 'draft' },
    { type: 'ruleset', key: URGENCY_SCHEME_KEY, name: urgency.title, content: urgency, status: 'draft' },
    { type: 'ruleset', key: INBURGERING_PIP_KEY, name: pip.title, content: pip, status: 'draft' },
    ...[...builtInDefinitions.values()].map((d) => ({
      type: 'definition' as const,
      key: d.id,
      name: d.title.nl,
      content: d,
    })),
  ];
}
