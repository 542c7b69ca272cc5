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
const CANCELLED_LABEL = 'Resultaattype bij annuleren (bijvoorbeeld “geannuleerd” of “ingetrokken”)';

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
    // A cancelled case closes its zaak with this resultaattype and the eindstatustype; its help says what empty means.
    const cancelled = form.getByLabel(CANCELLED_LABEL);
    await cancelled.fill(`${OZ}/catalogi/api/v1/resultaattypen/6`);
    expect(await form.getByText('Leeg: de zaak blijft open in het zaaksysteem.', { exact: false }).count()).toBe(1);
    await form.getByLabel('Eindstatustype (sluit de zaak)').fill(`${OZ}/catalogi/api/v1/statustypen/5`);
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
        eindstatustype: `${OZ}/catalogi/api/v1/statustypen/5`,
        cancelledResultaattype: `${OZ}/catalogi/api/v1/resultaattypen/6`,
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

  it('refuses a resultaattype for cancelled cases without an eindstatustype, with the server’s Dutch words', async () => {
    const form = page.locator('section[aria-labelledby="zgw-title"]');
    await form.getByLabel('RSIN van de gemeente (bronorganisatie)').fill('002220647');
    await form.getByLabel('Eindstatustype (sluit de zaak)').fill('');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toMatch(
      /Bij een resultaattype voor een geannuleerde zaak hoort een eindstatustype/,
    );
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'admin-zgw-settings-cancelled-refused.png'),
      fullPage: true,
    });
    await form.getByLabel('Eindstatustype (sluit de zaak)').fill(`${OZ}/catalogi/api/v1/statustypen/5`);
  });

  it('speaks English after the switch, the words coming from ui/src/i18n/admin-zgw.ts', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const form = page.locator('section[aria-labelledby="zgw-title"]');
    await page.getByRole('heading', { name: 'ZGW link (Open Zaak)' }).waitFor();
    expect(await form.getByLabel('Resultaattype on cancellation (e.g. “cancelled” or “withdrawn”)').inputValue()).toBe(
      `${OZ}/catalogi/api/v1/resultaattypen/6`,
    );
    await form.getByRole('button', { name: 'Add step with statustype' }).waitFor();
    // Away from the language button just clicked (its hover colours are not the page's).
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(500);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-zgw-settings-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'ZGW-koppeling (Open Zaak)' }).waitFor();
  });
});
