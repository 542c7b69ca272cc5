import type { ByeLaw, PostalAddress, Signatory } from '../../contract/municipality-profile';

export type { ByeLaw, PostalAddress, Signatory };

/**
 * What a municipality signs its besluiten with: its official name, postal address, the address
 * objections go to, the person who signs on behalf of the college, and the bye-law whose
 * articles fill the legal bases of its rules. One per tenant; the tenant id is the CBS code.
 */
export interface MunicipalityProfile {
  tenant: string;
  name: string;
  /** `profile`: entered by the municipality; `cbs-list`: from the official list; `tenant`: the tenant's own name (a code not on the list). */
  nameSource: 'profile' | 'cbs-list' | 'tenant';
  address: PostalAddress | null;
  /** Null: objections go to the postal address. */
  objectionAddress: PostalAddress | null;
  signatory: Signatory | null;
  byeLaw: ByeLaw | null;
  /** The district court for a voorlopige voorziening, e.g. "Rechtbank Amsterdam"; null: "de rechtbank". */
  court: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The fields a municipality enters (what the store keeps as JSON). */
export interface StoredProfileFields {
  name?: string;
  address?: PostalAddress;
  objectionAddress?: PostalAddress | null;
  signatory?: Signatory;
  byeLaw?: ByeLaw;
  court?: string | null;
}
