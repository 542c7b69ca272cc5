/** A paragraph of a besluit, optionally followed by a list (level 0 is a bullet, 1 a sub-bullet). */
export interface BesluitParagraph {
  text: string;
  items?: Array<{ text: string; level: number }>;
}

export interface BesluitSection {
  heading: string;
  paragraphs: BesluitParagraph[];
}

/**
 * Everything a besluit (beschikking) says, as resolved Dutch text: the renderer only lays it out.
 * composeBesluit() builds it from a decision record; tests and previews may build it by hand.
 */
export interface BesluitContent {
  municipality: {
    /** "Gemeente Amsterdam": the letterhead. */
    letterhead: string;
    /** "Amsterdam": as in "het college van burgemeester en wethouders van Amsterdam". */
    name: string;
    addressLines: string[];
  };
  /** The date of sending, in words: "29 november 2026". */
  dagtekening: string;
  /** The date of sending as YYYY-MM-DD: the PDF's creation date, so equal content renders to equal bytes. */
  documentDate?: string;
  /** The case reference (pseudonymous). */
  kenmerk: string;
  subject: string;
  /** Name and address of the applicant, when the sender supplies them; else left for the mailing. */
  addressee?: string[];
  salutation: string;
  introduction: string;
  /** The decision in one sentence. */
  decision: string;
  /** Awb 3:46: the facts, the rule applied and why each condition is or is not met. */
  motivation: BesluitSection[];
  /** Set when the case handler did not follow the proposal: that, and why. */
  deviation?: BesluitSection;
  signature: { onBehalfOf: string; name: string; function: string };
  /** Awb 6:7, 6:8: how to object, and the voorlopige voorziening. */
  bezwaar: BesluitSection;
}
