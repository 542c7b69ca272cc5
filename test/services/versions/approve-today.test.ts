import { addTenant, createStoreTestApp, userCaller, type StoreTestApp } from '../../support/store-app';

const CONTENT = { rules: [{ id: 'r', title: 'R', conditions: { all: [] }, event: { type: 'x' } }] };

describe('approving a version "from today"', () => {
  let t: StoreTestApp;
  beforeAll(async () => {
    t = await createStoreTestApp('sqlite', {
      seeds: () => [{ type: 'ruleset', key: 'housing-priority', name: 'Voorrang', content: CONTENT }],
    });
    await addTenant(t, 'GM0363');
  });
  afterAll(async () => t?.dispose());

  it('takes effect at the moment of approval and supersedes the version seeded earlier today', async () => {
    t.clock.advance(5 * 60 * 60 * 1000); // later on the day the municipality was created (and seeded)
    const designer = await userCaller(t, 'GM0363', 'ontwerper', ['designer']);
    const approver = await userCaller(t, 'GM0363', 'goedkeurder', ['approver']);
    const draft = await designer.post('/rulesets/housing-priority/versions', { content: { ...CONTENT, note: 'v2' } });
    await designer.post(`/rulesets/housing-priority/versions/${draft.body.version}/submit`, { comment: 'nieuw' });
    const today = t.clock().toISOString().slice(0, 10);
    const approved = await approver.post(`/rulesets/housing-priority/versions/${draft.body.version}/approve`, {
      effectiveFrom: today,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.effectiveFrom).toBe(t.clock().toISOString());
    const effective = await designer.get('/rulesets/housing-priority/effective');
    expect(effective.body.version).toBe(2);
  });
});
