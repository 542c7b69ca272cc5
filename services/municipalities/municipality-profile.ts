import type { ByeLaw, MunicipalityProfile, PostalAddress, Signatory } from '../../contract/municipality-profile';

export type { ByeLaw, PostalAddress, Signatory };

/**
 * What a municipality signs its besluiten with (contract/municipality-profile.ts): its official
 * name, postal address, the address objections go to, the person who signs on behalf of the
 * college, and the bye-law whose articles fill the legal bases of its rules. One per tenant; the
 * tenant id is the CBS code. `nameSource` says whether the name was entered (`profile`), comes
 * from the official list (`cbs-list`) or is the tenant's own name (a code not on the list).
 */
export type { MunicipalityProfile };

/** The fields a municipality enters (what the store keeps as JSON). */
export interface StoredProfileFields {
  name?: string;
  address?: PostalAddress;
  objectionAddress?: PostalAddress | null;
  signatory?: Signatory;
  byeLaw?: ByeLaw;
  court?: string | null;
}
