import { buildCaseView } from '../../../services/monitor/case-view';
import { listZgwWrites, recordZgwDone, recordZgwFailing } from '../../../services/zgw/zgw-sync-store';
import type { CaseState } from '../../../workflows/case-state';
import { hotelDefinition } from '../../support/factories';
import { createTestStore, describeEachDialect, type TestStore } from '../../support/postgres';

const TENANT = 'GM0363';
const CASE = `${TENANT}-nareiziger-hotelverblijf-0123456789abcdef01234567`;
const ZAKEN = 'https://openzaak.gm0363.test/zaken/api/v1';

function state(): CaseState {
  return {
    caseId: CASE,
    tenant: TENANT,
    caseRef: 'dossier-2026-0042',
    processId: 'nareiziger-hotelverblijf',
    processVersion: 1,
    status: 'running',
    currentStep: 'wacht-op-hotelplaatsing',
    expectedEvents: [],
    data: {},
    variables: {},
    dates: {},
    deadlines: [],
    history: [
      { at: '2026-11-30T08:00:00.000Z', type: 'case-started' },
      { at: '2026-11-30T08:00:01.000Z', type: 'step-entered', nodeId: 'wacht-op-hotelplaatsing' },
    ],
    decisions: [],
    children: [],
    placements: [],
    runs: 0,
    historyDropped: 0,
  };
}

describeEachDialect('the case timeline shows the ZGW write-back', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(dialect);
  });
  afterAll(() => t.dispose());

  it('merges what was written to the zaaksysteem, in words and in time order, with failing writes and their codes', async () => {
    const db = t.store.db;
    const ref = { tenant: TENANT, caseId: CASE };
    await recordZgwDone(
      db,
      { ...ref, key: 'zaak', kind: 'zaak-created' },
      `${ZAKEN}/zaken/1`,
      '2026-11-30T08:00:00.500Z',
    );
    const status = { ...ref, key: 'status:e2', kind: 'status-set' as const, nodeId: 'wacht-op-hotelplaatsing' };
    await recordZgwFailing(db, status, 'ZGW_UNAVAILABLE', '2026-11-30T08:00:02.000Z');
    await recordZgwFailing(db, status, 'ZGW_UNAVAILABLE', '2026-11-30T08:00:03.000Z');
    const besluit = { ...ref, key: 'besluit:b1', kind: 'besluit-registered' as const, nodeId: 'x' };
    await recordZgwFailing(db, besluit, 'ZGW_REFUSED', '2026-11-30T09:00:00.000Z');
    await recordZgwDone(
      db,
      { ...ref, key: 'zaak-document:b1', kind: 'document-linked' },
      `${ZAKEN}/zio/1`,
      '2026-11-30T09:00:01.000Z',
    );
    // Another municipality's rows never show.
    await recordZgwDone(
      db,
      { tenant: 'GM0344', caseId: CASE, key: 'zaak', kind: 'zaak-created' },
      'x',
      '2026-11-30T08:00:00.700Z',
    );

    const writes = await listZgwWrites(db, TENANT, CASE);
    const view = buildCaseView(state(), hotelDefinition(), 'running', false, writes);
    expect(view.timeline.map((e) => [e.type, e.text.nl])).toEqual([
      ['case-started', 'Zaak gestart'],
      ['zgw-zaak-created', 'Zaak aangemaakt in het zaaksysteem'],
      ['step-entered', expect.stringContaining('begonnen')],
      [
        'zgw-status-set-failing',
        expect.stringMatching(
          /^Mislukt: status gezet in het zaaksysteem: “.+” \(ZGW_UNAVAILABLE, 2 pogingen; wordt opnieuw geprobeerd\)$/,
        ),
      ],
      [
        'zgw-besluit-registered-failing',
        'Mislukt: besluit geregistreerd in het zaaksysteem (ZGW_REFUSED, 1 poging; geweigerd, wordt niet opnieuw geprobeerd)',
      ],
    ]);
    expect(view.timeline[3]!.text.en).toMatch(
      /^Failed: status set in the case system: “.+” \(ZGW_UNAVAILABLE, 2 attempts; retrying\)$/,
    );

    // Once the retry succeeds, the row says done: the label of the step, not its id.
    await recordZgwDone(db, status, `${ZAKEN}/statussen/1`, '2026-11-30T08:00:04.000Z');
    await recordZgwFailing(db, status, 'ZGW_UNAVAILABLE', '2026-11-30T08:00:05.000Z'); // a late failure does not undo it
    const after = buildCaseView(state(), hotelDefinition(), 'running', false, await listZgwWrites(db, TENANT, CASE));
    const done = after.timeline.find((e) => e.type === 'zgw-status-set')!;
    expect(done.text.nl).toMatch(/^Status gezet in het zaaksysteem: “/);
    expect(done.text.nl).not.toContain('wacht-op-hotelplaatsing');
    expect(done.at).toBe('2026-11-30T08:00:04.000Z');
  });

  it('leaves the timeline as it was for a case without a link', () => {
    const view = buildCaseView(state(), hotelDefinition(), 'running', false);
    expect(view.timeline.map((e) => e.type)).toEqual(['case-started', 'step-entered']);
  });
});
