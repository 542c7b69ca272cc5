import type { Language } from '../../../../rules';

// The test panel's own words for what issue 11 added (fact errors, onvolledig, the decision
// sentence); kept here so the panel does not wait on the shared i18n files.
const TEXTS = {
  nl: {
    factErrors: 'Deze gegevens kloppen niet; de regels zijn niet uitgevoerd:',
    incomplete: 'Onvolledig: er kan nog niet worden beslist. Deze gegevens ontbreken:',
    decision: 'Besluit',
    noOutcome: (label: string) => `Geen enkele regel is van toepassing: ${label}.`,
  },
  en: {
    factErrors: 'These facts are not right; the rules were not run:',
    incomplete: 'Incomplete: no decision can be taken yet. These facts are missing:',
    decision: 'Decision',
    noOutcome: (label: string) => `No rule applies: ${label}.`,
  },
} satisfies Record<Language, unknown>;

export function testTexts(lang: Language) {
  return TEXTS[lang];
}
