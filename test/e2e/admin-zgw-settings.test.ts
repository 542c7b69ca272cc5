import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedsFor } from '../../services/wiring/seeds';
import { findZgwSettingsRow } from '../../services/zgw/zgw-settings';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { signInLocally, startAdminApp, type AdminE2eApp } from '../support/oidc-admin-app';
import { addTenant, addUser, TEST_PASSWORD } from '../support/store-app';

const TENANT = 'GM0363';
const OZ = 'https://openzaak.gemeente.nl';
const SECRET = 'zgw-geheim-uit-open-zaak';

describe('Beheer in Chromium: the ZGW link (Open Zaak) in the Notificaties tab', () => {
  let a: AdminE2eApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    a = await startAdminApp();
    // The built-in processes published in the municipality, as in the product: links name their steps.
    a.t.deps.seeds = (gm) => seedsFor(gm, '2026-01-01');
    await addTenant(a.t, TENANT, 'Amsterdam');
    await addUser(a.t, TENANT, 'beheerder', ['admin']);
    browser = await launchBrowser();
    ({ page } = await signInLocally(browser, a.base, TENANT, 'beheerder', TEST_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await a?.stop();
  });

  it('saves base URLs, client, RSIN and a process with its zaaktype and a statustype; the secret is not shown again', async () => {
    await page.goto(`${a.base}/beheer?tab=notificaties`);
    await page.getByRole('heading', { name: 'ZGW-koppeling (Open Zaak)' }).waitFor();
    const form = page.locator('section[aria-labelledby="zgw-title"]');
    for (const [label, api] of [
      ['Zaken API', 'zaken'],
      ['Catalogi API', 'catalogi'],
      ['Besluiten API', 'besluiten'],
      ['Documenten API', 'documenten'],
    ] as const)
      await form.getByLabel(label, { exact: true }).fill(`${OZ}/${api}/api/v1`);
    await form.getByLabel('Client id', { exact: true }).fill('doorstroom-gm0363');
    await form.getByLabel('Client secret', { exact: true }).fill(SECRET);
    await form.getByLabel('RSIN van de gemeente (bronorganisatie)').fill('002220647');
    await form.getByLabel('Koppeling aan').check();
    await form.getByRole('button', { name: 'Proces toevoegen' }).click();
    await form.getByLabel('Proces 1').fill('nareiziger-hotelverblijf');
    await form.getByLabel('Zaaktype', { exact: true }).fill(`${OZ}/catalogi/api/v1/zaaktypen/0119dd4e`);
    await form.getByRole('button', { name: 'Stap met statustype toevoegen' }).click();
    await form.getByLabel('Stap 1').fill('wacht-op-hotelplaatsing');
    await form.getByLabel('Statustype 1').fill(`${OZ}/catalogi/api/v1/statustypen/1`);
    await form.getByRole('button', { name: 'Resultaattype voor een uitkomst toevoegen' }).click();
    await form.getByLabel('Uitkomst 1').fill('beeindigd');
    await form.getByLabel('Resultaattype bij het einde 1').fill(`${OZ}/catalogi/api/v1/resultaattypen/9`);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Opgeslagen.').waitFor();
    await form.getByText('Er is een secret opgeslagen; leeg laten houdt het.').waitFor();
    expect(await form.getByLabel('Client secret', { exact: true }).inputValue()).toBe('');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-zgw-settings.png'), fullPage: true });

    const row = (await findZgwSettingsRow(a.t.deps.store.db, TENANT))!;
    expect(row).toMatchObject({ zaken_url: `${OZ}/zaken/api/v1`, bronorganisatie: '002220647', enabled: 1 });
    expect(JSON.parse(row.process_links)).toEqual([
      {
        processId: 'nareiziger-hotelverblijf',
        zaaktype: `${OZ}/catalogi/api/v1/zaaktypen/0119dd4e`,
        statustypen: [{ step: 'wacht-op-hotelplaatsing', statustype: `${OZ}/catalogi/api/v1/statustypen/1` }],
        resultaattypen: [{ outcome: 'beeindigd', resultaattype: `${OZ}/catalogi/api/v1/resultaattypen/9` }],
      },
    ]);
    expect(row.client_secret_enc).not.toContain(SECRET);
  });

  it('refuses a step the process does not have, at its path, in Dutch', async () => {
    const form = page.locator('section[aria-labelledby="zgw-title"]');
    await form.getByLabel('Stap 1').fill('geen-stap');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toMatch(/Stap geen-stap bestaat niet/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-zgw-settings-step-refused.png'), fullPage: true });
    await form.getByLabel('Stap 1').fill('wacht-op-hotelplaatsing');
  });

  it('shows the server’s refusal with its words and keeps what was typed', async () => {
    const form = page.locator('section[aria-labelledby="zgw-title"]');
    await form.getByLabel('RSIN van de gemeente (bronorganisatie)').fill('123');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toMatch(/bronorganisatie/);
    expect(await form.getByLabel('RSIN van de gemeente (bronorganisatie)').inputValue()).toBe('123');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-zgw-settings-refused.png'), fullPage: true });
  });
});
