import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AuthContext } from '../../server/auth/context';
import { createMapping } from '../../services/notificaties/mappings';
import { recordReceived } from '../../services/notificaties/notificatie-log';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { signInLocally, startAdminApp, type AdminE2eApp } from '../support/oidc-admin-app';
import { addTenant, addUser, TEST_PASSWORD } from '../support/store-app';

const TENANT = 'GM0363';

describe('Beheer in Chromium: what happened to each notification (Notificaties tab)', () => {
  let a: AdminE2eApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    a = await startAdminApp();
    await addTenant(a.t, TENANT, 'Amsterdam');
    await addUser(a.t, TENANT, 'beheerder', ['admin']);
    const admin: AuthContext = {
      tenant: TENANT,
      actor: { kind: 'user', id: 'beheerder', name: 'beheerder' },
      roles: ['admin'],
      permissions: [],
    };
    const deps = { store: a.t.deps.store, clock: () => new Date() };
    const start = await createMapping(deps, admin, {
      name: 'Nareiziger geregistreerd (uit de zaak)',
      kanaal: 'zaken',
      resource: 'zaak',
      actie: 'create',
      kenmerken: {},
      action: {
        kind: 'start-case',
        processId: 'nareiziger-hotelverblijf',
        data: { registrationDate: { from: 'zaak.startdatum' } },
      },
    });
    const hotel = await createMapping(deps, admin, {
      name: 'Hotelplaatsing (status)',
      kanaal: 'zaken',
      resource: 'status',
      actie: 'create',
      kenmerken: {},
      action: {
        kind: 'send-event',
        processId: 'nareiziger-hotelverblijf',
        eventName: 'hotel-geplaatst',
        when: { 'status.statustype': ['https://openzaak.gemeente.nl/catalogi/api/v1/statustypen/1'] },
      },
    });
    const db = a.t.deps.store.db;
    const base = { tenant_id: TENANT, kanaal: 'zaken', actie: 'create' };
    await recordReceived(db, {
      ...base,
      id: 'a'.repeat(40),
      received_at: '2026-11-30T09:00:00.000Z',
      resource: 'zaak',
      mode: 'zaak',
      mapping_id: start.id,
      result: 'case-started',
      case_id: 'GM0363-nareiziger-hotelverblijf-93b5556862aad9736d3a89a1',
      completed_at: '2026-11-30T09:00:02.000Z',
    });
    await recordReceived(db, {
      ...base,
      id: 'b'.repeat(40),
      received_at: '2026-11-30T10:15:00.000Z',
      resource: 'status',
      mode: 'zaak',
      mapping_id: hotel.id,
      result: 'ignored',
      ignore_reason: 'conditions',
      completed_at: '2026-11-30T10:15:01.000Z',
    });
    await recordReceived(db, {
      ...base,
      id: 'c'.repeat(40),
      received_at: '2026-11-30T11:30:00.000Z',
      resource: 'zaak',
      mode: 'zaak',
      mapping_id: start.id,
      result: 'failed',
      error_code: 'ZGW_REFUSED',
      http_status: 404,
      completed_at: '2026-11-30T11:30:01.000Z',
    });
    await recordReceived(db, {
      ...base,
      id: 'd'.repeat(40),
      received_at: '2026-11-30T12:00:00.000Z',
      kanaal: 'documenten',
      resource: 'enkelvoudiginformatieobject',
      mode: 'kenmerken',
      mapping_id: null,
      result: 'ignored',
      ignore_reason: 'no-mapping',
      completed_at: '2026-11-30T12:00:00.000Z',
    });
    browser = await launchBrowser();
    ({ page } = await signInLocally(browser, a.base, TENANT, 'beheerder', TEST_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await a?.stop();
  });

  it('lists each notification newest first: time in words, mapping by name, result with its reason or code, in Dutch', async () => {
    await page.goto(`${a.base}/beheer?tab=notificaties`);
    const log = page.locator('section[aria-labelledby="notificaties-log-title"]');
    await log.getByRole('heading', { name: 'Ontvangen notificaties' }).waitFor();
    const rows = log.locator('tbody tr');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts).toHaveLength(4);
    expect(texts[0]).toMatch(/30 november 2026/);
    expect(texts[0]).toMatch(/documenten \/ enkelvoudiginformatieobject \/ create/);
    expect(texts[0]).toMatch(/genegeerd: geen vertaling past/);
    expect(texts[1]).toMatch(
      /Nareiziger geregistreerd \(uit de zaak\)[\s\S]*zaak gelezen[\s\S]*mislukt: ZGW_REFUSED \(HTTP 404\)/,
    );
    expect(texts[2]).toMatch(/Hotelplaatsing \(status\)[\s\S]*genegeerd: de zaak voldoet aan geen voorwaarde/);
    expect(texts[3]).toMatch(/zaak gestart[\s\S]*GM0363-nareiziger-hotelverblijf-93b5556862aad9736d3a89a1/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await log.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-notificaties-log.png'), fullPage: true });
  });
});
