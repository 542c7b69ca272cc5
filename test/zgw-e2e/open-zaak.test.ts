import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startZgwStack, type ZgwStack } from '../../scripts/zgw-stack';
import { api, spawnProduct, type ProductProcess } from '../support/product-process';
import { ADMIN_PASSWORD, TEST_TENANT, productEnv, tempDataDir } from '../support/runtime';
import { waitFor } from '../faults/support/product-under-fault';
import { sha256, zaaksysteem, type Zaaksysteem } from './support/zaaksysteem';

/**
 * Issue 19 item 3: one run against a real Open Zaak 1.20.0 and Open Notificaties 1.8.2
 * (scripts/zgw-stack.ts) and the real product (`npm start`'s entry as an OS process, its embedded
 * Temporal dev server), configured only through their own setup and Doorstroom's API:
 *
 * 1. a zaak registered in Open Zaak starts a case here (Open Zaak → Celery → Open Notificaties →
 *    Celery → POST /api/v1/notificaties → the workflow reads the zaak, its eigenschap and status);
 * 2. a status set there moves the case;
 * 3. a decision a behandelaar confirms here appears there as a besluit, with the besluit PDF as
 *    informatieobject linked to the zaak and the besluit.
 */

type Session = Record<string, string>;
const NEW_PASSWORD = 'Zgw-test-wachtwoord-2026-lang';
const PROFILE = {
  address: { street: 'Postbus 202', postcode: '1000 AE', city: 'Amsterdam' },
  signatory: { name: 'J. de Vries', function: 'teamleider Wonen' },
  byeLaw: { name: 'Huisvestingsverordening Amsterdam', year: 2026, articles: { 'housing-priority': 'art. 2.7' } },
  court: 'Rechtbank Amsterdam',
};
/** Today in the Netherlands, as Open Zaak's dates are. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
const amsterdamDate = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

describe('against a real Open Zaak and Open Notificaties (npm run test:zgw)', () => {
  let stack: ZgwStack;
  let product: ProductProcess;
  let admin: Session;
  let zs: Zaaksysteem;
  let zaken: string;
  const timings: Record<string, number> = {};

  const call = async (method: string, route: string, session: Session, body?: unknown) => {
    const res = await api(product.url, method, route, body, session);
    return res;
  };
  const login = async (username: string, password: string): Promise<Session> => {
    const res = await api(product.url, 'POST', '/auth/login', { tenant: TEST_TENANT, username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': res.body.csrfToken as string,
    };
  };
  /** As a municipality adds a colleague: the administrator creates the account, the person sets a password. */
  const person = async (username: string, roles: string[]): Promise<Session> => {
    const created = await call('POST', '/users', admin, { username, roles });
    if (created.status !== 201) throw new Error(`user ${username}: ${created.status} ${JSON.stringify(created.body)}`);
    const first = await login(username, created.body.oneTimePassword as string);
    const changed = await call('POST', '/auth/password', first, {
      currentPassword: created.body.oneTimePassword as string,
      newPassword: NEW_PASSWORD,
    });
    if (changed.status !== 200)
      throw new Error(`password ${username}: ${changed.status} ${JSON.stringify(changed.body)}`);
    return login(username, NEW_PASSWORD);
  };
  const cases = async (processId: string) =>
    ((await call('GET', `/cases?processId=${processId}`, admin)).body.cases ?? []) as Array<Record<string, any>>;
  const readCase = async (caseId: string) => (await call('GET', `/cases/${caseId}`, admin)).body as Record<string, any>;
  const notificatieLog = async () => (await call('GET', '/notificaties/log', admin)).body as unknown;
  /** What to show when a wait fails: Doorstroom's notification log and the apps' last log lines. */
  const evidence = async () => {
    const logs = stack.logs();
    return [
      `notificaties/log: ${JSON.stringify(await notificatieLog().catch((e: unknown) => String(e))).slice(0, 3000)}`,
      `Open Notificaties celery:\n${logs.openNotificatiesCelery.slice(-3000)}`,
      `Open Zaak celery:\n${logs.openZaakCelery.slice(-2000)}`,
      `Doorstroom:\n${product.output().slice(-4000)}`,
    ].join('\n\n');
  };
  const until = async <T>(what: string, fn: () => Promise<T | undefined | false>, ms = 90_000): Promise<T> => {
    try {
      return await waitFor(what, fn, ms, 500);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n\n${await evidence()}`);
    }
  };

  beforeAll(async () => {
    let t = Date.now();
    stack = await startZgwStack({ log: (line) => process.stderr.write(`${line}\n`) });
    timings.stack = Date.now() - t;
    zs = zaaksysteem(stack.peer);
    zaken = `${stack.openZaak}/zaken/api/v1`;
    t = Date.now();
    product = await spawnProduct({
      ...(await productEnv(tempDataDir())),
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '1000000',
      // Open Zaak runs on this machine over plain http (docs/security.md: development allowances).
      DOORSTROOM_EGRESS_ALLOW_LOOPBACK: 'true',
      DOORSTROOM_WEBHOOK_ALLOW_HTTP: 'true',
    });
    timings.product = Date.now() - t;
    admin = await login('admin', ADMIN_PASSWORD);

    // The link, as docs/zgw.md says a municipality sets it up: client credentials, the process link.
    const c = stack.catalogus;
    const settings = await call('PUT', '/zgw-settings', admin, {
      zakenUrl: zaken,
      catalogiUrl: `${stack.openZaak}/catalogi/api/v1`,
      besluitenUrl: `${stack.openZaak}/besluiten/api/v1`,
      documentenUrl: `${stack.openZaak}/documenten/api/v1`,
      clientId: stack.client.id,
      clientSecret: stack.client.secret,
      bronorganisatie: stack.bronorganisatie,
      enabled: true,
      processLinks: [
        {
          processId: 'huisvesting-statushouder',
          zaaktype: c.zaaktype,
          statustypen: [
            { step: 'voorrangsbesluit', statustype: c.statustypen[0] },
            { step: 'wacht-op-aanbod', statustype: c.statustypen[1] },
          ],
          besluittype: c.besluittype,
          informatieobjecttype: c.informatieobjecttype,
          resultaattype: c.resultaattype,
          eindstatustype: c.statustypen[2],
          // The zaaktype has one resultaattype; a municipality would add one such as "Geannuleerd".
          cancelledResultaattype: c.resultaattype,
        },
      ],
      reason: 'aansluiten op Open Zaak (test:zgw)',
    });
    expect(settings.status).toBe(200);

    // The abonnement's key: only notificaties:receive; Open Notificaties sends it as the Authorization header.
    const key = await call('POST', '/api-keys', admin, {
      name: 'open-notificaties',
      permissions: ['notificaties:receive'],
    });
    expect(key.status).toBe(201);
    await stack.subscribe(`${product.url}/api/v1/notificaties`, `Bearer ${key.body.secret as string}`);
  }, 1_800_000);

  afterAll(async () => {
    await product?.stop();
    await stack?.stop();
    process.stderr.write(`test:zgw timings (ms): ${JSON.stringify(timings)}\n`);
  }, 120_000);

  describe('a zaak registered in Open Zaak (zaaktype NAREIZIGER-HOTELVERBLIJF)', () => {
    let zaak: Record<string, any>;
    let caseId: string;

    beforeAll(async () => {
      const n = stack.catalogus.nareiziger;
      // Mappings read the zaak behind the notification. A zaaksysteem registers a zaak, then its
      // eigenschappen, then sets its first status: the case starts on that status, when the zaak is complete.
      const start = await call('POST', '/notificatie-mappings', admin, {
        name: 'Nareiziger aangemeld in Open Zaak',
        kanaal: 'zaken',
        resource: 'status',
        actie: 'create',
        kenmerken: { zaaktype: n.zaaktype },
        action: {
          kind: 'start-case',
          processId: 'nareiziger-hotelverblijf',
          caseRefPrefix: 'zgw-',
          data: {
            municipality: { value: TEST_TENANT },
            householdSize: { from: 'eigenschap:huishoudgrootte', as: 'integer' },
            registrationDate: { from: 'zaak.startdatum' },
          },
          when: { 'status.statustype': [n.statustypen[0]] },
        },
        reason: 'zaken uit Open Zaak starten een hotelverblijf',
      });
      expect(start.status).toBe(201);
      const placed = await call('POST', '/notificatie-mappings', admin, {
        name: 'Hotel geplaatst in Open Zaak',
        kanaal: 'zaken',
        resource: 'status',
        actie: 'create',
        kenmerken: { zaaktype: n.zaaktype },
        action: {
          kind: 'send-event',
          processId: 'nareiziger-hotelverblijf',
          caseRefPrefix: 'zgw-',
          eventName: 'hotel-geplaatst',
          payload: {
            placementDate: { from: 'status.datumStatusGezet', as: 'date' },
            hotelMunicipality: { value: TEST_TENANT },
          },
          when: { 'status.statustype': [n.statustypen[1]] },
        },
        reason: 'status Hotel geplaatst in Open Zaak',
      });
      expect(placed.status).toBe(201);
    });

    it('starts a case here: householdSize from the eigenschap, registrationDate from the zaak', async () => {
      const n = stack.catalogus.nareiziger;
      const t0 = Date.now();
      zaak = await zs.post(`${zaken}/zaken`, {
        zaaktype: n.zaaktype,
        bronorganisatie: stack.bronorganisatie,
        verantwoordelijkeOrganisatie: stack.bronorganisatie,
        startdatum: today(),
        omschrijving: 'Nareiziger (test:zgw)',
      });
      await zs.post(`${zaak.url as string}/zaakeigenschappen`, {
        zaak: zaak.url,
        eigenschap: n.eigenschap,
        waarde: '3',
      });
      await zs.post(`${zaken}/statussen`, {
        zaak: zaak.url,
        statustype: n.statustypen[0],
        datumStatusGezet: new Date(Date.now() - 120_000).toISOString(),
      });
      const caseRef = `zgw-${zaak.uuid as string}`;
      const found = await until(`a case ${caseRef}`, async () =>
        (await cases('nareiziger-hotelverblijf')).find((c) => c.caseRef === caseRef),
      );
      timings.zaakToCase = Date.now() - t0;
      caseId = found.caseId as string;
      const state = await readCase(caseId);
      expect(state.currentStep).toBe('wacht-op-hotelplaatsing');
      expect(state.data).toMatchObject({ municipality: TEST_TENANT, householdSize: 3, registrationDate: today() });
    });

    it('a status set in Open Zaak moves the case: hotel-geplaatst with the status date', async () => {
      expect(caseId).toBeDefined();
      const t0 = Date.now();
      const gezet = new Date(Date.now() - 60_000).toISOString();
      await zs.post(`${zaken}/statussen`, {
        zaak: zaak.url,
        statustype: stack.catalogus.nareiziger.statustypen[1],
        datumStatusGezet: gezet,
      });
      const state = await until('the case in coa-betaalde-periode', async () => {
        const s = await readCase(caseId);
        return s.currentStep === 'coa-betaalde-periode' && s;
      });
      timings.statusToEvent = Date.now() - t0;
      expect(JSON.stringify(state)).toContain(amsterdamDate(gezet));
    });
  });

  describe('a case started here for a process linked to zaaktype HUISVESTING-STATUSHOUDER', () => {
    it('creates its zaak there with statussen; the confirmed decision becomes a besluit with its PDF, linked to zaak and besluit', async () => {
      const c = stack.catalogus;
      // The municipality can sign besluiten; its housing-priority rules are published (designer, approver).
      expect((await call('PUT', '/municipality/profile', admin, PROFILE)).status).toBe(200);
      const designer = await person('ontwerper', ['designer']);
      const approver = await person('goedkeurder', ['approver']);
      const behandelaar = await person('behandelaar', ['behandelaar']);
      const draft = await call('GET', '/rulesets/housing-priority/versions/1', designer);
      const content = JSON.parse(
        JSON.stringify(draft.body.content)
          .replace(/\{\{gemeente\}\}/g, 'Amsterdam')
          .replace(/\{\{jaar\}\}/g, '2026')
          .replace(/\{\{artikel[a-z-]*\}\}/g, '2.7'),
      ) as unknown;
      expect((await call('PUT', '/rulesets/housing-priority/versions/1', designer, { content })).status).toBe(200);
      expect(
        (await call('POST', '/rulesets/housing-priority/versions/1/submit', designer, { comment: 'ingevuld' })).status,
      ).toBe(200);
      expect(
        (await call('POST', '/rulesets/housing-priority/versions/1/approve', approver, { comment: 'akkoord' })).status,
      ).toBe(200);

      const t0 = Date.now();
      const key = await call('POST', '/api-keys', admin, {
        name: 'intake',
        permissions: ['cases:start', 'cases:read'],
      });
      const intake = { authorization: `Bearer ${key.body.secret as string}` };
      const started = await api(
        product.url,
        'POST',
        '/processes/huisvesting-statushouder/cases',
        {
          caseRef: `KOP-${Date.now()}`,
          data: {
            municipality: TEST_TENANT,
            householdSize: 4,
            permitType: 'asiel',
            permitDate: today(),
            koppelingDate: today(),
            statushouder: { dateOfBirth: '1990-05-01' },
          },
        },
        intake,
      );
      expect(started.status).toBe(201);
      const caseId = started.body.caseId as string;

      // Its zaak: each write to Open Zaak is audited with its URL (action zgw.<kind>, the case as target).
      const zaakUrlIn = (found: unknown) =>
        JSON.stringify(found).match(new RegExp(`${zaken.replace(/[.]/g, '\\.')}/zaken/[0-9a-f-]{36}`))?.[0];
      const zaakUrl = await until('the audit trail to name the zaak created in Open Zaak', async () =>
        zaakUrlIn((await call('GET', `/audit?action=zgw.&targetId=${caseId}`, admin)).body),
      );
      timings.caseToZaak = Date.now() - t0;
      const zaak = await zs.get(zaakUrl);
      expect(zaak).toMatchObject({ zaaktype: c.zaaktype, bronorganisatie: stack.bronorganisatie });
      // The step entered (voorrangsbesluit) is the zaak's status.
      await until('the zaak status Gekoppeld', async () => {
        const statussen = await zs.get(`${zaken}/statussen?zaak=${encodeURIComponent(zaakUrl)}`);
        return (statussen.results as Array<{ statustype: string }>).some((s) => s.statustype === c.statustypen[0]);
      });

      // The behandelaar confirms the proposal here.
      await until('the decision to wait for confirmation', async () => {
        const s = await readCase(caseId);
        return s.pendingDecision?.phase === 'confirmation' && s;
      });
      const t1 = Date.now();
      const confirmed = await call('POST', `/cases/${caseId}/decisions/voorrangsbesluit/confirm`, behandelaar, {
        branch: 'priority',
      });
      expect(confirmed.status).toBe(200);
      const besluitHere = confirmed.body.decision.besluit as { id: string; sha256: string };

      // There: a besluit of the besluittype on the zaak, with the PDF as its informatieobject.
      const besluiten = `${stack.openZaak}/besluiten/api/v1`;
      const besluit = await until('a besluit on the zaak in the Besluiten API', async () => {
        const list = await zs.get(`${besluiten}/besluiten?zaak=${encodeURIComponent(zaakUrl)}`);
        return (list.results as Array<Record<string, any>>)[0];
      });
      expect(besluit).toMatchObject({
        besluittype: c.besluittype,
        zaak: zaakUrl,
        verantwoordelijkeOrganisatie: stack.bronorganisatie,
      });
      const bio = await until('the besluit PDF linked to the besluit', async () => {
        const list = (await zs.get(
          `${besluiten}/besluitinformatieobjecten?besluit=${encodeURIComponent(besluit.url as string)}`,
        )) as unknown as Array<Record<string, any>>;
        return list[0];
      });
      timings.confirmToBesluit = Date.now() - t1;
      const document = await zs.get(bio.informatieobject as string);
      expect(document).toMatchObject({
        informatieobjecttype: c.informatieobjecttype,
        formaat: 'application/pdf',
        taal: 'nld',
        bronorganisatie: stack.bronorganisatie,
      });
      const pdf = await zs.download(document.inhoud as string);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(sha256(pdf)).toBe(besluitHere.sha256);
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'zgw-besluit-')), 'besluit.pdf');
      writeFileSync(file, pdf);
      expect(execFileSync('pdftotext', ['-layout', file, '-']).toString()).toMatch(/Amsterdam/);
      // …and to the zaak.
      await until('the besluit PDF linked to the zaak', async () => {
        const zios = (await zs.get(
          `${zaken}/zaakinformatieobjecten?zaak=${encodeURIComponent(zaakUrl)}`,
        )) as unknown as Array<Record<string, any>>;
        return zios.some((z) => z.informatieobject === document.url);
      });
      // The next step's status (wacht-op-aanbod) follows the decision.
      await until('the zaak status Wacht op aanbod', async () => {
        const statussen = await zs.get(`${zaken}/statussen?zaak=${encodeURIComponent(zaakUrl)}`);
        return (statussen.results as Array<{ statustype: string }>).some((s) => s.statustype === c.statustypen[1]);
      });

      // Here: the case timeline says what was written, in words, and nothing failed.
      const view = (await call('GET', `/monitor/cases/${caseId}`, admin)).body as {
        timeline: Array<{ type: string; text: { nl: string } }>;
      };
      const said = view.timeline.map((e) => e.text.nl);
      expect(said).toEqual(
        expect.arrayContaining([
          'Zaak aangemaakt in het zaaksysteem',
          'Besluit geregistreerd in het zaaksysteem',
          'Besluit-PDF opgeslagen in het zaaksysteem',
        ]),
      );
      expect(said.filter((t) => t.startsWith('Status gezet in het zaaksysteem')).length).toBeGreaterThanOrEqual(2);
      expect(view.timeline.filter((e) => e.type.endsWith('-failing'))).toEqual([]);

      // The case is cancelled here: its zaak there gets the resultaat (with the fixed toelichting,
      // never the reason) and the eindstatus, and is closed (einddatum set).
      const t2 = Date.now();
      const cancelled = await call('POST', `/cases/${caseId}/cancel`, behandelaar, {
        reason: 'Huishouden verhuisd naar een andere gemeente',
      });
      expect(cancelled.status).toBe(202);
      const closed = await until('the zaak closed in Open Zaak', async () => {
        const z = await zs.get(zaakUrl);
        return z.einddatum ? z : undefined;
      });
      timings.cancelToClosed = Date.now() - t2;
      const resultaat = await zs.get(closed.resultaat as string);
      expect(resultaat).toMatchObject({
        resultaattype: c.resultaattype,
        toelichting: expect.stringMatching(/^Geannuleerd in Doorstroom/),
      });
      expect(JSON.stringify(resultaat)).not.toContain('verhuisd');
      const statussen = await zs.get(`${zaken}/statussen?zaak=${encodeURIComponent(zaakUrl)}`);
      expect((statussen.results as Array<{ statustype: string }>).some((s) => s.statustype === c.statustypen[2])).toBe(
        true,
      );
      await until('the timeline to say the zaak was closed as cancelled', async () => {
        const v = (await call('GET', `/monitor/cases/${caseId}`, admin)).body as typeof view;
        return v.timeline.some((e) => e.text.nl === 'Zaak afgesloten in het zaaksysteem als geannuleerd');
      });
    });
  });
});
