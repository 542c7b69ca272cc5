import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { signInLocally, startAdminApp, type AdminE2eApp } from '../support/oidc-admin-app';
import { addTenant, addUser, TEST_PASSWORD } from '../support/store-app';

const TENANT = 'GM0518';

// The user panel on the shared list-and-form component: its buttons are named after their row.
describe('Beheer in Chromium: users created, given roles, disabled and enabled again', () => {
  let a: AdminE2eApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    a = await startAdminApp();
    await addTenant(a.t, TENANT, "'s-Gravenhage");
    await addUser(a.t, TENANT, 'beheerder', ['admin']);
    browser = await launchBrowser();
    ({ page } = await signInLocally(browser, a.base, TENANT, 'beheerder', TEST_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await a?.stop();
  });

  it('creates a user with a one-time password, changes the roles, disables and enables the user', async () => {
    await page.goto(`${a.base}/beheer?tab=users`);
    await page.getByRole('heading', { name: 'Gebruikers', level: 2 }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill('fatima');
    await page.getByLabel('Naam', { exact: true }).fill('Fatima Ontwerper');
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await page.getByText(/Gebruiker fatima is aangemaakt\. Eenmalig wachtwoord: \S+/).waitFor();
    await page
      .getByRole('row', { name: /fatima.*Fatima Ontwerper.*ontwerper.*wachtwoord.*moet wachtwoord kiezen/ })
      .waitFor();

    await page.getByRole('button', { name: 'Rollen wijzigen: fatima' }).click();
    const roles = page.getByRole('group', { name: 'Rollen van fatima' });
    await roles.getByRole('checkbox', { name: 'goedkeurder' }).check();
    await page.getByRole('button', { name: 'Rollen opslaan' }).click();
    await page.getByRole('row', { name: /fatima.*ontwerper, goedkeurder/ }).waitFor();

    await page.getByRole('button', { name: 'Uitschakelen: fatima' }).click();
    await page.getByRole('row', { name: /fatima.*uitgeschakeld/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-users-disabled.png'), fullPage: true });
    await page.getByRole('button', { name: 'Inschakelen: fatima' }).click();
    await page.getByRole('button', { name: 'Uitschakelen: fatima' }).waitFor();
  });
});
