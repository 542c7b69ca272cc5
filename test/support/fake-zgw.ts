import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZgwApi } from '../../services/zgw/zgw-client';

export const ZAAK_UUID = 'd4d8b0c2-2f6e-4c8a-9a51-8f3a6f0b7c11';
export const STATUS_UUID = '5a5d5fe1-7a0c-4b42-8d1d-6c3b1c1f3a11';
export const STATUSTYPE_HOTEL = 'statustypen/7d1f0e2a-hotel';
export const STATUSTYPE_OTHER = 'statustypen/9b0c1d2e-anders';

export interface FakeZgw {
  bases: Record<ZgwApi, string>;
  zaakUrl: string;
  statusUrl: string;
  /** Requests seen, as `METHOD path` (query left out), in order. */
  seen: string[];
  /** Authorization headers seen. */
  tokens: string[];
  /** Answers per path prefix: a status to answer instead of the resource, `times` times (default always). */
  fail(pathPart: string, status: number, times?: number): void;
  /** The status's statustype (full URL) the fake answers. */
  statustype: string;
  stop(): Promise<void>;
}

/**
 * A Zaken API on this machine, over real HTTP, with one zaak as Open Zaak would answer it:
 * startdatum, two zaakeigenschappen, a current status and a rol with a BSN (which Doorstroom
 * must never keep). Failures can be injected per path.
 */
export async function startFakeZgw(): Promise<FakeZgw> {
  const seen: string[] = [];
  const tokens: string[] = [];
  const failures: Array<{ part: string; status: number; left: number }> = [];
  let base = '';
  const state = { statustype: '' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}`);
    tokens.push(String(req.headers.authorization ?? ''));
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const failure = failures.find((f) => url.pathname.includes(f.part) && f.left !== 0);
    if (failure) {
      failure.left--;
      send(failure.status, { type: 'about:blank', code: 'fout', title: 'Fout', status: failure.status });
      return;
    }
    const zaak = `${base}/zaken/api/v1/zaken/${ZAAK_UUID}`;
    const status = `${base}/zaken/api/v1/statussen/${STATUS_UUID}`;
    if (url.pathname === `/zaken/api/v1/zaken/${ZAAK_UUID}`)
      return send(200, {
        url: zaak,
        uuid: ZAAK_UUID,
        identificatie: 'ZAAK-2026-0000000042',
        bronorganisatie: '002220647',
        omschrijving: 'Nareiziger gezin',
        zaaktype: `${base}/catalogi/api/v1/zaaktypen/0119dd4e`,
        registratiedatum: '2026-11-29',
        startdatum: '2026-11-29',
        vertrouwelijkheidaanduiding: 'vertrouwelijk',
        status,
      });
    if (url.pathname === `/zaken/api/v1/zaken/${ZAAK_UUID}/zaakeigenschappen`)
      return send(200, [
        {
          url: `${zaak}/zaakeigenschappen/1`,
          zaak,
          eigenschap: `${base}/catalogi/api/v1/eigenschappen/1`,
          naam: 'huishoudgrootte',
          waarde: '4',
        },
        {
          url: `${zaak}/zaakeigenschappen/2`,
          zaak,
          eigenschap: `${base}/catalogi/api/v1/eigenschappen/2`,
          naam: 'naam referent',
          waarde: 'J. Jansen',
        },
      ]);
    if (url.pathname === `/zaken/api/v1/statussen/${STATUS_UUID}`)
      return send(200, { url: status, zaak, statustype: state.statustype, datumStatusGezet: '2026-11-30' });
    if (url.pathname === '/zaken/api/v1/rollen')
      return send(200, {
        count: 1,
        next: null,
        previous: null,
        results: [
          {
            url: `${base}/zaken/api/v1/rollen/1`,
            zaak,
            roltype: `${base}/catalogi/api/v1/roltypen/1`,
            omschrijvingGeneriek: 'initiator',
            betrokkeneType: 'natuurlijk_persoon',
            betrokkeneIdentificatie: { inpBsn: '999993653', geslachtsnaam: 'Jansen' },
          },
        ],
      });
    send(404, { type: 'about:blank', code: 'not_found', title: 'Niet gevonden', status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.statustype = `${base}/catalogi/api/v1/${STATUSTYPE_HOTEL}`;
  return {
    bases: {
      zaken: `${base}/zaken/api/v1`,
      catalogi: `${base}/catalogi/api/v1`,
      besluiten: `${base}/besluiten/api/v1`,
      documenten: `${base}/documenten/api/v1`,
    },
    zaakUrl: `${base}/zaken/api/v1/zaken/${ZAAK_UUID}`,
    statusUrl: `${base}/zaken/api/v1/statussen/${STATUS_UUID}`,
    seen,
    tokens,
    fail(part, status, times = -1) {
      failures.push({ part, status, left: times });
    },
    get statustype() {
      return state.statustype;
    },
    set statustype(v: string) {
      state.statustype = v;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
