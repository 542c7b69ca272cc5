type Words = { nl: string; en: string };
/** The transition page's words (monitor → Overgang Oekraïne), Dutch first. */
export const TRANSITION_WORDS = {
  title: { nl: 'Overgang Oekraïense ontheemden', en: 'Transition of displaced persons from Ukraine' },
  intro: {
    nl: 'Voortgang per cohort tegen de einddatum van de tijdelijke bescherming: per domein hoeveel huishoudens het geregeld hebben en hoeveel risico lopen (termijn binnen {days} dagen of verstreken).',
    en: 'Progress per cohort against the end of temporary protection: per domain how many households have it arranged and how many are at risk (term within {days} days or passed).',
  },
  end: { nl: 'Einde tijdelijke bescherming', en: 'End of temporary protection' },
  daysLeft: { nl: 'nog {n} dagen', en: '{n} days left' },
  passed: { nl: 'verstreken', en: 'passed' },
  source: { nl: 'Bron', en: 'Source' },
  cohort: { nl: '{name}, start {date}', en: '{name}, starts {date}' },
  summary: {
    nl: '{households} {hh} · {completed} afgerond · {left} vertrokken · {atRisk} met risico',
    en: '{households} {hh} · {completed} completed · {left} left · {atRisk} at risk',
  },
  domain: { nl: 'Domein', en: 'Domain' },
  done: { nl: 'Geregeld', en: 'Arranged' },
  atRisk: { nl: 'Risico', en: 'At risk' },
  overdue: { nl: 'Waarvan verstreken', en: 'Of which passed' },
  none: { nl: 'Nog geen huishoudens in deze overgang.', en: 'No households in this transition yet.' },
  truncated: {
    nl: 'Alleen de eerste {n} huishoudens zijn geteld.',
    en: 'Only the first {n} households are counted.',
  },
  importTitle: { nl: 'Lijst van GOO-bewoners importeren', en: 'Import the list of GOO residents' },
  importHelp: {
    nl: 'CSV met kopregel; kolommen referentie, cohort en huishoudgrootte (verplicht), en kinderen, opvang, zelfstandige_woonruimte, medische_urgentie, sociale_noodsituatie, jaren_binding. Geen BSN of namen: de referentie is uw eigen huishoudnummer. Opnieuw importeren start niets dubbel.',
    en: 'CSV with a header line; columns referentie, cohort and huishoudgrootte (required), and kinderen, opvang, zelfstandige_woonruimte, medische_urgentie, sociale_noodsituatie, jaren_binding. No BSN or names: the reference is your own household number. Importing again starts nothing twice.',
  },
  file: { nl: 'Bestand (CSV)', en: 'File (CSV)' },
  submit: { nl: 'Lijst importeren', en: 'Import the list' },
  imported: {
    nl: '{households} huishoudens in de lijst: {started} gestart, {existing} hadden al een zaak.',
    en: '{households} households in the list: {started} started, {existing} had a case already.',
  },
  invalid: {
    nl: 'De lijst bevat fouten; er is niets gestart. Verbeter het bestand en importeer opnieuw.',
    en: 'The list has errors; nothing was started. Correct the file and import again.',
  },
  line: { nl: 'Regel', en: 'Line' },
  column: { nl: 'Kolom', en: 'Column' },
  message: { nl: 'Melding', en: 'Message' },
} satisfies Record<string, Words>;
