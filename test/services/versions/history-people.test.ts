import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  addUser,
  createStoreTestApp,
  RULESET,
  userCaller,
  type StoreTestApp,
} from '../../support/store-app';

describeEachDialect('version history names its people', (dialect) => {
  let t: StoreTestApp;
  beforeAll(async () => {
    t = await createStoreTestApp(dialect, {
      seeds: () => [{ type: 'ruleset', key: 'housing-priority', name: 'Voorrang', content: RULESET() }],
    });
    await addTenant(t, 'GM0637', 'Zoetermeer');
    await addTenant(t, 'GM0344', 'Utrecht');
  });
  afterAll(() => t.dispose());

  it('maps author, submitter and reviewer to username and display name', async () => {
    const designer = await userCaller(t, 'GM0637', 'ontwerper', ['designer']);
    const approver = await userCaller(t, 'GM0637', 'fiatteur', ['approver']);
    await t.deps.store.db
      .updateTable('users')
      .set({ display_name: 'Olga Ontwerper' })
      .where('id', '=', designer.user.id)
      .execute();
    await designer.post('/rulesets', { key: 'namen', name: 'Namen', content: RULESET() }).expect(201);
    await designer.post('/rulesets/namen/versions/1/submit', { comment: 'graag' }).expect(200);
    await approver.post('/rulesets/namen/versions/1/approve', {}).expect(200);

    const res = await designer.get('/rulesets/namen').expect(200);
    expect(res.body.versions[0]).toMatchObject({
      authorId: designer.user.id,
      submittedBy: designer.user.id,
      reviewedBy: approver.user.id,
    });
    expect(res.body.people).toEqual({
      [designer.user.id]: { username: 'ontwerper', displayName: 'Olga Ontwerper' },
      [approver.user.id]: { username: 'fiatteur', displayName: null },
    });
  });

  it('names the seed author as Doorstroom itself', async () => {
    const designer = await userCaller(t, 'GM0637', 'lezer', ['designer']);
    const res = await designer.get('/rulesets/housing-priority').expect(200);
    expect(res.body.versions[0].authorId).toBe('system:seed');
    expect(res.body.people).toEqual({ 'system:seed': { username: 'system', displayName: 'Doorstroom (standaard)' } });
  });

  it('never names a user of another municipality, even when an id of theirs ends up in a version', async () => {
    const designer = await userCaller(t, 'GM0637', 'schrijver', ['designer']);
    const stranger = await addUser(t, 'GM0344', 'buur', ['designer']);
    await designer.post('/rulesets', { key: 'vreemd', name: 'Vreemd', content: RULESET() }).expect(201);
    await t.deps.store.db
      .updateTable('artifact_versions')
      .set({ contributors: JSON.stringify([designer.user.id, stranger.id]) })
      .where('tenant_id', '=', 'GM0637')
      .where('status', '=', 'draft')
      .execute();

    const res = await designer.get('/rulesets/vreemd').expect(200);
    expect(res.body.versions[0].contributors).toEqual([designer.user.id, stranger.id]);
    expect(Object.keys(res.body.people)).toEqual([designer.user.id]);
  });
});
