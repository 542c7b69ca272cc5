import { ZgwError } from './zgw-error';
import { zgwToken } from './zgw-token';

export type ZgwApi = 'zaken' | 'catalogi' | 'besluiten' | 'documenten';

export interface ZgwConnection {
  /** Base URL per API without trailing slash, e.g. `https://openzaak.gemeente.nl/zaken/api/v1`. */
  bases: Record<ZgwApi, string>;
  clientId: string;
  secret: string;
}

/** A fetch that goes out through the egress guard (services/auth/oidc/egress-fetch.ts). */
export type ZgwFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<Response>;

/** A ZGW resource as the API sends it: read field by field, the rest kept as it came. */
export type ZgwResource = { url: string } & Record<string, unknown>;

/** Rollen are paged (Zaken API 1.x: 100 a page); a zaak with more pages than this is not one Doorstroom reads. */
const MAX_PAGES = 10;

/** The page number of a list's `next` link, if it has one. */
function pageOf(next: string | null | undefined): number | undefined {
  if (!next) return undefined;
  try {
    const page = Number(new URL(next).searchParams.get('page'));
    return Number.isInteger(page) && page > 1 ? page : undefined;
  } catch {
    return undefined;
  }
}

const API_WORDS: Record<ZgwApi, string> = {
  zaken: 'Zaken API',
  catalogi: 'Catalogi API',
  besluiten: 'Besluiten API',
  documenten: 'Documenten API',
};

/**
 * The ZGW APIs as Doorstroom uses them: read a zaak with its eigenschappen, status and rollen;
 * write a zaak, statussen, a resultaat, a besluit and its document. Every request carries a
 * fresh JWT and goes only to the municipality's configured bases: a URL from a notification
 * that points elsewhere is refused before the token leaves.
 */
export function createZgwClient(conn: ZgwConnection, fetch: ZgwFetch, clock: () => Date = () => new Date()) {
  function within(api: ZgwApi, url: string, operation: string): void {
    const base = conn.bases[api];
    if (url !== base && !url.startsWith(`${base}/`))
      throw new ZgwError(
        'ZGW_REFUSED',
        `${operation}: de URL hoort niet bij de ingestelde ${API_WORDS[api]} (URL outside the configured ${api} base).`,
        false,
        { api, operation },
      );
  }

  async function call<T>(api: ZgwApi, operation: string, method: string, url: string, body?: unknown): Promise<T> {
    within(api, url, operation);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${await zgwToken(conn.clientId, conn.secret, clock())}`,
      Accept: 'application/json',
    };
    // Zaken carry geometry, so the Zaken API asks for the coordinate system (WGS84); its
    // document (1.5.1) lists Content-Crs as required on reading a zaak too, so both always go.
    if (api === 'zaken' && /\/zaken(\/[^/]+)?$/.test(new URL(url).pathname)) {
      headers['Accept-Crs'] = 'EPSG:4326';
      headers['Content-Crs'] = 'EPSG:4326';
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (err) {
      const refused = err as { code?: string; reason?: string };
      if (refused.code === 'DESTINATION_REFUSED')
        throw new ZgwError('ZGW_REFUSED', `${operation}: ${refused.reason ?? 'bestemming geweigerd'}`, false, {
          api,
          operation,
        });
      throw new ZgwError(
        'ZGW_UNAVAILABLE',
        `${operation}: de ${API_WORDS[api]} was niet bereikbaar (${api} API not reachable).`,
        true,
        { api, operation },
      );
    }
    const text = await res.text();
    if (!res.ok) {
      let zgwCode: string | undefined;
      try {
        const problem = JSON.parse(text) as { code?: unknown };
        if (typeof problem.code === 'string') zgwCode = problem.code.slice(0, 100);
      } catch {
        // not a problem document
      }
      const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
      throw new ZgwError(
        retryable ? 'ZGW_UNAVAILABLE' : 'ZGW_REFUSED',
        `${operation}: de ${API_WORDS[api]} antwoordde ${res.status} (${api} API answered ${res.status}).`,
        retryable,
        { api, operation, status: res.status, ...(zgwCode ? { zgwCode } : {}) },
      );
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ZgwError(
        'ZGW_REFUSED',
        `${operation}: het antwoord van de ${API_WORDS[api]} is geen JSON (answer is not JSON).`,
        false,
        { api, operation, status: res.status },
      );
    }
  }

  const post = (api: ZgwApi, operation: string, path: string, body: object) =>
    call<ZgwResource>(api, operation, 'POST', `${conn.bases[api]}${path}`, body);

  return {
    bases: conn.bases,

    getZaak: (zaakUrl: string) => call<ZgwResource>('zaken', 'zaak lezen', 'GET', zaakUrl),

    /** The zaak's eigenschappen as `{ naam, waarde }` (Zaken API: GET {zaak}/zaakeigenschappen). */
    getZaakeigenschappen: (zaakUrl: string) =>
      call<Array<{ naam: string; waarde: string } & Record<string, unknown>>>(
        'zaken',
        'zaakeigenschappen lezen',
        'GET',
        `${zaakUrl.replace(/\/$/, '')}/zaakeigenschappen`,
      ),

    getStatus: (statusUrl: string) => call<ZgwResource>('zaken', 'status lezen', 'GET', statusUrl),

    /**
     * All rollen of the zaak. Paging takes only the page number from `next` and asks the
     * configured base again: behind a proxy `next` may name another host, and the token goes
     * nowhere else.
     */
    async getRollen(zaakUrl: string): Promise<ZgwResource[]> {
      const out: ZgwResource[] = [];
      const first = `${conn.bases.zaken}/rollen?zaak=${encodeURIComponent(zaakUrl)}`;
      let url: string | null = first;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const list: { next?: string | null; results: ZgwResource[] } = await call('zaken', 'rollen lezen', 'GET', url);
        out.push(...list.results);
        const nextPage = pageOf(list.next);
        url = nextPage ? `${first}&page=${nextPage}` : null;
      }
      return out;
    },

    createZaak: (body: {
      zaaktype: string;
      bronorganisatie: string;
      verantwoordelijkeOrganisatie: string;
      startdatum: string;
      omschrijving?: string;
    }) => post('zaken', 'zaak aanmaken', '/zaken', body),

    createStatus: (body: { zaak: string; statustype: string; datumStatusGezet: string; statustoelichting?: string }) =>
      post('zaken', 'status zetten', '/statussen', body),

    createResultaat: (body: { zaak: string; resultaattype: string; toelichting?: string }) =>
      post('zaken', 'resultaat zetten', '/resultaten', body),

    createBesluit: (body: {
      besluittype: string;
      verantwoordelijkeOrganisatie: string;
      datum: string;
      ingangsdatum: string;
      zaak?: string;
      toelichting?: string;
    }) => post('besluiten', 'besluit registreren', '/besluiten', body),

    createInformatieobject: (body: {
      bronorganisatie: string;
      creatiedatum: string;
      titel: string;
      auteur: string;
      taal: string;
      informatieobjecttype: string;
      formaat: string;
      bestandsnaam: string;
      inhoud: string;
      vertrouwelijkheidaanduiding?: string;
      indicatieGebruiksrecht?: boolean | null;
    }) => post('documenten', 'document opslaan', '/enkelvoudiginformatieobjecten', body),

    linkBesluitInformatieobject: (body: { besluit: string; informatieobject: string }) =>
      post('besluiten', 'document aan besluit koppelen', '/besluitinformatieobjecten', body),

    linkZaakInformatieobject: (body: { zaak: string; informatieobject: string; titel?: string }) =>
      post('zaken', 'document aan zaak koppelen', '/zaakinformatieobjecten', body),
  };
}

export type ZgwClient = ReturnType<typeof createZgwClient>;
