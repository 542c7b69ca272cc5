import { createHash } from 'node:crypto';
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
});
