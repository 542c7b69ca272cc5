import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { signInLocally, startAdminApp, type AdminE2eApp } from '../support/oidc-admin-app';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';
import { addTenant, addUser, TEST_PASSWORD } from '../support/store-app';

const TENANT = 'GM0344';
const REFRESH_MS = 60_000;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `admin-oidc-${name}.png`), fullPage: true });

describe('Sign-in through the municipality’s identity provider, in Chromium', () => {
  let a: AdminE2eApp;
  let idp: TestProvider;
  let browser: Browser;

  beforeAll(async () => {
    a = await startAdminApp({ refreshMs: REFRESH_MS });
    await addTenant(a.t, TENANT, 'Utrecht');
    await addUser(a.t, TENANT, 'beheerder', ['admin']);
    idp = await startTestProvider({
      redirectUris: [`${a.base}/api/v1/auth/oidc/callback`],
      postLogoutRedirectUris: [`${a.base}/`],
      accounts: [{ sub: 'sub-anna', username: 'anna', name: 'Anna de Vries', groups: ['doorstroom-ontwerpers'] }],
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await idp?.stop();
    await a?.stop();
  });

  it('an administrator connects the identity provider in the web app', async () => {
    const { page, context } = await signInLocally(browser, a.base, TENANT, 'beheerder', TEST_PASSWORD);
    await page.goto(`${a.base}/beheer?tab=municipality`);
    await page.getByRole('heading', { name: 'Inloggen via de identiteitsprovider' }).waitFor();
    await expect(page.getByLabel('Redirect-URI (registreer deze bij de provider)').inputValue()).resolves.toBe(
      `${a.base}/api/v1/auth/oidc/callback`,
    );
    // Registered at the provider so that logging out there ends the session here (back-channel logout).
    await expect(
      page
        .getByLabel(
          'Back-channel-uitlog-URI (registreer deze bij de provider: uitloggen daar beëindigt de sessie hier)',
        )
        .inputValue(),
    ).resolves.toBe(`${a.base}/api/v1/auth/oidc/backchannel-logout`);
    await page.getByLabel('Issuer-URL').fill(idp.issuer);
    await page.getByLabel('Client-ID').fill(idp.clientId);
    await page.getByLabel('Client-secret').fill(idp.clientSecret);
    await page.getByLabel('Scopes (gescheiden door spaties)').fill('openid profile groups');
    await page.getByLabel('Groep bij de provider 1').fill('doorstroom-ontwerpers');
    await page.getByRole('checkbox', { name: 'Inloggen via de identiteitsprovider aan' }).check();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('Opgeslagen.').last().waitFor();
    await expect(page.getByLabel('Client-secret').inputValue()).resolves.toBe('');
    await page.getByText(/Er is een geheim bewaard\./).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'settings');
    await context.close();
  });

  it('a user signs in through the provider, lands with the roles of their groups, and is refused after leaving the group', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${a.base}/`);
    await page.getByLabel('Gemeentecode').fill(TENANT);
    const viaIdp = page.getByRole('link', { name: 'Inloggen via uw organisatie' });
    await viaIdp.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'login-page');
    await viaIdp.click();
    await page.getByRole('heading', { name: 'Test-IdP: inloggen' }).waitFor();
    await page.getByLabel('Gebruikersnaam bij de gemeente').fill('anna');
    await page.getByRole('button', { name: 'Inloggen bij de gemeente' }).click();
    await page.getByRole('link', { name: 'Regels' }).waitFor();
    expect(new URL(page.url()).origin).toBe(a.base);
    const me = await (await context.request.get(`${a.base}/api/v1/auth/me`)).json();
    expect(me).toMatchObject({ tenant: TENANT, roles: ['designer'], user: { username: 'anna' } });
    await page.getByText('Anna de Vries').waitFor();
    await shot(page, 'signed-in');

    // Removed from the group at the provider: at the next refresh the session ends.
    idp.accounts.get('anna')!.groups = ['kantine'];
    a.t.clock.advance(REFRESH_MS + 1000);
    await page.reload();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await page.getByLabel('Gemeentecode').fill(TENANT);
    await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).click();
    // The provider still knows her (its own session): straight back, refused with a Dutch explanation.
    const refusal = page.getByRole('alert').filter({ hasText: 'uw groepen geven geen rol in Doorstroom' });
    await refusal.waitFor();
    expect(page.url()).toContain('signinError=OIDC_NO_ROLE');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'no-role');
    await context.close();
  });
});
