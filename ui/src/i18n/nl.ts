/** Dutch, the default: every word a user reads. English (en.ts) must have the same keys. */
export const nl = {
  app: { name: 'Doorstroom', tagline: 'Regels en processen voor de asielketen', skip: 'Naar de inhoud', loading: 'Laden…', save: 'Opslaan', cancel: 'Annuleren', close: 'Sluiten', yes: 'ja', no: 'nee', error: 'Er ging iets mis: {{message}}', none: '—' },
  nav: { label: 'Hoofdmenu', rules: 'Regels', processes: 'Processen', monitor: 'Monitor', admin: 'Beheer', cases: 'Zaken' },
  lang: { label: 'Taal', nl: 'Nederlands', en: 'English', switchTo: 'English' },
  session: { signedInAs: 'Ingelogd als {{name}}', logout: 'Uitloggen', municipality: 'Gemeente' },
  roles: { admin: 'beheerder', designer: 'ontwerper', approver: 'goedkeurder', supervisor: 'toezichthouder', 'national-admin': 'landelijk beheerder' },
  login: {
    title: 'Inloggen', intro: 'Log in met de gegevens die u van de beheerder van uw gemeente hebt gekregen.',
    tenant: 'Gemeentecode', tenantHelp: 'De CBS-code van uw gemeente, bijvoorbeeld GM0363.', username: 'Gebruikersnaam', password: 'Wachtwoord',
    submit: 'Inloggen', failed: 'Inloggen is niet gelukt. Controleer de gemeentecode, gebruikersnaam en het wachtwoord.',
  },
  password: {
    title: 'Kies een nieuw wachtwoord', intro: 'U bent ingelogd met een eenmalig wachtwoord. Kies een eigen wachtwoord voordat u verdergaat.',
    current: 'Huidig (eenmalig) wachtwoord', next: 'Nieuw wachtwoord', repeat: 'Herhaal het nieuwe wachtwoord', help: 'Minstens 12 tekens.',
    submit: 'Wachtwoord opslaan', mismatch: 'De twee nieuwe wachtwoorden zijn niet gelijk.', failed: 'Het wachtwoord is niet gewijzigd: {{message}}',
  },
  monitor: { title: 'Monitor', placeholder: 'Hier komt de monitor voor toezichthouders: lopende zaken, termijnen en de taakstelling. Tot die er is, staan de zaken onder Zaken.' },
  admin: {
    title: 'Beheer', users: 'Gebruikers', username: 'Gebruikersnaam', displayName: 'Naam', roles: 'Rollen', status: 'Status',
    create: 'Gebruiker toevoegen', created: 'Gebruiker {{username}} is aangemaakt. Eenmalig wachtwoord: {{password}} — geef het veilig door; het wordt niet opnieuw getoond.',
    active: 'actief', disabled: 'uitgeschakeld', mustChange: 'moet wachtwoord kiezen', noAccess: 'Alleen beheerders kunnen gebruikers beheren.',
  },
  cases: {
    title: 'Zaken', caption: 'Lopende en afgeronde zaken', empty: 'Er zijn nog geen zaken. Start een zaak via de API (zie de README).', failed: 'Zaken konden niet worden geladen: {{message}}',
    ref: 'Zaakreferentie', process: 'Proces', step: 'Stap', status: 'Status', outcome: 'Uitkomst', started: 'Gestart',
    statuses: { running: 'Loopt', completed: 'Afgerond', terminated: 'Beëindigd', failed: 'Mislukt', cancelled: 'Geannuleerd', timed_out: 'Verlopen' },
  },
  status: { draft: 'Concept', in_review: 'Ter beoordeling', published: 'Gepubliceerd', rejected: 'Afgewezen', retired: 'Ingetrokken', scheduled: 'Gepland' },
  rulesets: {
    title: 'Regels', intro: 'De regelsets van uw gemeente, zoals de voorrangsregels bij woningtoewijzing. Kies een regelset om hem te bekijken of te wijzigen.',
    name: 'Regelset', latest: 'Laatste versie', effective: 'Geldende versie', open: 'Openen', caption: 'Regelsets', empty: 'Er zijn nog geen regelsets.',
  },
  editor: {
    version: 'Versie {{version}}', newDraft: 'Wijzigen in een nieuwe conceptversie', draftIntro: 'U bekijkt de geldende versie. Wijzigen doet u in een conceptversie; die gaat pas in na goedkeuring door een tweede persoon.',
    readOnly: 'Alleen-lezen: deze versie is {{status}}.', save: 'Concept opslaan', saved: 'Opgeslagen', unsaved: 'Niet opgeslagen wijzigingen', saving: 'Opslaan…', saveFailed: 'Opslaan mislukt: {{message}}',
    undo: 'Ongedaan maken', redo: 'Opnieuw', tabs: { edit: 'Bewerken', json: 'JSON', test: 'Testen', simulate: 'Simuleren', review: 'Versies en publiceren' },
    graphLabel: 'Regelset als schema. Kies een onderdeel om het rechts te bewerken.', valid: 'Geen fouten gevonden', errors: '{{count}} fout(en) gevonden', warnings: '{{count}} waarschuwing(en)',
    errorList: 'Fouten en waarschuwingen', goTo: 'Toon', noDraftRights: 'Alleen ontwerpers kunnen een conceptversie maken.',
  },
  switch: {
    title: 'Statushouders krijgen voorrang', on: 'Ja, statushouders krijgen voorrang', off: 'Nee, geen voorrang voor statushouders',
    help: 'Zet u dit uit, dan blijft de regel bewaard maar geeft hij geen voorrang meer.', codeWarning: 'Let op: de regel gebruikt gemeentecode {{code}}, maar uw gemeente is {{tenant}}. Pas de parameter "gemeentecode" aan.',
  },
  node: {
    ruleset: 'Regelset', rule: 'Regel', all: 'Alle voorwaarden', any: 'Minstens één voorwaarde', not: 'Niet', reference: 'Verwijzing', fact: 'Voorwaarde',
    disabled: 'uitgeschakeld', priority: 'prioriteit {{priority}}', errorsOnNode: '{{count}} fout(en)', held: 'voldaan', failed: 'niet voldaan', notEvaluated: 'niet beoordeeld', fired: 'van toepassing', notFired: 'niet van toepassing',
  },
  panel: {
    title: 'Eigenschappen', nothing: 'Kies links een regel of voorwaarde om die te bewerken.', ruleTitle: 'Titel', description: 'Omschrijving', legalBasis: 'Juridische grondslag', legalBasisHelp: 'Artikel van de huisvestingsverordening.',
    enabled: 'Regel is actief', priority: 'Prioriteit', priorityHelp: 'Hogere prioriteit wordt eerst beoordeeld.', eventType: 'Uitkomst (soort)', eventParams: 'Uitkomst (gegevens, JSON)', name: 'Technische naam',
    fact: 'Gegeven', operator: 'Vergelijking', value: 'Waarde', useParameter: 'Gebruik een parameter', parameter: 'Parameter', chooseFact: 'Kies een gegeven', chooseParameter: 'Kies een parameter',
    groupKind: 'Soort groep', addCondition: 'Voorwaarde toevoegen', addGroup: 'Groep toevoegen', addRule: 'Regel toevoegen', duplicate: 'Dupliceren', remove: 'Verwijderen', moveUp: 'Omhoog', moveDown: 'Omlaag',
    rsTitle: 'Titel van de regelset', rsDescription: 'Omschrijving van de regelset', parameters: 'Parameters', parameterValue: '{{label}}', listHelp: 'Kies een of meer waarden.', reference: 'Benoemde voorwaarde',
    invalidJson: 'Geen geldige JSON', unit: 'in {{unit}}', newRuleTitle: 'Nieuwe regel', days: 'dagen',
  },
  ops: {
    equal: 'is gelijk aan', notEqual: 'is niet gelijk aan', in: 'is een van', notIn: 'is geen van', contains: 'bevat', doesNotContain: 'bevat niet',
    lessThan: 'is minder dan', lessThanInclusive: 'is hoogstens', greaterThan: 'is meer dan', greaterThanInclusive: 'is minstens',
    dateBefore: 'ligt vóór', dateOnOrBefore: 'ligt op of vóór', dateAfter: 'ligt na', dateOnOrAfter: 'ligt op of na',
    withinDays: 'ligt hoogstens … dagen vóór de peildatum', moreThanDaysAgo: 'ligt meer dan … dagen vóór de peildatum',
  },
  json: { title: 'JSON voor gevorderden', help: 'Wijzigingen hier worden direct in het schema overgenomen zodra de JSON geldig is.', parseError: 'Geen geldige JSON: {{message}}', line: 'regel {{line}}' },
  test: {
    title: 'Testgeval', intro: 'Vul de gegevens van een aanvrager in, of kies een bewaard testgeval, en bekijk wat de regels besluiten.',
    peildatum: 'Peildatum', run: 'Test uitvoeren', saveCase: 'Testgeval bewaren', caseName: 'Naam van het testgeval', saved: 'Bewaarde testgevallen', load: 'Laden', remove: 'Verwijderen',
    result: 'Uitkomst', events: 'Uitkomsten', noEvents: 'Geen enkele regel is van toepassing: geen voorrang.', explanation: 'Toelichting', invalid: 'De regelset bevat fouten en kan niet worden getest.', unknown: 'onbekend', derived: 'berekend uit andere gegevens',
  },
  sim: {
    title: 'Simulatie', intro: 'Vergelijk het concept met de gepubliceerde versie over een groot aantal aanvragers, voordat u het ter beoordeling aanbiedt.',
    generate: 'Genereer {{formatted}} aanvragers', upload: 'Of laad een bestand met aanvragers (CSV of JSON)', run: 'Simulatie starten', running: 'Bezig: {{done}} van {{total}}', progress: 'Voortgang van de simulatie',
    cases: '{{formatted}} aanvragers', changed: '{{formatted}} aanvragers krijgen een andere uitkomst', unchanged: 'Niemand krijgt een andere uitkomst', chart: 'Uitkomsten voor en na',
    before: 'Gepubliceerd', after: 'Concept', outcome: 'Uitkomst', count: 'Aantal', table: 'Aanvragers met een andere uitkomst (eerste {{count}})', id: 'Aanvrager', noPublished: 'Er is nog geen gepubliceerde versie om mee te vergelijken.',
    none: 'geen voorrang', invalidFile: 'Het bestand kon niet worden gelezen: {{message}}', summary: 'Simulatie over {{total}} aanvragers: {{changed}} krijgen een andere uitkomst.', why: 'Waarom', show: 'Toon toelichting',
  },
  review: {
    title: 'Versies en publiceren', history: 'Versiegeschiedenis', caption: 'Alle versies', version: 'Versie', status: 'Status', author: 'Gemaakt door', when: 'Wanneer', comment: 'Toelichting',
    submitTitle: 'Ter beoordeling aanbieden', submitIntro: 'Een tweede persoon (goedkeurder) beoordeelt de wijziging en kiest de ingangsdatum.', submitComment: 'Wat is er gewijzigd en waarom?', submit: 'Ter beoordeling aanbieden',
    submitted: 'Versie {{version}} is ter beoordeling aangeboden.', saveFirst: 'Sla eerst uw wijzigingen op.', fixErrors: 'Los eerst de fouten op.',
    approveTitle: 'Beoordelen', approveIntro: 'Versie {{version}} wacht op uw beoordeling. Bekijk de wijzigingen hieronder.', effectiveFrom: 'Ingangsdatum', approveComment: 'Opmerking (optioneel)', approve: 'Goedkeuren en publiceren',
    rejectReason: 'Reden van afwijzing', reject: 'Afwijzen', approved: 'Versie {{version}} is goedgekeurd en gaat in op {{date}}.', rejected: 'Versie {{version}} is afgewezen.', reasonRequired: 'Geef een reden op.',
    diff: 'Wijzigingen ten opzichte van versie {{from}}', noDiff: 'Geen wijzigingen.', added: 'toegevoegd', removed: 'verwijderd', changed: 'gewijzigd', moved: 'verplaatst', field: 'Onderdeel', before: 'Was', after: 'Wordt',
    ownVersion: 'U hebt aan deze versie meegewerkt; een ander moet hem beoordelen (vier-ogenprincipe).', simulation: 'Simulatie bij deze versie', submittedBy: 'Aangeboden door {{who}} op {{when}}',
  },
  processes: {
    title: 'Processen', intro: 'De processen van uw gemeente: welke stappen een zaak doorloopt, op welke gebeurtenissen wordt gewacht en welke termijnen gelden.', caption: 'Processen', name: 'Proces',
  },
  designer: {
    graphLabel: 'Proces als schema. Kies een stap om die rechts te bewerken.', palette: 'Stap toevoegen', add: '{{kind}} toevoegen', start: 'Start', errors: '{{count}} fout(en) in het proces',
    kinds: { task: 'Taak', wait: 'Wachten', decision: 'Beslissing', subprocess: 'Deelproces', end: 'Einde' },
    kindHelp: { task: 'Een actie: status zetten, melden, meetellen.', wait: 'Wacht op een gebeurtenis, met herinneringen en een uiterste termijn.', decision: 'Beslist met een regelset.', subprocess: 'Start een ander proces en wacht op de uitkomst.', end: 'Het proces eindigt met een uitkomst.' },
    label: 'Naam van de stap', id: 'Stap-id', next: 'Volgende stap', action: 'Actie', params: 'Instellingen (JSON)', events: 'Gebeurtenissen', event: 'Gebeurtenis', payload: 'Gegevens bij de gebeurtenis (JSON Schema)',
    reminders: 'Herinneringen', reminder: 'Herinnering', at: 'Moment', timeout: 'Uiterste termijn', amount: 'Aantal', unit: 'Eenheid', fromDate: 'Gerekend vanaf', after: 'na', before: 'voor',
    ruleSet: 'Regelset', branches: 'Uitkomsten', otherwise: 'Anders', outcome: 'Uitkomst', process: 'Proces', removeNode: 'Stap verwijderen', makeStart: 'Maak dit de startstap', viaParameter: 'via parameter {{name}}',
    actions: { 'set-variables': 'Gegevens vastleggen', 'set-status': 'Status zetten', notify: 'Melding sturen', 'count-placement': 'Meetellen voor taakstelling' },
    units: { Y: 'jaar', M: 'maanden', W: 'weken', D: 'dagen' }, unitsOne: { Y: 'jaar', M: 'maand', W: 'week', D: 'dag' }, and: 'en',
    dates: { caseStarted: 'start van de zaak', hotelStart: 'hotelplaatsing', koppeling: 'koppeling', permit: 'vergunning', housed: 'huisvesting', placement: 'plaatsing', homeFound: 'woning gevonden', moved: 'verhuizing', tenancyStart: 'ingang huurcontract' },
    changedSincePublished: 'gewijzigd t.o.v. gepubliceerd', addedSincePublished: 'nieuw t.o.v. gepubliceerd', edges: { timeout: 'termijn verstreken', otherwise: 'anders' }, parameters: 'Parameters',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof nl>;
