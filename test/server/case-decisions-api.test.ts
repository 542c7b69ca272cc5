import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../support/runtime';
import { userCaller, type StoreTestApp } from '../support/store-app';
import { uniqueId } from '../support/factories';
import { freePort } from '../../platform/temporal/free-port';
import { createSubscription } from '../../services/webhooks/subscriptions';
import { publishSeededRuleSet } from '../services/versions/publish-seeded';
import { createReceiver, type Receiver } from '../services/webhooks/support/receiver';

const PROCESS = 'huisvesting-statushouder';
const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const caseData = (statushouder: Record<string, unknown>) => ({
  municipality: TEST_TENANT,
  householdSize: 4,
  permitType: 'asiel',
  permitDate: today,
  koppelingDate: today,
  statushouder,
});
const PROFILE = {
  address: { street: 'Postbus 202', postcode: '1000 AE', city: 'Amsterdam' },
  signatory: { name: 'J. de Vries', function: 'teamleider Wonen' },
  byeLaw: { name: 'Huisvestingsverordening Amsterdam', year: 2026, articles: { 'housing-priority': 'art. 2.7' } },
  court: 'Rechtbank Amsterdam',
};

describe('decisions through the API: proposed by the rules, taken by a case handler (real Temporal)', () => {
  let product: RunningProduct;
  let t: StoreTestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    product = await startProduct();
    t = { app: product.app, deps: product.product.storeDeps, clock: () => new Date() } as unknown as StoreTestApp;
    await publishSeededRuleSet(t, TEST_TENANT);
    receiver = createReceiver(await freePort());
    await receiver.listen();
    await createSubscription(
      { store: product.product.store, clock: () => new Date() },
      { tenant: TEST_TENANT, actor: { kind: 'user', id: 'admin', name: 'admin' }, roles: ['admin'], permissions: [] },
      {
        url: receiver.url,
        eventTypes: ['decision.incomplete', 'decision.proposed', 'decision.confirmed', 'besluit.created'],
      },
    );
  }, 120_000);
  afterAll(async () => {
    await product?.stop();
    await receiver?.close();
  }, 30_000);

  const start = async (statushouder: Record<string, unknown>) => {
    const res = await request(product.app)
      .post(`/api/v1/processes/${PROCESS}/cases`)
      .set(product.auth)
      .send({ caseRef: uniqueId('ZAAK'), data: caseData(statushouder) });
    expect(res.status).toBe(201);
    return res.body.caseId as string;
  };
  const readCase = async (caseId: string) =>
    (await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.auth)).body;
  const waitFor = (caseId: string, phase: 'facts' | 'confirmation') =>
    eventually(async () => {
      const state = await readCase(caseId);
      return state.pendingDecision?.phase === phase && state;
    }, 30_000);

  it('a behandelaar confirms only once the profile can sign; overrides with a reason; the besluit is a PDF with its hash', async () => {
    const behandelaar = await userCaller(t, TEST_TENANT, 'bea', ['behandelaar']);
    const supervisor = await userCaller(t, TEST_TENANT, 'toezicht', ['supervisor']);
    const designer = await userCaller(t, TEST_TENANT, 'ontwerp', ['designer']);
    const caseId = await start({ dateOfBirth: '1990-05-01' });
    const waiting = await waitFor(caseId, 'confirmation');
    expect(waiting.pendingDecision).toMatchObject({ nodeId: 'voorrangsbesluit', proposal: { branch: 'priority' } });
    const confirmUrl = `/cases/${caseId}/decisions/voorrangsbesluit/confirm`;

    // Only a person with the role behandelaar: not a supervisor, a designer, or an API key.
    expect((await supervisor.post(confirmUrl, { branch: 'priority' })).status).toBe(403);
    expect((await designer.post(confirmUrl, { branch: 'priority' })).status).toBe(403);
    expect(
      (await request(product.app).post(`/api/v1${confirmUrl}`).set(product.auth).send({ branch: 'priority' })).status,
    ).toBe(403);

    // The municipality cannot sign yet: refused with what is missing, and nothing changes.
    const unsigned = await behandelaar.post(confirmUrl, { branch: 'priority' });
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.error.code).toBe('PROFILE_INCOMPLETE');
    const admin = await userCaller(t, TEST_TENANT, 'beheer', ['admin']);
    expect((await admin.put('/municipality/profile', PROFILE)).status).toBe(200);

    const noReason = await behandelaar.post(confirmUrl, { branch: null });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('REASON_REQUIRED');
    const reason = 'De aanvrager woont al zelfstandig in een andere gemeente.';
    const decided = await behandelaar.post(confirmUrl, { branch: null, reason });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ accepted: true, currentStep: 'wacht-op-aanbod' });
    expect(decided.body.decision).toMatchObject({
      status: 'confirmed',
      proposal: { branch: 'priority' },
      branch: null,
      next: 'geen-voorrang',
      confirmation: { by: { username: 'bea' }, deviated: true, reason },
    });
    const besluit = decided.body.decision.besluit as { id: string; sha256: string };
    expect(besluit.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await behandelaar.post(confirmUrl, { branch: 'priority' })).body.error.code).toBe('DECISION_NOT_PENDING');

    const pdf = await request(product.app)
      .get(`/api/v1/cases/${caseId}/besluiten/${besluit.id}`)
      .set(product.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'besluit-')), 'besluit.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toMatch(/Amsterdam/);
    expect(text).toMatch(/zes weken/);
    expect(text).toContain('zelfstandig in een andere gemeente');
    expect(text).not.toMatch(/\{\{|1970|voorrangsbesluit|\bpriority\b/);

    // Webhook subscribers hear of it by reference: proposed, confirmed (deviated), besluit created.
    const bodies = await eventually(async () => {
      const mine = receiver.received
        .map(
          (r) => JSON.parse(r.body) as { type: string; data: { caseId: string; decision?: Record<string, unknown> } },
        )
        .filter((b) => b.data.caseId === caseId);
      return mine.length >= 3 && mine;
    }, 40_000);
    const byType = Object.fromEntries(bodies.map((b) => [b.type, b.data.decision]));
    expect(byType['decision.proposed']).toEqual({ nodeId: 'voorrangsbesluit', branch: 'priority' });
    expect(byType['decision.confirmed']).toEqual({ nodeId: 'voorrangsbesluit', branch: null, deviated: true });
    expect(byType['besluit.created']).toEqual({ nodeId: 'voorrangsbesluit', branch: null, besluitId: besluit.id });
    expect(JSON.stringify(bodies)).not.toMatch(/zelfstandig|1990-05-01|bea/);

    // Audited: who confirmed, the deviation and the reason.
    const audit = await admin.get(`/audit?targetId=${encodeURIComponent(caseId)}`);
    expect(JSON.stringify(audit.body)).toContain('decision.confirm');
  });

  it('an unknown date of birth is onvolledig: the facts route refuses a wrong type, takes the date, and the rules propose', async () => {
    const caseId = await start({});
    const waiting = await waitFor(caseId, 'facts');
    expect(waiting.pendingDecision.missingFacts).toEqual(['dateOfBirth']);
    expect(waiting.decisions[0]).toMatchObject({ status: 'incomplete', missingFacts: ['dateOfBirth'] });
    const url = `/api/v1/cases/${caseId}/decisions/voorrangsbesluit/facts`;
    const wrong = await request(product.app)
      .post(url)
      .set(product.auth)
      .send({ facts: { dateOfBirth: 19900501 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_FACTS', path: '/body/facts/dateOfBirth' });
    const supplied = await request(product.app)
      .post(url)
      .set(product.auth)
      .send({ facts: { dateOfBirth: '1990-05-01' } });
    expect(supplied.status).toBe(200);
    const proposed = await waitFor(caseId, 'confirmation');
    expect(proposed.pendingDecision.proposal.branch).toBe('priority');
    expect(proposed.decisions.map((d: { status: string }) => d.status)).toEqual(['incomplete', 'proposed']);
  });
});
