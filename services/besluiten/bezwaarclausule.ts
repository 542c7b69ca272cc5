import type { PostalAddress } from '../municipalities/municipality-profile';
import type { BesluitSection } from './besluit-content';

export interface BezwaarInput {
  /** "Amsterdam". */
  municipalityName: string;
  /** Where objections go: the objection address, else the postal address. */
  address: PostalAddress;
  dagtekening: string;
  kenmerk: string;
  /** "Rechtbank Amsterdam"; null: the district court in general. */
  court: string | null;
}

export const formatAddress = (a: PostalAddress): string => `${a.street}, ${a.postcode} ${a.city}`;

/**
 * The bezwaarclausule (Awb 3:45): objection within six weeks (Awb 6:7), counted from the day
 * after the date of sending (Awb 6:8), to the college that decided, with what an objection must
 * hold (Awb 6:5); and that objecting does not suspend the decision, while the court's
 * voorzieningenrechter can be asked for a voorlopige voorziening (Awb 8:81).
 */
export function bezwaarclausule(input: BezwaarInput): BesluitSection {
  const college = `het college van burgemeester en wethouders van ${input.municipalityName}`;
  const court = input.court ? `de ${input.court}` : 'de rechtbank';
  return {
    heading: 'Bent u het niet eens met dit besluit?',
    paragraphs: [
      {
        text:
          `Dan kunt u bezwaar maken. Dat doet u binnen zes weken. Die termijn begint op de dag na de verzenddatum van deze brief (${input.dagtekening}). ` +
          `Stuur uw bezwaarschrift aan ${college}, ${formatAddress(input.address)}.`,
      },
      {
        text: 'Uw bezwaarschrift moet in ieder geval bevatten:',
        items: [
          { text: 'uw naam en adres;', level: 0 },
          { text: 'de datum;', level: 0 },
          {
            text: `een omschrijving van het besluit waartegen u bezwaar maakt (vermeld het kenmerk ${input.kenmerk});`,
            level: 0,
          },
          { text: 'de redenen waarom u het niet eens bent met het besluit;', level: 0 },
          { text: 'uw handtekening.', level: 0 },
        ],
      },
      {
        text:
          'Bezwaar maken schort de werking van dit besluit niet op. Is uw zaak spoedeisend? Dan kunt u de voorzieningenrechter van ' +
          `${court} vragen om een voorlopige voorziening. Dat kan als u bezwaar heeft gemaakt. Voor een verzoek om een voorlopige voorziening betaalt u griffierecht.`,
      },
    ],
  };
}
