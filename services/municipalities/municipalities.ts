import list from './municipalities.json';

/** A municipality as CBS lists it: `GM0363`, "Amsterdam", "Noord-Holland". */
export interface Municipality {
  code: string;
  name: string;
  province: string;
}

/** The official list shipped with the server (see README.md in this folder for its source and date). */
export const MUNICIPALITIES: readonly Municipality[] = list.municipalities;
export const MUNICIPALITIES_YEAR: number = list.year;

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

/** The municipality with this CBS code (`GM0363`), or undefined for a code not on the list. */
export function findMunicipality(code: string): Municipality | undefined {
  return byCode.get(code);
}
