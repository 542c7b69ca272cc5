import { userCaller, type StoreTestApp } from '../../support/store-app';

/** The seeded draft as a designer finishes it: the bye-law's name, year and articles filled in. */
export function finishRuleSetContent<T>(content: T, municipality = 'Amsterdam'): T {
  const text = JSON.stringify(content)
    .replace(/\{\{gemeente\}\}/g, municipality)
    .replace(/\{\{jaar\}\}/g, '2026')
    .replace(/\{\{artikel[a-z-]*\}\}/g, '2.7');
  return JSON.parse(text) as T;
}

let people = 0;

/**
 * What a municipality does after it is created: a designer finishes the seeded draft of the
 * housing-priority rule set (or the one of `kind`, e.g. the urgency scheme), an approver (another
 * person) publishes it. Returns the version.
 */
export async function publishSeededRuleSet(
  t: StoreTestApp,
  tenant: string,
  options: { effectiveFrom?: string; municipality?: string; kind?: string } = {},
): Promise<number> {
  people += 1;
  const kind = options.kind ?? 'housing-priority';
  const designer = await userCaller(t, tenant, `seed-ontwerper-${people}`, ['designer']);
  const approver = await userCaller(t, tenant, `seed-goedkeurder-${people}`, ['approver']);
  const draft = await designer.get(`/rulesets/${kind}/versions/1`);
  if (draft.body.status !== 'draft') throw new Error(`expected the seeded draft, got ${JSON.stringify(draft.body)}`);
  const put = await designer.put(`/rulesets/${kind}/versions/1`, {
    content: finishRuleSetContent(draft.body.content, options.municipality),
  });
  if (put.status !== 200) throw new Error(`edit failed: ${put.status} ${JSON.stringify(put.body)}`);
  const submitted = await designer.post(`/rulesets/${kind}/versions/1/submit`, {
    comment: 'verordening ingevuld',
  });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const approved = await approver.post(
    `/rulesets/${kind}/versions/1/approve`,
    options.effectiveFrom ? { effectiveFrom: options.effectiveFrom, comment: 'akkoord' } : { comment: 'akkoord' },
  );
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  return 1;
}
