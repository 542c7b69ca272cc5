import type { LocalizedText } from '../localized-text';
import type { RuleSet } from '../rule-set-schema';
import { assertValidRuleSet } from '../validation/assert-valid-rule-set';
import inburgeringPipLeerroute from './inburgering-pip-leerroute.json';
import noStatusHolderPriority from './no-status-holder-priority.json';
import statusHolderPriority from './status-holder-priority.json';
import urgencyScheme from './urgency-scheme.json';

// JSON imports, not file reads: the UI bundles templates and rules/ stays free of I/O.

export const TEMPLATE_IDS = [
  'status-holder-priority',
  'no-status-holder-priority',
  'urgency-scheme',
  'inburgering-pip-leerroute',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface Template {
  label: LocalizedText;
  document: unknown;
}

export const templates: Readonly<Record<TemplateId, Template>> = {
  'status-holder-priority': {
    label: { nl: 'Statushouders krijgen voorrang', en: 'Status holders get priority' },
    document: statusHolderPriority,
  },
  'no-status-holder-priority': {
    label: { nl: 'Geen voorrang voor statushouders', en: 'No priority for status holders' },
    document: noStatusHolderPriority,
  },
  'urgency-scheme': {
    label: { nl: 'Volledige urgentieregeling', en: 'Complete urgency scheme' },
    document: urgencyScheme,
  },
  'inburgering-pip-leerroute': {
    label: { nl: 'Leerroute in het PIP volgens de brede intake', en: 'PIP learning route as the broad intake advises' },
    document: inburgeringPipLeerroute,
  },
};

/** The tenant a template document names until it is loaded for a municipality. */
export const TEMPLATE_TENANT = 'template';
/** The municipality code templates carry in their parameters; a municipality replaces it with its own. */
export const TEMPLATE_MUNICIPALITY_CODE = 'GM0000';

export interface TemplateOverrides {
  tenant: string;
  id?: string;
  effectiveFrom?: string;
}

/** A fresh draft to start from: a deep copy, so editing it never changes the template. */
export function loadTemplate(id: TemplateId, overrides?: TemplateOverrides): RuleSet {
  const copy = JSON.parse(JSON.stringify(templates[id].document)) as Record<string, unknown>;
  if (overrides) {
    copy.tenant = overrides.tenant;
    if (overrides.id !== undefined) copy.id = overrides.id;
    if (overrides.effectiveFrom !== undefined) copy.effectiveFrom = overrides.effectiveFrom;
  }
  copy.status = 'draft';
  copy.version = 1;
  assertValidRuleSet(copy);
  return copy;
}
