import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { eventually, OTHER_TENANT, TEST_TENANT } from '../../support/runtime';
import { uniqueId } from '../../support/factories';
import { daysAgo, startMonitorProduct, type MonitorProduct } from './monitor-product';

describe('monitor API over the real product', () => {
  let p: MonitorProduct;
  let supervisor: Record<string, string>;
  let designer: Record<string, string>;
  let otherSupervisor: Record<string, string>;
  const hotelCases: string[] = [];

  const startHotel = async (placementDaysAgo: number | null) => {
    const res = await request(p.monitorApp)
      .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
      .set(p.auth)
      .send({
        caseRef: uniqueId('MON-H'),
        data: { municipality: TEST_TENANT, householdSize: 2, registrationDate: daysAgo(200) },
      });
    expect(res.status).toBe(201);
    const caseId = res.body.caseId as string;
    if (placementDaysAgo !== null) {
      const ev = await request(p.monitorApp)
        .post(`/api/v1/cases/${caseId}/events`)
        .set(p.auth)
        .send({
          name: 'hotel-geplaatst',
          payload: { placementDate: daysAgo(placementDaysAgo), hotelMunicipality: TEST_TENANT },
        });
      expect(ev.status).toBe(200);
    }
    return caseId;
  };

  beforeAll(async () => {
    p = await startMonitorProduct();
    supervisor = await p.session(TEST_TENANT, 'toezicht', ['supervisor']);
    designer = await p.session(TEST_TENANT, 'ontwerper', ['designer']);
    otherSupervisor = await p.session(OTHER_TENANT, 'toezicht', ['supervisor']);
    // Months of stay 1, 5, 5 and 6 (days since placement), and one still waiting for a hotel.
    for (const d of [10, 130, 140, 160, null]) hotelCases.push(await startHotel(d));
  }, 120_000);
  afterAll(async () => p?.stop(), 30_000);

  it('counts cases per process and step, hotel stays by month of stay, and deadlines', async () => {
    const summary = await eventually(async () => {
      const res = await request(p.monitorApp).get('/api/v1/monitor/summary').set(designer);
      expect(res.status).toBe(200);
      const hotel = res.body.processes.find((x: { processId: string }) => x.processId === 'nareiziger-hotelverblijf');
      const month5 = res.body.hotelStays.byMonth.find((b: { month: number }) => b.month === 5)?.count;
      // Visibility catches up with the last step changes a moment after the counts.
      const waiting = hotel?.steps.find((x: { step: string }) => x.step === 'wacht-op-hotelplaatsing')?.running;
      return hotel?.running === 5 && month5 === 2 && waiting === 1 ? res.body : undefined;
    }, 30_000);
    const hotel = summary.processes.find((x: { processId: string }) => x.processId === 'nareiziger-hotelverblijf');
    expect(hotel.steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ step: 'coa-betaalde-periode', running: 4 }),
        expect.objectContaining({ step: 'wacht-op-hotelplaatsing', running: 1 }),
      ]),
    );
    expect(summary.hotelStays.byMonth.map((b: { count: number }) => b.count)).toEqual([1, 0, 0, 0, 2, 1, 0]);
    expect(summary.deadlines.next30Days).toBeGreaterThanOrEqual(2);
    expect(summary.taakstelling.currentHalfYear).toMatch(/^\d{4}-H[12]$/);
    expect(summary.koppelingToHome.normWeeks).toBe(12);
  }, 60_000);

  it('shows a case with its graph, path, timeline and expected events; only a supervisor may act', async () => {
    const caseId = hotelCases[4] as string;
    const asDesigner = await request(p.monitorApp).get(`/api/v1/monitor/cases/${caseId}`).set(designer);
    expect(asDesigner.status).toBe(200);
    expect(asDesigner.body).toMatchObject({
      caseId,
      currentStep: 'wacht-op-hotelplaatsing',
      status: 'running',
      canAct: false,
    });
    expect(asDesigner.body.path).toEqual(['registratie', 'wacht-op-hotelplaatsing']);
    expect(asDesigner.body.expectedEvents.map((e: { name: string }) => e.name)).toContain('hotel-geplaatst');
    expect(asDesigner.body.timeline[0].text.nl).toBe('Zaak gestart');
    const refused = await request(p.monitorApp)
      .post(`/api/v1/cases/${caseId}/events`)
      .set(designer)
      .send({ name: 'hotel-geplaatst', payload: { placementDate: daysAgo(1), hotelMunicipality: TEST_TENANT } });
    expect(refused.status).toBe(403);
    const asSupervisor = await request(p.monitorApp).get(`/api/v1/monitor/cases/${caseId}`).set(supervisor);
    expect(asSupervisor.body.canAct).toBe(true);
  }, 30_000);

  it('gives the case page its history and decisions without the case data it does not show (issue 17)', async () => {
    const started = await request(p.monitorApp)
      .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
      .set(p.auth)
      .send({
        caseRef: uniqueId('MON-P'),
        data: {
          municipality: TEST_TENANT,
          householdSize: 2,
          registrationDate: daysAgo(20),
          nareiziger: { name: 'Yara Voorbeeld' },
        },
      });
    expect(started.status).toBe(201);
    const caseId = started.body.caseId as string;
    const full = await request(p.monitorApp).get(`/api/v1/cases/${caseId}`).set(p.auth);
    expect(JSON.stringify(full.body)).toContain('Yara Voorbeeld');

    const view = await request(p.monitorApp).get(`/api/v1/monitor/cases/${caseId}`).set(supervisor);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toContain('Yara');
    expect(view.body).not.toHaveProperty('data');
    expect(view.body).not.toHaveProperty('variables');
    expect(view.body).toMatchObject({ pendingDecision: null, decisionRecords: [] });
    expect(view.body.history).toEqual(full.body.history);
  }, 30_000);

  it('keeps municipalities apart: another municipality sees neither the case nor its counts', async () => {
    const res = await request(p.monitorApp)
      .get(`/api/v1/monitor/cases/${hotelCases[0] as string}`)
      .set(otherSupervisor);
    expect(res.status).toBe(404);
    const summary = await request(p.monitorApp).get('/api/v1/monitor/summary').set(otherSupervisor);
    expect(summary.body.processes.every((x: { running: number }) => x.running === 0)).toBe(true);
  }, 30_000);

  it('refuses API keys and people without a municipal role', async () => {
    expect((await request(p.monitorApp).get('/api/v1/monitor/summary').set(p.auth)).status).toBe(403);
    expect((await request(p.monitorApp).get('/api/v1/monitor/summary')).status).toBe(401);
  });

  it('keeps saved filters per user', async () => {
    const saved = await request(p.monitorApp)
      .post('/api/v1/monitor/saved-filters')
      .set(supervisor)
      .send({ name: 'Te laat', filter: { overdue: true }, columns: ['caseRef', 'step'] });
    expect(saved.status).toBe(201);
    expect((await request(p.monitorApp).get('/api/v1/monitor/saved-filters').set(supervisor)).body.items).toHaveLength(
      1,
    );
    expect((await request(p.monitorApp).get('/api/v1/monitor/saved-filters').set(designer)).body.items).toHaveLength(0);
    expect(
      (
        await request(p.monitorApp)
          .delete(`/api/v1/monitor/saved-filters/${saved.body.id as string}`)
          .set(designer)
      ).status,
    ).toBe(404);
    expect(
      (
        await request(p.monitorApp)
          .delete(`/api/v1/monitor/saved-filters/${saved.body.id as string}`)
          .set(supervisor)
      ).status,
    ).toBe(204);
  });

  it('pushes a "changed" message with the case and its new step within 2 seconds of an event', async () => {
    const caseId = hotelCases[4] as string;
    const server = http.createServer(p.monitorApp).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const received: string[] = [];
      const req = http.get({
        host: '127.0.0.1',
        port,
        path: `/api/v1/monitor/events?watch=${caseId}`,
        headers: supervisor,
      });
      const response = await new Promise<http.IncomingMessage>((r) => req.once('response', r));
      expect(response.headers['content-type']).toContain('text/event-stream');
      response.on('data', (c: Buffer) => received.push(c.toString()));
      await new Promise((r) => setTimeout(r, 1500)); // the first poll learns the current state
      const sentAt = Date.now();
      const ev = await request(p.monitorApp)
        .post(`/api/v1/cases/${caseId}/events`)
        .set(supervisor)
        .send({ name: 'hotel-geplaatst', payload: { placementDate: daysAgo(2), hotelMunicipality: TEST_TENANT } });
      expect(ev.status).toBe(200);
      await eventually(async () => received.join('').includes('coa-betaalde-periode'), 5000);
      expect(Date.now() - sentAt).toBeLessThan(2500);
      const data = received
        .join('')
        .split('\n')
        .find((l) => l.startsWith('data:') && l.includes(caseId)) as string;
      const msg = JSON.parse(data.slice(5));
      expect(msg.cases[0]).toEqual({
        caseId,
        processId: 'nareiziger-hotelverblijf',
        step: 'coa-betaalde-periode',
        status: 'running',
      });
      // No personal data: references and codes only.
      expect(data).not.toMatch(/householdSize|placementDate|GM0363-?[A-Z]/);
      req.destroy();
    } finally {
      server.close();
    }
  }, 30_000);
});
