import type { i18n as I18n } from 'i18next';

/** The monitor's words, Dutch first. Namespace `monitor`, so keys never collide with the shell's. */
export const monitorNl = {
  nav: { label: 'Monitor', dashboard: 'Overzicht', cases: 'Zaken', quota: 'Taakstelling instellen', alerts: 'Meldingen' },
  live: { on: 'Live: wijzigingen verschijnen vanzelf', off: 'Live-verbinding verbroken; opnieuw verbinden…', updated: 'Bijgewerkt {{time}}' },
  dashboard: {
    title: 'Monitor', intro: 'Wie heeft deze week actie nodig, en liggen we op koers voor de taakstelling?',
    deadlines: 'Termijnen', overdue: 'Verlopen', next7: 'Binnen 7 dagen', next30: 'Binnen 30 dagen', showOverdue: 'Toon verlopen zaken',
    processes: 'Lopende zaken per proces en stap', running: 'lopend', completed: 'afgerond', step: 'Stap', count: 'Aantal',
    hotel: 'Hotelverblijf nareizigers per maand van verblijf', hotelNote: 'COA betaalt {{months}} maanden; maand {{late}} en later valt erbuiten.',
    month: 'Maand {{month}}', monthLate: 'Na {{months}} mnd', month5: 'In maand 5', month6: 'In maand 6',
    har: 'HAR-plaatsingen die aflopen', harEnding: '{{count}} van {{running}} lopen binnen {{days}} dagen af', endsAt: 'Einde termijn',
    quota: 'Taakstelling', current: 'Huidig halfjaar {{hy}}', previous: 'Vorig halfjaar {{hy}}', target: 'Taakstelling', realised: 'Gerealiseerd',
    backlog: 'Achterstand', surplus: 'Voorsprong', effective: 'Opgave (incl. achterstand)', remaining: 'Nog te huisvesten', noTarget: 'Geen taakstelling ingevoerd',
    municipality: 'Gemeente', carriedComputed: 'berekend uit vorig halfjaar', carriedEntered: 'ingevoerd',
    weeks: 'Weken van koppeling tot woning', weeksNote: '{{cases}} afgeronde zaken; gemiddeld {{avg}} weken; {{within}} binnen de norm van {{norm}} weken.',
    weeksNone: 'Nog geen afgeronde huisvestingszaken.', weeksAxis: 'Weken', cases: 'Zaken', norm: 'Norm {{norm}} wk',
    chartTable: 'Gegevens van de grafiek',
  },
  list: {
    title: 'Zaken', filters: 'Filters', process: 'Proces', step: 'Stap', status: 'Status', outcome: 'Uitkomst', any: 'Alle',
    deadline: 'Volgende termijn', window: 'Termijn binnen', window7: '7 dagen', window30: '30 dagen', overdue: 'Alleen verlopen termijnen',
    apply: 'Toepassen', reset: 'Wissen', columns: 'Kolommen', export: 'Exporteer CSV', next: 'Volgende pagina', first: 'Eerste pagina',
    page: 'Pagina {{page}}', empty: 'Geen zaken gevonden.', sortBy: 'Sorteer op {{column}}', sortNote: 'Sorteren geldt voor de geladen pagina.',
    saved: 'Opgeslagen filters', saveAs: 'Naam voor dit filter', save: 'Filter opslaan', remove: 'Verwijder', use: 'Gebruik',
    col: { caseRef: 'Referentie', processId: 'Proces', step: 'Stap', status: 'Status', nextDeadline: 'Volgende termijn', startedAt: 'Gestart', outcome: 'Uitkomst', caseId: 'Zaak-id' },
  },
  status: { running: 'Loopt', completed: 'Afgerond', cancelled: 'Geannuleerd', terminated: 'Beëindigd', failed: 'Mislukt', timed_out: 'Verlopen', continued_as_new: 'Voortgezet' },
  case: {
    back: 'Terug naar de zaken', graph: 'Procesverloop', graphNote: 'Huidige stap gemarkeerd, afgelegde weg in het blauw.', current: 'huidige stap',
    facts: 'Gegevens', process: 'Proces', version: 'versie {{v}}', step: 'Huidige stap', status: 'Status', outcome: 'Uitkomst', dates: 'Datums',
    deadlines: 'Termijnen', deadlineKind: { reminder: 'Herinnering', timeout: 'Termijn', case: 'Zaaktermijn' },
    deadlineStatus: { pending: 'open', done: 'verstuurd', cancelled: 'vervallen', met: 'gehaald', missed: 'niet gehaald' },
    timeline: 'Tijdlijn', decisions: 'Besluiten', ruleSet: 'Regelset {{id}} versie {{v}}, peildatum {{peildatum}}', branch: 'Uitkomst: {{branch}}',
    actions: 'Acties', noActions: 'Alleen toezichthouders kunnen deze zaak bewegen.', closed: 'De zaak is beëindigd.',
    sendEvent: 'Gebeurtenis doorgeven', event: 'Gebeurtenis', send: 'Doorgeven', sent: 'Gebeurtenis verwerkt.',
    cancel: 'Zaak annuleren', reason: 'Reden (verplicht, komt in de audit trail)', confirmCancel: 'Annuleer zaak', cancelled: 'Zaak geannuleerd.',
    required: 'verplicht', children: 'Deelzaken', parent: 'Hoofdzaak', loadFailed: 'De zaak kon niet worden geladen: {{message}}',
  },
  quota: {
    title: 'Taakstelling instellen', intro: 'Voer per halfjaar de taakstelling in (het aandeel naar inwonertal) en eventueel de achterstand of voorsprong uit eerdere halfjaren. Laat die leeg om ze uit het vorige halfjaar te laten berekenen.',
    municipality: 'Gemeente (CBS-code)', halfYear: 'Halfjaar', target: 'Taakstelling', backlog: 'Achterstand', surplus: 'Voorsprong', reason: 'Reden',
    save: 'Opslaan', saved: 'Opgeslagen.', import: 'Importeer CSV', csv: 'CSV (gemeente;halfjaar;taakstelling;achterstand;voorsprong)', imported: '{{count}} regels geïmporteerd.',
    existing: 'Ingevoerde taakstellingen', source: 'Bron', updated: 'Gewijzigd', onlyAdmins: 'Alleen beheerders kunnen de taakstelling instellen.',
  },
  alerts: {
    title: 'Meldingen: termijnoverzicht', intro: 'Stuur het team op vaste momenten een overzicht van de termijnen die de komende dagen verlopen: alleen verwijzingen naar zaken, nooit zaakgegevens.',
    onlyAdmins: 'Alleen beheerders kunnen meldingen instellen. Vraag een beheerder van uw gemeente.',
    settings: 'Instellingen', enabled: 'Aan: volgens schema versturen', daysAhead: 'Dagen vooruit', time: 'Tijdstip (Nederlandse tijd)',
    days: 'Weekdagen', daysHelp: 'Geen dag gekozen: elke dag.', channel: 'Kanaal', webhook: 'Webhook', email: 'E-mail',
    url: 'Webhook-URL', urlHelp: 'https, of http naar localhost. Elke melding is ondertekend (Doorstroom-Signature).', to: 'E-mailadres (postbus van de gemeente)',
    reason: 'Reden (audit trail)', save: 'Opslaan', saved: 'Opgeslagen.', notConfigured: 'Nog geen termijnoverzicht ingesteld.',
    secret: 'Ondertekeningssleutel', secretOnce: 'Bewaar deze sleutel nu: hij wordt maar één keer getoond.', rotate: 'Nieuwe sleutel maken', rotated: 'Nieuwe sleutel gemaakt; de oude werkt niet meer.',
    sendNow: 'Nu versturen', sending: 'Bezig met versturen…', sentNow: 'Termijnoverzicht verstuurd: {{cases}} zaken, {{deadlines}} termijnen.',
    sendPending: 'Versturen loopt nog; het logboek toont de uitkomst.', sendFailed: 'Versturen mislukt: {{error}}',
    log: 'Verstuurde overzichten', logEmpty: 'Nog niets verstuurd.', when: 'Moment', trigger: 'Aanleiding', target: 'Bestemming', statusCol: 'Status',
    counts: 'Zaken / termijnen', attempts: 'Pogingen', errorCol: 'Fout', refresh: 'Vernieuwen',
    triggers: { schedule: 'schema', manual: 'handmatig' }, statuses: { pending: 'bezig', sent: 'verstuurd', failed: 'mislukt', skipped: 'overgeslagen' },
    weekdays: { MONDAY: 'maandag', TUESDAY: 'dinsdag', WEDNESDAY: 'woensdag', THURSDAY: 'donderdag', FRIDAY: 'vrijdag', SATURDAY: 'zaterdag', SUNDAY: 'zondag' },
  },
  error: 'Er ging iets mis: {{message}}', loading: 'Laden…', yes: 'ja', no: 'nee',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const monitorEn: Shape<typeof monitorNl> = {
  nav: { label: 'Monitor', dashboard: 'Overview', cases: 'Cases', quota: 'Set up taakstelling', alerts: 'Alerts' },
  live: { on: 'Live: changes appear by themselves', off: 'Live connection lost; reconnecting…', updated: 'Updated {{time}}' },
  dashboard: {
    title: 'Monitor', intro: 'Who needs action this week, and are we on track for the taakstelling?',
    deadlines: 'Deadlines', overdue: 'Overdue', next7: 'Within 7 days', next30: 'Within 30 days', showOverdue: 'Show overdue cases',
    processes: 'Running cases per process and step', running: 'running', completed: 'completed', step: 'Step', count: 'Count',
    hotel: 'Family reunifiers in hotels by month of stay', hotelNote: 'COA pays {{months}} months; month {{late}} and later fall outside.',
    month: 'Month {{month}}', monthLate: 'After {{months}} mo', month5: 'In month 5', month6: 'In month 6',
    har: 'HAR placements ending', harEnding: '{{count}} of {{running}} end within {{days}} days', endsAt: 'End of term',
    quota: 'Taakstelling', current: 'Current half-year {{hy}}', previous: 'Previous half-year {{hy}}', target: 'Target', realised: 'Realised',
    backlog: 'Backlog', surplus: 'Surplus', effective: 'Target incl. backlog', remaining: 'Still to house', noTarget: 'No target entered',
    municipality: 'Municipality', carriedComputed: 'computed from the previous half-year', carriedEntered: 'entered',
    weeks: 'Weeks from koppeling to home', weeksNote: '{{cases}} completed cases; on average {{avg}} weeks; {{within}} within the {{norm}}-week norm.',
    weeksNone: 'No completed housing cases yet.', weeksAxis: 'Weeks', cases: 'Cases', norm: 'Norm {{norm}} wk',
    chartTable: 'Chart data',
  },
  list: {
    title: 'Cases', filters: 'Filters', process: 'Process', step: 'Step', status: 'Status', outcome: 'Outcome', any: 'All',
    deadline: 'Next deadline', window: 'Deadline within', window7: '7 days', window30: '30 days', overdue: 'Overdue deadlines only',
    apply: 'Apply', reset: 'Clear', columns: 'Columns', export: 'Export CSV', next: 'Next page', first: 'First page',
    page: 'Page {{page}}', empty: 'No cases found.', sortBy: 'Sort by {{column}}', sortNote: 'Sorting applies to the loaded page.',
    saved: 'Saved filters', saveAs: 'Name for this filter', save: 'Save filter', remove: 'Remove', use: 'Use',
    col: { caseRef: 'Reference', processId: 'Process', step: 'Step', status: 'Status', nextDeadline: 'Next deadline', startedAt: 'Started', outcome: 'Outcome', caseId: 'Case id' },
  },
  status: { running: 'Running', completed: 'Completed', cancelled: 'Cancelled', terminated: 'Terminated', failed: 'Failed', timed_out: 'Timed out', continued_as_new: 'Continued' },
  case: {
    back: 'Back to the cases', graph: 'Process', graphNote: 'Current step highlighted, path taken in blue.', current: 'current step',
    facts: 'Facts', process: 'Process', version: 'version {{v}}', step: 'Current step', status: 'Status', outcome: 'Outcome', dates: 'Dates',
    deadlines: 'Deadlines', deadlineKind: { reminder: 'Reminder', timeout: 'Term', case: 'Case deadline' },
    deadlineStatus: { pending: 'pending', done: 'sent', cancelled: 'lapsed', met: 'met', missed: 'missed' },
    timeline: 'Timeline', decisions: 'Decisions', ruleSet: 'Rule set {{id}} version {{v}}, peildatum {{peildatum}}', branch: 'Outcome: {{branch}}',
    actions: 'Actions', noActions: 'Only supervisors can move this case.', closed: 'The case has ended.',
    sendEvent: 'Report an event', event: 'Event', send: 'Send', sent: 'Event accepted.',
    cancel: 'Cancel the case', reason: 'Reason (required, kept in the audit trail)', confirmCancel: 'Cancel case', cancelled: 'Case cancelled.',
    required: 'required', children: 'Subcases', parent: 'Parent case', loadFailed: 'The case could not be loaded: {{message}}',
  },
  quota: {
    title: 'Set up taakstelling', intro: "Enter each half-year's target (the population share) and any backlog or surplus from earlier half-years. Leave those empty to carry over the previous half-year's result.",
    municipality: 'Municipality (CBS code)', halfYear: 'Half-year', target: 'Target', backlog: 'Backlog', surplus: 'Surplus', reason: 'Reason',
    save: 'Save', saved: 'Saved.', import: 'Import CSV', csv: 'CSV (gemeente;halfjaar;taakstelling;achterstand;voorsprong)', imported: '{{count}} lines imported.',
    existing: 'Entered targets', source: 'Source', updated: 'Changed', onlyAdmins: 'Only administrators can set up the taakstelling.',
  },
  alerts: {
    title: 'Alerts: deadline digest', intro: 'Send the team, at set times, an overview of the deadlines passing in the coming days: references to cases only, never case data.',
    onlyAdmins: 'Only administrators can set up alerts. Ask an administrator of your municipality.',
    settings: 'Settings', enabled: 'On: send on schedule', daysAhead: 'Days ahead', time: 'Time (Dutch time)',
    days: 'Weekdays', daysHelp: 'No day chosen: every day.', channel: 'Channel', webhook: 'Webhook', email: 'E-mail',
    url: 'Webhook URL', urlHelp: 'https, or http to localhost. Every message is signed (Doorstroom-Signature).', to: "E-mail address (the municipality's mailbox)",
    reason: 'Reason (audit trail)', save: 'Save', saved: 'Saved.', notConfigured: 'No deadline digest set up yet.',
    secret: 'Signing secret', secretOnce: 'Keep this secret now: it is shown only once.', rotate: 'Make a new secret', rotated: 'New secret made; the old one no longer works.',
    sendNow: 'Send now', sending: 'Sending…', sentNow: 'Deadline digest sent: {{cases}} cases, {{deadlines}} deadlines.',
    sendPending: 'Still sending; the log will show the outcome.', sendFailed: 'Sending failed: {{error}}',
    log: 'Digests sent', logEmpty: 'Nothing sent yet.', when: 'When', trigger: 'Trigger', target: 'Destination', statusCol: 'Status',
    counts: 'Cases / deadlines', attempts: 'Attempts', errorCol: 'Error', refresh: 'Refresh',
    triggers: { schedule: 'schedule', manual: 'manual' }, statuses: { pending: 'in progress', sent: 'sent', failed: 'failed', skipped: 'skipped' },
    weekdays: { MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday' },
  },
  error: 'Something went wrong: {{message}}', loading: 'Loading…', yes: 'yes', no: 'no',
};

export const MONITOR_NS = 'monitor';
export const monitorResources = { nl: { [MONITOR_NS]: monitorNl }, en: { [MONITOR_NS]: monitorEn } };

/** Adds the monitor's namespace to an i18next instance (idempotent). */
export function registerMonitorTranslations(i18n: I18n): void {
  if (!i18n.hasResourceBundle('nl', MONITOR_NS)) i18n.addResourceBundle('nl', MONITOR_NS, monitorNl, true, true);
  if (!i18n.hasResourceBundle('en', MONITOR_NS)) i18n.addResourceBundle('en', MONITOR_NS, monitorEn, true, true);
}
