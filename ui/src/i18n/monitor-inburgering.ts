/** The dashboard's inburgering waiting-list panel: its words, Dutch first. */
export const INBURGERING_WAITING_WORDS = {
  nl: {
    title: 'Wachtlijst inburgering',
    intro: (norm: string) =>
      `Wie wacht op de brede intake en wie op het PIP, per week van de koppeling. Streeftermijn voor het PIP: ${norm} na de koppeling.`,
    week: 'Week van de koppeling',
    intake: 'Wacht op brede intake',
    pip: 'Wacht op PIP',
    overdue: 'Streeftermijn PIP verstreken',
    total: 'Totaal',
    none: 'Niemand wacht op een brede intake of een PIP.',
    weekOf: (d: string) => `week van ${d}`,
    truncated: 'Niet alle zaken zijn geteld: de lijst is langer dan de grens.',
    generated: (d: string) => `Bijgewerkt ${d}`,
    error: 'De wachtlijst kon niet worden geladen.',
  },
  en: {
    title: 'Civic integration waiting list',
    intro: (norm: string) =>
      `Who waits for the broad intake and who for the PIP, per week of linking. Target term for the PIP: ${norm} after linking.`,
    week: 'Week of linking',
    intake: 'Waiting for broad intake',
    pip: 'Waiting for PIP',
    overdue: 'PIP target term passed',
    total: 'Total',
    none: 'Nobody waits for a broad intake or a PIP.',
    weekOf: (d: string) => `week of ${d}`,
    truncated: 'Not every case was counted: the list is longer than the limit.',
    generated: (d: string) => `Updated ${d}`,
    error: 'The waiting list could not be loaded.',
  },
} as const;
