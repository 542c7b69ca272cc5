import { housingPriorityCatalog } from './housing-priority-catalog';
import type { FactCatalog } from './fact-catalog';

// Source: domain.md "What priority rules look like" (VNG model bye-law, Huisvestingswet 2014 art. 12):
// the municipality's urgency scheme for every urgent group. It reads the same facts as the
// status holders' housing priority (one vocabulary, one form), but it is a rule set of its own, so
// an urgency application is never judged by the status-holder rule and the status holders' process
// is never asked for income or ties with the region it does not collect.

export const urgencySchemeCatalog: FactCatalog = {
  kind: 'urgency-scheme',
  label: { nl: 'Urgentieregeling', en: 'Urgency scheme' },
  topic: { nl: 'urgentie', en: 'urgency' },
  outcomes: {
    priority: {
      label: { nl: 'urgentie', en: 'urgency' },
      decision: {
        nl: 'U krijgt urgentie: voorrang voor een woning die past bij uw zoekprofiel.',
        en: 'You are granted urgency: priority for a home that fits your search profile.',
      },
    },
    'not-eligible': {
      label: { nl: 'komt niet in aanmerking', en: 'not eligible' },
      decision: {
        nl: 'U komt niet in aanmerking voor urgentie.',
        en: 'You are not eligible for urgency.',
      },
    },
  },
  noOutcome: {
    label: { nl: 'geen urgentie', en: 'no urgency' },
    decision: {
      nl: 'U krijgt geen urgentie, omdat u niet tot een van de urgentiecategorieën behoort.',
      en: 'You are not granted urgency, because you do not belong to any urgency category.',
    },
  },
  facts: housingPriorityCatalog.facts,
};
