import { sql } from 'kysely';
import { describeEachDialect } from '../../support/postgres';
import { addTenant, createStoreTestApp, RULESET, userCaller, type StoreTestApp } from '../../support/store-app';

describeEachDialect('published versions', (dialect) => {
  let t: StoreTestApp;
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    await addTenant(t, 'GM0637', 'Zoetermeer');
    const designer = await userCaller(t, 'GM0637', 'ontwerper', ['designer']);
    const approver = await userCaller(t, 'GM0637', 'fiatteur', ['approver']);
    await designer.post('/rulesets', { key: 'vast', name: 'Vast', content: RULESET() });
    await designer.post('/rulesets/vast/versions/1/submit', { comment: 'c' });
    await approver.post('/rulesets/vast/versions/1/approve', {});
  });
  afterAll(() => t.dispose());

  it('cannot have their content or effective date changed, even by hand-written SQL', async () => {
    const db = t.deps.store.db;
    // Compare messages, not `rejects.toThrow`: better-sqlite3's SqliteError is not always an Error of
    // jest's realm, and then toThrow reports "did not throw" for a promise that did reject.
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'changed',
        (e: Error) => e.message,
      );
    const content = await outcome(
      sql`UPDATE artifact_versions SET content = '{}' WHERE status = 'published'`.execute(db),
    );
    const date = await outcome(
      sql`UPDATE artifact_versions SET effective_from = '2000-01-01T00:00:00.000Z'`.execute(db),
    );
    const row = await db
      .selectFrom('artifact_versions')
      .select(['content', 'effective_from', 'status'])
      .executeTakeFirstOrThrow();
    expect({ content: JSON.parse(row.content), effectiveFrom: row.effective_from, status: row.status }).toEqual({
      content: RULESET(),
      effectiveFrom: t.clock().toISOString(),
      status: 'published',
    });
    expect([content, date]).toEqual([expect.stringMatching(/immutable/), expect.stringMatching(/immutable/)]);
  });

  it('may still be retired (status and retirement fields change, content does not)', async () => {
    const db = t.deps.store.db;
    await db.updateTable('artifact_versions').set({ status: 'retired', retired_at: t.clock().toISOString() }).execute();
    expect((await db.selectFrom('artifact_versions').select('status').executeTakeFirstOrThrow()).status).toBe(
      'retired',
    );
  });
});
