import { describeEachDialect } from '../../support/postgres';
import { addTenant, createStoreTestApp, userCaller, type Caller, type StoreTestApp } from '../../support/store-app';

const DEFINITION = (months: string) => ({
  id: 'hotel-stay',
  nodes: [
    { id: 'registered', kind: 'wait', events: ['nareiziger.registered'] },
    { id: 'hotel', kind: 'wait', timeout: months, reminders: ['P3M', 'P4M', 'P5M'] },
    { id: 'done', kind: 'end', outcome: 'housed' },
  ],
});

describeEachDialect('process definition routes', (dialect) => {
  let t: StoreTestApp;
  let designer: Caller;
  let approver: Caller;
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    await addTenant(t, 'GM0363', 'Amsterdam');
    designer = await userCaller(t, 'GM0363', 'ontwerper', ['designer']);
    approver = await userCaller(t, 'GM0363', 'fiatteur', ['approver']);
  });
  afterAll(() => t.dispose());

  it('versions a definition like a rule set and diffs it per node', async () => {
    expect(
      (await designer.post('/definitions', { key: 'hotel-stay', name: 'Hotelverblijf', content: DEFINITION('P6M') }))
        .status,
    ).toBe(201);
    await designer.post('/definitions/hotel-stay/versions/1/submit', { comment: 'eerste versie' });
    expect((await approver.post('/definitions/hotel-stay/versions/1/approve', {})).body.status).toBe('published');
    const changed = DEFINITION('P9M');
    changed.nodes.splice(2, 0, { id: 'handover', kind: 'subprocess', events: ['har'] } as never);
    const draft = await designer.post('/definitions/hotel-stay/versions', { content: changed });
    expect(draft.body.version).toBe(2);
    const diff = await designer.get('/definitions/hotel-stay/diff?from=1&to=2');
    expect(diff.body.collection).toBe('/nodes');
    expect(diff.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'hotel',
          change: 'changed',
          fields: [{ path: '/timeout', before: 'P6M', after: 'P9M' }],
        }),
        expect.objectContaining({ key: 'handover', change: 'added' }),
        expect.objectContaining({ key: 'done', change: 'moved', position: { before: 2, after: 3 } }),
      ]),
    );
  });

  it('keeps rule sets and definitions apart: the same key is two artifacts', async () => {
    await designer.post('/rulesets', { key: 'hotel-stay', name: 'Regels', content: { rules: [] } });
    expect((await designer.get('/rulesets/hotel-stay')).body.artifact.type).toBe('ruleset');
    expect((await designer.get('/definitions/hotel-stay')).body.artifact.type).toBe('definition');
  });
});
