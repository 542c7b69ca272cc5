import { createHash, randomBytes } from 'node:crypto';
import { openPdf, sealPdf } from '../../../services/besluiten/sealed-pdf';
import { createBesluitService, type BesluitService } from '../../../services/besluiten/besluit-service';
import { saveProfile } from '../../../services/municipalities/profile-store';
import { insertTenant } from '../../../platform/store/tenants';
import { createTestStore, describeEachDialect, type TestStore } from '../../support/postgres';
import { testClock } from '../../support/store-app';
import { amsterdamProfile, amsterdamRuleSet, confirmedDecision } from './besluit-fixtures';
import { pdfText } from './pdf-text';

const CASE = 'GM0363-statushouder-huisvesting-0123456789abcdef01234567';
const admin = { kind: 'user' as const, id: 'u-admin', name: 'beheerder' };

describeEachDialect('besluit service', (dialect) => {
  let t: TestStore;
  let service: BesluitService;
  const clock = testClock('2026-11-28T23:30:00.000Z');
  beforeEach(async () => {
    t = await createTestStore(dialect);
    await insertTenant(t.store.db, { id: 'GM0363', name: 'Gemeente Amsterdam' }, clock().toISOString());
    await insertTenant(t.store.db, { id: 'GM0014', name: 'Gemeente Groningen' }, clock().toISOString());
    service = createBesluitService({ store: t.store, clock });
  });
  afterEach(() => t.dispose());

  const saveAmsterdam = async () => {
    const p = amsterdamProfile();
    const fields = {
      objectionAddress: p.objectionAddress,
      court: p.court,
      ...(p.address ? { address: p.address } : {}),
      ...(p.signatory ? { signatory: p.signatory } : {}),
      ...(p.byeLaw ? { byeLaw: p.byeLaw } : {}),
    };
    await saveProfile(t.store, 'GM0363', fields, admin, 'inrichting', clock().toISOString());
  };
  const issue = (decision = confirmedDecision()) =>
    service.issue({ tenant: 'GM0363', caseId: CASE, caseRef: 'ZAAK-2026-0042', decision, ruleSet: amsterdamRuleSet() });

  it('refuses while the profile is incomplete, with a coded error listing the missing fields', async () => {
    await expect(issue()).rejects.toMatchObject({
      name: 'BesluitError',
      code: 'PROFILE_INCOMPLETE',
      missing: [
        { code: 'MISSING_ADDRESS', path: '/address' },
        { code: 'MISSING_SIGNATORY', path: '/signatory' },
        { code: 'MISSING_BYE_LAW', path: '/byeLaw' },
      ],
    });
    expect(await service.list('GM0363', CASE)).toEqual([]);
  });

  it('issues a besluit dated the day of sending in the Netherlands, stored with the SHA-256 of its bytes', async () => {
    await saveAmsterdam();
    const issued = await issue();
    expect(issued).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      createdAt: '2026-11-28T23:30:00.000Z',
    });
    const stored = await service.get('GM0363', CASE, issued.id);
    expect(stored?.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(stored!.pdf).digest('hex')).toBe(issued.sha256);
    expect(stored).toMatchObject({
      caseRef: 'ZAAK-2026-0042',
      nodeId: 'voorrang-besluit',
      decidedAt: '2026-11-27T10:15:00.000Z',
      size: stored!.pdf.length,
    });
    // 23:30 UTC on 28 November is 00:30 on 29 November in Amsterdam: the letter's date.
    expect(pdfText(stored!.pdf)).toContain('29 november 2026');
  });

  it('is idempotent per decision: a retried or concurrent activity gets the same besluit; a new decision a new one', async () => {
    await saveAmsterdam();
    const [a, b] = await Promise.all([issue(), issue()]);
    clock.advance(60_000);
    const c = await issue();
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await service.list('GM0363', CASE)).toHaveLength(1);
    const redecided = await issue(confirmedDecision({ at: '2026-11-28T08:00:00.000Z' }));
    expect(redecided.id).not.toBe(a.id);
    expect((await service.list('GM0363', CASE)).map((x) => x.id)).toEqual([a.id, redecided.id]);
  });

  it("finds nothing for another municipality's tenant or another case", async () => {
    await saveAmsterdam();
    const { id } = await issue();
    expect(await service.get('GM0014', CASE, id)).toBeUndefined();
    expect(await service.get('GM0363', `${CASE}x`, id)).toBeUndefined();
    expect(await service.list('GM0014', CASE)).toEqual([]);
  });

  it("stores the PDF sealed with the municipality's key: no clear bytes in the row, opened on reading", async () => {
    await saveAmsterdam();
    const { id } = await issue();
    const row = await t.store.db.selectFrom('besluiten').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(Object.keys(row)).not.toContain('pdf');
    expect(row.pdf_enc).toMatch(/^v1\./);
    const stored = (await service.get('GM0363', CASE, id))!;
    const raw = JSON.stringify(row);
    expect(raw).not.toContain('%PDF');
    expect(raw).not.toContain(stored.pdf.toString('base64').slice(0, 40));
    expect(openPdf(t.store.secrets, row.pdf_enc, 'GM0363').equals(stored.pdf)).toBe(true);
    // Another municipality's key (its own purpose and associated data) does not open it.
    expect(() => openPdf(t.store.secrets, row.pdf_enc, 'GM0014')).toThrow(/does not decrypt/);
  });

  it('opens a PDF sealed under an older key of the ring and seals it again under the active key', async () => {
    await saveAmsterdam();
    const { id } = await issue();
    const old = (
      await t.store.db.selectFrom('besluiten').select('pdf_enc').where('id', '=', id).executeTakeFirstOrThrow()
    ).pdf_enc;
    // A letter sealed under k-oud; then the ring rotated: k-nieuw first, k-oud kept for reading.
    const { keyRing } = await import('../../../platform/codec/codec-keys');
    const { secretBox } = await import('../../../platform/codec/secret-box');
    const before = keyRing([{ id: 'k-oud', key: randomBytes(32) }]);
    const after = keyRing([
      { id: 'k-nieuw', key: randomBytes(32) },
      { id: 'k-oud', key: before.byId.get('k-oud')! },
    ]);
    const pdf = openPdf(t.store.secrets, old, 'GM0363');
    await t.store.db
      .updateTable('besluiten')
      .set({ pdf_enc: sealPdf(secretBox(before), pdf, 'GM0363') })
      .where('id', '=', id)
      .execute();
    const rotated = createBesluitService({ store: { ...t.store, secrets: secretBox(after) }, clock });
    expect((await rotated.get('GM0363', CASE, id))!.pdf.equals(pdf)).toBe(true);
    const resealed = (
      await t.store.db.selectFrom('besluiten').select('pdf_enc').where('id', '=', id).executeTakeFirstOrThrow()
    ).pdf_enc;
    expect(resealed).toMatch(/^v1\.k-nieuw\./);
    // Once re-sealed, the old key can go.
    const onlyNew = createBesluitService({
      store: { ...t.store, secrets: secretBox(keyRing([{ id: 'k-nieuw', key: after.byId.get('k-nieuw')! }])) },
      clock,
    });
    expect((await onlyNew.get('GM0363', CASE, id))!.pdf.equals(pdf)).toBe(true);
  });
});
