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
} as const;

export type DeclarationWord = keyof typeof words;

export function word(key: DeclarationWord, lang: 'nl' | 'en'): string {
  return words[key][lang];
}
