import type { FactCatalog } from './fact-catalog';

// Source: domain.md "Civic integration (Wi2021) — the steps": brede intake (with the learnability
// test) → PIP as a beschikking with one of three learning routes. Data minimisation (AVG): the
// rules read the intake's conclusion, never test scores, health or origin.

const ROUTE_SENTENCE = (route: string, en: string) => ({
  nl: `Wij stellen uw persoonlijk plan inburgering en participatie (PIP) vast. Uw leerroute is de ${route}.`,
  en: `We set your personal integration and participation plan (PIP). Your learning route is the ${en}.`,
});

export const inburgeringPipCatalog: FactCatalog = {
  kind: 'inburgering-pip',
  label: {
    nl: 'Persoonlijk plan inburgering en participatie (PIP)',
    en: 'Personal integration and participation plan (PIP)',
  },
  outcomes: {
    'b1-route': {
      label: { nl: 'B1-route', en: 'B1 route' },
      decision: ROUTE_SENTENCE('B1-route', 'B1 route'),
    },
    onderwijsroute: {
      label: { nl: 'onderwijsroute', en: 'education route' },
      decision: ROUTE_SENTENCE('onderwijsroute', 'education route'),
    },
    'z-route': {
      label: { nl: 'Z-route', en: 'Z route' },
      decision: ROUTE_SENTENCE('Z-route (zelfredzaamheid)', 'Z route (self-reliance)'),
    },
  },
  noOutcome: {
    label: { nl: 'nog geen leerroute', en: 'no learning route yet' },
    decision: {
      nl: 'Wij stellen nog geen leerroute vast: de brede intake wordt eerst aangevuld.',
      en: 'We do not set a learning route yet: the broad intake is completed first.',
    },
  },
  facts: {
    adviesLeerroute: {
      type: 'enum',
      label: { nl: 'Advies leerroute uit de brede intake', en: 'Learning route advised by the broad intake' },
      description: {
        nl: 'De leerroute die de brede intake (met de leerbaarheidstoets) adviseert.',
        en: 'The learning route the broad intake (with the learnability test) advises.',
      },
      source: { nl: 'Brede intake', en: 'Broad intake' },
      options: [
        { value: 'b1', label: { nl: 'B1-route', en: 'B1 route' } },
        { value: 'onderwijs', label: { nl: 'onderwijsroute', en: 'education route' } },
        { value: 'z', label: { nl: 'Z-route', en: 'Z route' } },
      ],
    },
  },
};
