import { api, createApiKeyAsAdmin, listening, spawnProduct } from '../support/product-process';
import { ADMIN_PASSWORD, productEnv, tempDataDir } from '../support/runtime';
import { uniqueId } from '../support/factories';
import { daysAgo } from '../support/municipal-date';

// A hotel placement ten days back, so the six months the COA pays from it are still running when the
// test looks (a fixed date would let that period end and move the case on, some day).
const PLACED = daysAgo(10);

// The whole product as separate OS processes: stopping it must take the embedded Temporal
// server with it, and a case started before the stop must live on after the next start.
describe('restart on the same data directory', () => {
  it('keeps a running case, which still accepts its events; SIGTERM leaves no Temporal process', async () => {
    const dataDir = tempDataDir();
    const env = await productEnv(dataDir);
    const temporalPort = Number(env.TEMPORAL_DEV_PORT);

    const first = await spawnProduct(env);
    const auth = await createApiKeyAsAdmin(first.url, 'GM0363', ADMIN_PASSWORD);
    const started = await api(
      first.url,
      'POST',
      '/processes/nareiziger-hotelverblijf/cases',
      {
        caseRef: uniqueId('ZAAK'),
        data: { municipality: 'GM0363', householdSize: 2, registrationDate: '2026-11-01' },
      },
      auth,
    );
    expect(started.status).toBe(201);
    const caseId = started.body.caseId as string;
    const placed = await api(
      first.url,
      'POST',
      `/cases/${caseId}/events`,
      { name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: 'GM0363' } },
      auth,
    );
    expect(placed.status).toBe(200);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(await listening(temporalPort)).toBe(false);

    const second = await spawnProduct(env);
    try {
      const state = await api(second.url, 'GET', `/cases/${caseId}`, undefined, auth);
      expect(state.status).toBe(200);
      expect(state.body).toMatchObject({
        status: 'running',
        currentStep: 'coa-betaalde-periode',
        dates: { hotelStart: `${PLACED}T00:00:00.000Z` },
      });
      const housed = await api(
        second.url,
        'POST',
        `/cases/${caseId}/events`,
        { name: 'woning-gevonden', payload: { tenancyStartDate: '2026-12-01' } },
        auth,
      );
      expect(housed.body).toMatchObject({ accepted: true, status: 'completed', outcome: 'gehuisvest' });
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
    expect(await listening(temporalPort)).toBe(false);
  }, 240_000);
});
