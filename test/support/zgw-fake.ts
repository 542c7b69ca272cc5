import { randomUUID } from 'node:crypto';
import type { ZgwFetch } from '../../services/zgw/zgw-client';

export const FAKE_OZ = 'https://openzaak.gm0363.test';

export const FAKE_BASES = {
  zaken: `${FAKE_OZ}/zaken/api/v1`,
  catalogi: `${FAKE_OZ}/catalogi/api/v1`,
  besluiten: `${FAKE_OZ}/besluiten/api/v1`,
  documenten: `${FAKE_OZ}/documenten/api/v1`,
};

export interface FakeZgwRequest {
  method: string;
  url: string;
  body: Record<string, unknown> | undefined;
  authorization: string | undefined;
}

/**
 * A ZGW landscape in memory behind the client's fetch: it answers every create with 201 and a
 * fresh URL, a read of a known zaak with 200, and fails on command (`failNext`), so the sync
 * workflow's retries and refusals can be shown. The requests themselves are checked against the
 * VNG documents in the Prism contract test (test/services/zgw/zgw-write-back.contract.test.ts).
 */
export function createFakeZgw() {
  const requests: FakeZgwRequest[] = [];
  const failures: Array<{ path: string; status: number }> = [];
  const zaken = new Set<string>();
  const fetch: ZgwFetch = async (url, init) => {
    const path = new URL(url).pathname;
    const body = init.body ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    requests.push({ method: init.method, url, body, authorization: init.headers.Authorization });
    const failure = failures.findIndex((f) => path.endsWith(f.path));
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      return new Response(JSON.stringify({ code: 'fout', title: 'Fout' }), {
        status: f!.status,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    if (init.method === 'GET') {
      return zaken.has(url)
        ? Response.json({ url, zaaktype: `${FAKE_BASES.catalogi}/zaaktypen/1` })
        : Response.json({ code: 'not_found' }, { status: 404 });
    }
    const collection = path.split('/').pop()!;
    const base = url.slice(0, url.length - collection.length - 1);
    const created = `${base}/${collection}/${randomUUID()}`;
    if (collection === 'zaken') zaken.add(created);
    return Response.json({ url: created, ...body }, { status: 201 });
  };
  return {
    fetch,
    requests,
    /** The next request whose path ends with `path` answers `status`. */
    failNext: (path: string, status: number) => void failures.push({ path, status }),
    addZaak: (uuid: string) => zaken.add(`${FAKE_BASES.zaken}/zaken/${uuid}`),
    posts: () => requests.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname.split('/').pop()),
  };
}
