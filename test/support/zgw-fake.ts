import { randomUUID } from 'node:crypto';
import { createEgressGuard } from '../../platform/egress/egress-guard';
import type { Store } from '../../platform/store/create-store';
import { insertTenant } from '../../platform/store/tenants';
import type { ZgwFetch } from '../../services/zgw/zgw-client';
import { createZgwConnections } from '../../services/zgw/zgw-connection';
import { saveZgwSettings } from '../../services/zgw/zgw-settings';
import { createZgwWriteBack, type ZgwWriteBack } from '../../services/zgw/zgw-write-back';
import type { PublishedCaseEvent } from '../../workflows/case-event';

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

/** The link the fake landscape's tests and the recorded fixture use: the hotel process, every write mapped. */
export const FAKE_LINK = {
  processId: 'nareiziger-hotelverblijf',
  zaaktype: `${FAKE_BASES.catalogi}/zaaktypen/0119dd4e-7be9-477e-bccf-75023b1453c1`,
  statustypen: [{ step: 'wacht-op-hotelplaatsing', statustype: `${FAKE_BASES.catalogi}/statustypen/1` }],
  besluittype: `${FAKE_BASES.catalogi}/besluittypen/2`,
  informatieobjecttype: `${FAKE_BASES.catalogi}/informatieobjecttypen/3`,
  resultaattype: `${FAKE_BASES.catalogi}/resultaattypen/4`,
  resultaattypen: [{ outcome: 'beeindigd', resultaattype: `${FAKE_BASES.catalogi}/resultaattypen/9` }],
  eindstatustype: `${FAKE_BASES.catalogi}/statustypen/5`,
  cancelledResultaattype: `${FAKE_BASES.catalogi}/resultaattypen/6`,
};

/**
 * A store with municipality GM0363 linked to the fake landscape, and the real write-back on it:
 * the deps a test worker's ZGW activities need (`{ zgw }`).
 */
export async function fakeZgwWriteBack(
  store: Store,
  fake: ReturnType<typeof createFakeZgw>,
  opts: { caseRefOf?: (caseId: string) => string | undefined; besluitId?: string } = {},
): Promise<ZgwWriteBack> {
  const now = new Date().toISOString();
  await insertTenant(store.db, { id: 'GM0363', name: 'Gemeente Utrecht' }, now);
  await saveZgwSettings(
    { store, box: store.secrets },
    'GM0363',
    {
      zakenUrl: FAKE_BASES.zaken,
      catalogiUrl: FAKE_BASES.catalogi,
      besluitenUrl: FAKE_BASES.besluiten,
      documentenUrl: FAKE_BASES.documenten,
      clientId: 'doorstroom-gm0363',
      clientSecret: 'geheim-van-de-gemeente',
      bronorganisatie: '002220647',
      processLinks: [FAKE_LINK],
      enabled: true,
    },
    { kind: 'user', id: 'beheerder' },
    'test',
    now,
  );
  const connections = createZgwConnections({
    db: store.db,
    box: store.secrets,
    egress: createEgressGuard({ allowLoopback: false, allowHttp: false }),
    fetch: () => fake.fetch,
  });
  return createZgwWriteBack({
    store,
    clock: () => new Date(),
    clientFor: connections.zgwClientFor,
    caseRefOf: (_tenant, caseId) => Promise.resolve(opts.caseRefOf?.(caseId) ?? 'dossier-2026-0042'),
    besluitPdf: (_tenant, _caseId, id) =>
      Promise.resolve(
        id === (opts.besluitId ?? FAKE_BESLUIT_ID)
          ? { pdf: Buffer.from('%PDF-1.7\n%besluit\n'), decidedAt: '2026-11-30T08:59:00.000Z' }
          : undefined,
      ),
  });
}

export const FAKE_BESLUIT_ID = '6f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

/** The events a case of the hotel process publishes, in its order, with ids fixed by its history. */
export function hotelCaseEvents(caseId: string, outcome = 'gehuisvest'): Array<PublishedCaseEvent & { id: string }> {
  const base = { tenant: 'GM0363', caseId, processId: 'nareiziger-hotelverblijf' };
  return [
    { ...base, id: `${caseId}:1:0:started`, type: 'case.started', occurredAt: '2026-11-29T23:30:00.000Z' },
    {
      ...base,
      id: `${caseId}:1:1:step`,
      type: 'case.step-entered',
      step: 'registratie',
      occurredAt: '2026-11-29T23:30:01.000Z',
    },
    {
      ...base,
      id: `${caseId}:1:2:step`,
      type: 'case.step-entered',
      step: 'wacht-op-hotelplaatsing',
      occurredAt: '2026-11-30T08:00:00.000Z',
    },
    {
      ...base,
      id: `${caseId}:1:3:besluit`,
      type: 'besluit.created',
      decision: { nodeId: 'tel-huisvesting', besluitId: FAKE_BESLUIT_ID },
      occurredAt: '2026-11-30T09:00:00.000Z',
    },
    { ...base, id: `${caseId}:1:4:done`, type: 'case.completed', outcome, occurredAt: '2026-12-01T10:00:00.000Z' },
  ];
}

/** A hotel case cancelled while it waits for its hotel: its events up to there, then case.cancelled. */
export function hotelCancelledEvents(caseId: string): Array<PublishedCaseEvent & { id: string }> {
  const base = { tenant: 'GM0363', caseId, processId: 'nareiziger-hotelverblijf' };
  return [
    ...hotelCaseEvents(caseId).slice(0, 3),
    {
      ...base,
      id: `${caseId}:cancelled`,
      type: 'case.cancelled',
      step: 'wacht-op-hotelplaatsing',
      occurredAt: '2026-11-30T10:00:00.000Z',
    },
  ];
}
