import { toEpochDay, wholeYearsBetween } from '../dates';
import type { DerivationContext, FactCatalog, FactDefinition } from './fact-catalog';

// Sources: domain.md "What priority rules look like" (VNG model bye-law categories, 2026 limits).
// Data minimisation (AVG): medical urgency is the independent adviser's yes/no, never a diagnosis.

function weeksSince(dateFact: string) {
  return ({ facts, peildatum }: DerivationContext): number | undefined => {
    const from = toEpochDay(facts[dateFact]);
    const to = toEpochDay(peildatum);
    if (from === undefined || to === undefined) return undefined;
    return Math.floor((to - from) / 7);
  };
}

const yesNo = (nl: string, en: string, dnl: string, den: string): FactDefinition => ({
  type: 'boolean',
  label: { nl, en },
  description: { nl: dnl, en: den },
});

export const housingPriorityCatalog: FactCatalog = {
  kind: 'housing-priority',
  label: { nl: 'Voorrang bij woningtoewijzing', en: 'Housing allocation priority' },
  outcomes: {
    priority: {
      label: { nl: 'voorrang', en: 'priority' },
      decision: {
        nl: 'U krijgt voorrang bij het zoeken naar een woning.',
        en: 'You are given priority in finding a home.',
      },
    },
    'no-priority': {
      label: { nl: 'geen voorrang', en: 'no priority' },
      decision: {
        nl: 'U krijgt geen voorrang bij het zoeken naar een woning.',
        en: 'You are not given priority in finding a home.',
      },
    },
    'not-eligible': {
      label: { nl: 'komt niet in aanmerking', en: 'not eligible' },
      decision: {
        nl: 'U komt niet in aanmerking voor voorrang bij het zoeken naar een woning.',
        en: 'You are not eligible for priority in finding a home.',
      },
    },
  },
  noOutcome: {
    label: { nl: 'geen voorrang', en: 'no priority' },
    decision: {
      nl: 'U krijgt geen voorrang bij het zoeken naar een woning.',
      en: 'You are not given priority in finding a home.',
    },
  },
  facts: {
    dateOfBirth: {
      type: 'date',
      label: { nl: 'Geboortedatum', en: 'Date of birth' },
      description: {
        nl: 'Geboortedatum van de aanvrager; alleen gebruikt om de leeftijd op de peildatum te bepalen.',
        en: "Applicant's date of birth; only used to derive the age at the peildatum.",
      },
    },
    age: {
      type: 'integer',
      unit: 'jaar',
      minimum: 0,
      label: { nl: 'Leeftijd', en: 'Age' },
      description: { nl: 'Leeftijd van de aanvrager op de peildatum.', en: "Applicant's age at the peildatum." },
      derived: {
        from: ['dateOfBirth'],
        compute: ({ facts, peildatum }) => wholeYearsBetween(String(facts.dateOfBirth), peildatum),
      },
    },
    householdSize: {
      type: 'integer',
      unit: 'personen',
      minimum: 1,
      label: { nl: 'Huishoudgrootte', en: 'Household size' },
      description: {
        nl: 'Aantal personen dat samen wil verhuizen, de aanvrager meegerekend.',
        en: 'Number of people moving together, the applicant included.',
      },
    },
    numberOfChildren: {
      type: 'integer',
      unit: 'kinderen',
      minimum: 0,
      label: { nl: 'Aantal kinderen', en: 'Number of children' },
      description: { nl: 'Minderjarige kinderen in het huishouden.', en: 'Minor children in the household.' },
    },
    householdComposition: {
      type: 'enum',
      label: { nl: 'Samenstelling huishouden', en: 'Household composition' },
      description: { nl: 'Soort huishouden.', en: 'Kind of household.' },
      options: [
        { value: 'alleenstaand', label: { nl: 'alleenstaand', en: 'single' } },
        { value: 'paar', label: { nl: 'paar zonder kinderen', en: 'couple without children' } },
        { value: 'gezin', label: { nl: 'paar met kinderen', en: 'couple with children' } },
        { value: 'eenoudergezin', label: { nl: 'eenoudergezin', en: 'single-parent family' } },
        { value: 'overig', label: { nl: 'overig', en: 'other' } },
      ],
    },
    permitType: {
      type: 'enum',
      label: { nl: 'Soort verblijfsvergunning', en: 'Residence permit type' },
      description: {
        nl: 'Verblijfsvergunning van de aanvrager (IND), of Nederlander / EU-burger (geen vergunning nodig).',
        en: "Applicant's residence permit (IND), or Dutch / EU citizen (no permit needed).",
      },
      source: { nl: 'BRP en IND', en: 'BRP and IND' },
      options: [
        { value: 'asiel', label: { nl: 'asiel', en: 'asylum' } },
        { value: 'nareis', label: { nl: 'nareis (gezinshereniging)', en: 'family reunification' } },
        { value: 'regulier', label: { nl: 'regulier', en: 'regular' } },
        { value: 'tijdelijke-bescherming', label: { nl: 'tijdelijke bescherming (RTB)', en: 'temporary protection' } },
        // Not permits, but what a bye-law's "Nederlander of rechtmatig verblijvend" test reads for everyone else.
        { value: 'nederlander', label: { nl: 'Nederlandse nationaliteit', en: 'Dutch national' } },
        { value: 'eu-burger', label: { nl: 'EU/EER- of Zwitserse burger', en: 'EU/EEA or Swiss citizen' } },
        { value: 'geen', label: { nl: 'geen', en: 'none' } },
      ],
    },
    linkedMunicipality: {
      type: 'string',
      label: { nl: 'Gekoppelde gemeente', en: 'Linked municipality' },
      description: {
        nl: 'CBS-gemeentecode waaraan het COA de statushouder heeft gekoppeld, bijv. GM0363.',
        en: 'CBS code of the municipality COA linked the status holder to, e.g. GM0363.',
      },
    },
    permitDate: {
      type: 'date',
      label: { nl: 'Datum vergunning', en: 'Permit date' },
      description: {
        nl: 'Datum waarop de verblijfsvergunning is verleend.',
        en: 'Date the residence permit was granted.',
      },
    },
    koppelingDate: {
      type: 'date',
      label: { nl: 'Datum koppeling', en: 'Linking date' },
      description: {
        nl: 'Datum waarop het COA de statushouder aan de gemeente koppelde.',
        en: 'Date COA linked the status holder to the municipality.',
      },
    },
    weeksSinceKoppeling: {
      type: 'integer',
      unit: 'weken',
      label: { nl: 'Weken sinds koppeling', en: 'Weeks since linking' },
      description: {
        nl: 'Volle weken van de koppeling tot de peildatum (norm: 10 weken zoeken + 2 weken verhuizen).',
        en: 'Whole weeks from linking to the peildatum (norm: 10 weeks to find + 2 to move).',
      },
      derived: { from: ['koppelingDate'], compute: weeksSince('koppelingDate') },
    },
    weeksSincePermit: {
      type: 'integer',
      unit: 'weken',
      label: { nl: 'Weken sinds vergunning', en: 'Weeks since permit' },
      description: {
        nl: 'Volle weken van de vergunning tot de peildatum (ketennorm: 14 weken).',
        en: 'Whole weeks from the permit to the peildatum (chain norm: 14 weeks).',
      },
      derived: { from: ['permitDate'], compute: weeksSince('permitDate') },
    },
    annualIncome: {
      type: 'number',
      unit: 'EUR/jaar',
      minimum: 0,
      label: { nl: 'Huishoudinkomen', en: 'Household income' },
      description: { nl: 'Verzamelinkomen van het huishouden per jaar.', en: 'Household taxable income per year.' },
      source: { nl: 'Belastingdienst (inkomensverklaring)', en: 'Tax authority (income statement)' },
    },
    // Some bye-laws (and corporations' allocation rules) test the gross income of the last 12 months instead.
    grossAnnualIncome: {
      type: 'number',
      unit: 'EUR/jaar',
      minimum: 0,
      label: { nl: 'Bruto jaarinkomen', en: 'Gross annual income' },
      description: {
        nl: 'Bruto huishoudinkomen per jaar (bijv. loonstroken van de laatste 12 maanden), naast het verzamelinkomen.',
        en: 'Gross household income per year (e.g. payslips of the last 12 months), next to the taxable income.',
      },
      source: { nl: 'loonstroken of werkgeversverklaring', en: 'payslips or employer statement' },
    },
    yearsOfRegionalTies: {
      type: 'number',
      unit: 'jaar',
      minimum: 0,
      label: { nl: 'Jaren binding met de regio', en: 'Years of regional ties' },
      description: {
        nl: 'Jaren ingeschreven in of economisch gebonden aan de regio.',
        en: 'Years registered in or economically tied to the region.',
      },
    },
    isPensionAge: yesNo(
      'AOW-leeftijd bereikt',
      'Pension age reached',
      'Aanvrager of partner heeft de AOW-leeftijd bereikt (passend toewijzen).',
      'Applicant or partner has reached state pension age (passend toewijzen).',
    ),
    // The urgency categories are claims: not claimed means not that category, so absence is an answer.
    medicalUrgency: {
      ...yesNo(
        'Medische urgentie',
        'Medical urgency',
        'Advies van de onafhankelijk medisch adviseur: urgent ja of nee (nooit een diagnose).',
        "The independent medical adviser's advice: urgent yes or no (never a diagnosis).",
      ),
      sensitive: true,
      mayBeUnknown: true,
    },
    // Unknown before the first offer: no refusal is on record, which is what the rule asks.
    refusedSuitableOffer: {
      ...yesNo(
        'Passend aanbod geweigerd',
        'Refused a suitable offer',
        'De aanvrager heeft tijdens deze voorrang een passende woning geweigerd.',
        'The applicant refused a suitable dwelling during this priority.',
      ),
      mayBeUnknown: true,
    },
    mantelzorg: {
      ...yesNo(
        'Mantelzorg',
        'Informal care',
        'Verhuizing nodig om mantelzorg te geven of te ontvangen.',
        'A move is needed to give or receive informal care.',
      ),
      mayBeUnknown: true,
    },
    // Bye-laws set a floor (often 8 hours a week for at least 3 months); not claimed means no mantelzorg.
    mantelzorgUrenPerWeek: {
      type: 'integer',
      unit: 'uren/week',
      minimum: 0,
      maximum: 168,
      mayBeUnknown: true,
      label: { nl: 'Uren mantelzorg per week', en: 'Hours of informal care per week' },
      description: {
        nl: 'Aantal uren per week dat mantelzorg wordt gegeven of ontvangen.',
        en: 'Hours per week of informal care given or received.',
      },
      source: { nl: 'mantelzorgverklaring of indicatie', en: 'informal-care statement or assessment' },
    },
    leavingInstitution: {
      type: 'enum',
      label: { nl: 'Uitstroom uit instelling', en: 'Leaving an institution' },
      description: {
        nl: 'Instelling die de aanvrager verlaat, of geen.',
        en: 'Institution the applicant is leaving, or none.',
      },
      mayBeUnknown: true,
      options: [
        { value: 'geen', label: { nl: 'geen', en: 'none' } },
        { value: 'maatschappelijke-opvang', label: { nl: 'maatschappelijke opvang', en: 'homeless shelter' } },
        { value: 'beschermd-wonen', label: { nl: 'beschermd wonen', en: 'sheltered housing' } },
        { value: 'vrouwenopvang', label: { nl: 'vrouwenopvang', en: "women's shelter" } },
        { value: 'overig', label: { nl: 'andere instelling', en: 'other institution' } },
      ],
    },
    currentHousing: {
      type: 'enum',
      label: { nl: 'Huidige woonsituatie', en: 'Current housing' },
      description: { nl: 'Waar de aanvrager nu woont.', en: 'Where the applicant lives now.' },
      options: [
        { value: 'azc', label: { nl: 'azc', en: 'asylum centre' } },
        { value: 'hotel', label: { nl: 'hotel (nareizigers)', en: 'hotel (family reunifiers)' } },
        { value: 'har', label: { nl: 'HAR-voorziening', en: 'HAR accommodation' } },
        { value: 'tijdelijk', label: { nl: 'tijdelijke huisvesting', en: 'temporary housing' } },
        { value: 'inwonend', label: { nl: 'inwonend', en: 'living with others' } },
        { value: 'zelfstandig', label: { nl: 'zelfstandige woning', en: 'independent home' } },
        {
          value: 'instelling',
          label: {
            nl: 'andere instelling (zorg, jeugdzorg, detentie)',
            en: 'other institution (care, youth care, detention)',
          },
        },
        { value: 'dakloos', label: { nl: 'dakloos', en: 'homeless' } },
        // Appended (earlier values keep their place): opvang and shelters, which bye-laws name apart.
        { value: 'maatschappelijke-opvang', label: { nl: 'maatschappelijke opvang', en: 'homeless shelter' } },
        { value: 'vrouwenopvang', label: { nl: 'vrouwenopvang', en: "women's shelter" } },
        { value: 'beschermd-wonen', label: { nl: 'beschermd wonen', en: 'sheltered housing' } },
        { value: 'hotel-har', label: { nl: 'hotel of HAR-voorziening', en: 'hotel or HAR accommodation' } },
      ],
    },
    // Uitstroom from opvang or beschermd wonen needs the institution's judgement that the applicant can live on their own.
    readyForIndependentLiving: {
      type: 'boolean',
      label: { nl: 'Klaar voor zelfstandig wonen', en: 'Ready to live independently' },
      description: {
        nl: 'Uit een beoordeling (bijv. zelfredzaamheidsmatrix of verklaring van de instelling) blijkt dat de aanvrager zelfstandig kan wonen.',
        en: "An assessment (e.g. a self-sufficiency matrix or the institution's statement) shows the applicant can live independently.",
      },
      source: {
        nl: 'verklaring van de instelling of zelfredzaamheidsmatrix',
        en: "institution's statement or self-sufficiency matrix",
      },
    },
    hasIndependentHome: yesNo(
      'Heeft zelfstandige woonruimte',
      'Has an independent home',
      'De aanvrager beschikt al over zelfstandige woonruimte.',
      'The applicant already has an independent home.',
    ),
    rentArrears: yesNo('Huurachterstand', 'Rent arrears', 'Er is een huurachterstand.', 'There are rent arrears.'),
    demolition: {
      ...yesNo(
        'Sloop of renovatie',
        'Demolition or renewal',
        'De huidige woning wordt gesloopt of ingrijpend gerenoveerd.',
        'The current home is to be demolished or thoroughly renovated.',
      ),
      mayBeUnknown: true,
    },
    socialEmergency: {
      ...yesNo(
        'Sociale noodsituatie',
        'Social emergency',
        'Er is een acute sociale noodsituatie.',
        'There is an acute social emergency.',
      ),
      mayBeUnknown: true,
    },
    emergencySelfCaused: yesNo(
      'Noodsituatie zelf veroorzaakt',
      'Emergency self-caused',
      'De aanvrager heeft de noodsituatie zelf veroorzaakt of had die kunnen voorkomen.',
      'The applicant caused the emergency or could have prevented it.',
    ),
    solvableByApplicant: yesNo(
      'Zelf op te lossen',
      'Solvable by applicant',
      'De aanvrager kan het woonprobleem zelf oplossen.',
      'The applicant can solve the housing problem without help.',
    ),
    solvableByMoveMonths: {
      type: 'number',
      unit: 'maanden',
      minimum: 0,
      label: { nl: 'Op te lossen door verhuizing binnen', en: 'Solvable by a move within' },
      description: {
        nl: 'Termijn waarbinnen een verhuizing het probleem oplost.',
        en: 'Time within which a move solves the problem.',
      },
    },
    registrationDate: {
      type: 'date',
      label: { nl: 'Inschrijfdatum woningzoekende', en: 'Registration date as home seeker' },
      description: {
        nl: 'Datum van inschrijving als woningzoekende (rangorde binnen een categorie).',
        en: 'Date of registration as a home seeker (ranking within a category).',
      },
      mayBeUnknown: true,
    },
  },
};
