import { validateArtifactContent } from '../../../services/wiring/content-validator';
import { addTenant, createStoreTestApp, userCaller, type Caller, type StoreTestApp } from '../../support/store-app';
import type { TopLevelCondition } from '../../../rules/condition-schema';
import { aFactCondition, aRuleSet, aRuleWith } from '../support/factories';

/**
 * The API stores rule sets through the rules core's validator: a hostile rule set must come back
 * as a 422 naming the limit, never a 500 from a stack overflow. SQLite in memory is enough here;
 * the store's own tests cover PostgreSQL.
 */
describe('rule-set limits through the API', () => {
  let t: StoreTestApp;
  let designer: Caller;
  beforeAll(async () => {
    t = await createStoreTestApp('sqlite', { validateContent: validateArtifactContent });
    await addTenant(t, 'GM0363', 'Amsterdam');
    designer = await userCaller(t, 'GM0363', 'ontwerper', ['designer']);
  });
  afterAll(() => t.dispose());

  function nested(levels: number): TopLevelCondition {
    let c: unknown = aFactCondition();
    for (let i = 1; i < levels; i++) c = { all: [c] };
    return c as TopLevelCondition;
  }

  it('answers 422 with nesting-too-deep for a rule set nested deeper than the rules allow, on create and on edit', async () => {
    // 100 levels: within the API's body depth (300 JSON levels), past the rules' own limit (32).
    const content = aRuleSet({ rules: [aRuleWith(nested(100))] });
    const created = await designer.post('/rulesets', { key: 'diep', name: 'Diep', content });
    expect(created.status).toBe(422);
    expect(created.body.error.code).toBe('CONTENT_INVALID');
    expect(created.body.error.details.issues[0]).toMatchObject({
      code: 'nesting-too-deep',
      path: expect.stringMatching(/^\/body\/content\/rules\/0\/conditions(\/all\/0){32}$/),
    });

    expect((await designer.post('/rulesets', { key: 'ondiep', name: 'Ondiep', content: aRuleSet() })).status).toBe(201);
    const edited = await designer.put('/rulesets/ondiep/versions/1', { content });
    expect(edited.status).toBe(422);
    expect(edited.body.error.details.issues[0].code).toBe('nesting-too-deep');
  });

  it('refuses a body nested 1,000 levels deep before any validator recurses: 400 at /body', async () => {
    const res = await designer.post('/rulesets', {
      key: 'dieper',
      name: 'Dieper',
      content: aRuleSet({ rules: [aRuleWith(nested(1_000))] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body' });
  });

  it('answers 422 with condition-chain-too-deep for a chain of 1,000 named conditions', async () => {
    const namedConditions: Record<string, TopLevelCondition> = {};
    for (let i = 0; i < 1_000; i++)
      namedConditions[`c${i}`] = { all: [i === 999 ? aFactCondition() : { condition: `c${i + 1}` }] };
    const res = await designer.post('/rulesets', {
      key: 'keten',
      name: 'Keten',
      content: aRuleSet({ namedConditions, rules: [aRuleWith({ condition: 'c0' })] }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues).toEqual([
      expect.objectContaining({ code: 'condition-chain-too-deep', path: '/body/content/namedConditions/c0' }),
    ]);
  });

  it('answers 422 with forbidden-key for a __proto__ key sent as JSON', async () => {
    const body = `{"key":"proto","name":"Proto","content":${JSON.stringify(aRuleSet()).replace('"category"', '"__proto__"')}}`;
    const res = await designer.send('post', '/rulesets').set('content-type', 'application/json').send(body);
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues[0]).toMatchObject({
      code: 'forbidden-key',
      path: '/body/content/rules/0/event/params/__proto__',
    });
  });
});
