/** The designer's words for declarations and action settings (Dutch first, with English). */
const words = {
  event: { nl: 'Gebeurtenis', en: 'Event' },
  eventDeclared: {
    nl: 'Eén keer gedeclareerd voor het hele proces: naam, omschrijving en gegevensschema gelden in elke stap die deze gebeurtenis verwacht',
    en: 'Declared once for the whole process: name, label and payload schema apply in every step that expects this event',
  },
  usedIn: { nl: 'Gebruikt in', en: 'Used in' },
  unused: { nl: 'nergens gebruikt', en: 'not used anywhere' },
  removeDeclaration: { nl: 'Verwijderen', en: 'Remove' },
  events: { nl: 'Gebeurtenissen', en: 'Events' },
  notDeclared: { nl: 'Deze gebeurtenis is nog niet gedeclareerd.', en: 'This event is not declared yet.' },
  declare: { nl: 'Declareren', en: 'Declare' },
  newEvent: { nl: 'Nieuwe gebeurtenis declareren', en: 'Declare a new event' },
  override: {
    nl: 'Deze stap wijkt af van de declaratie (eigen omschrijving of gegevensschema).',
    en: 'This step deviates from the declaration (its own label or payload schema).',
  },
  useDeclaration: { nl: 'Declaratie gebruiken', en: 'Use the declaration' },
  factMappings: { nl: 'Feitenkoppelingen', en: 'Fact mappings' },
  factMappingsHelp: {
    nl: 'Benoemde koppelingen van feiten aan zaakgegevens, één keer gedeclareerd en door beslisstappen gedeeld; samengevoegd in deze volgorde.',
    en: 'Named mappings of facts to case data, declared once and shared by decisions; merged in this order.',
  },
  factMapping: { nl: 'Feitenkoppeling', en: 'Fact mapping' },
  addFactMapping: { nl: 'Koppeling toevoegen', en: 'Add a mapping' },
  newFactMapping: { nl: 'Nieuwe koppeling declareren', en: 'Declare a new mapping' },
  removeFactMapping: { nl: 'Koppeling uit deze stap halen', en: 'Remove the mapping from this step' },
  choose: { nl: '— kies —', en: '— choose —' },
  settings: { nl: 'Instellingen van de actie', en: 'Settings of the action' },
  fromParameter: { nl: 'uit parameter', en: 'from parameter' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  unset: { nl: '(niet gezet)', en: '(not set)' },
  complete: { nl: 'Verder als alle datums gezet zijn', en: 'Go on when every date is set' },
  completeHelp: {
    nl: 'Werk dat naast elkaar loopt in één stap: gebeurtenissen die naar deze stap terugleiden zetten elk een datum; zodra alle gekozen datums gezet zijn, gaat de zaak verder.',
    en: 'Work side by side in one step: events that lead back to this step each set a date; as soon as every chosen date is set, the case goes on.',
  },
  completeDates: { nl: 'Datums die gezet moeten zijn', en: 'Dates that must be set' },
  completeDatesMax: { nl: 'ten hoogste {max}', en: 'at most {max}' },
  completeDatesNone: { nl: 'Kies minstens één datum.', en: 'Choose at least one date.' },
  completeDatesNoneKnown: {
    nl: 'Dit proces zet nog geen datums: laat eerst een gebeurtenis een datum zetten.',
    en: 'This process sets no dates yet: let an event set a date first.',
  },
  completeLabel: { nl: 'Omschrijving', en: 'Label' },
  completeNext: { nl: 'Daarna naar', en: 'Then to' },
  addComplete: { nl: 'Verder als datums gezet zijn…', en: 'Go on when dates are set…' },
  removeComplete: { nl: 'Niet meer op datums wachten', en: 'Stop waiting for dates' },
} as const;

export type DeclarationWord = keyof typeof words;

export function word(key: DeclarationWord, lang: 'nl' | 'en'): string {
  return words[key][lang];
}
