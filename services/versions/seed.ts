import { appendAudit } from '../audit/audit';
import type { Db } from '../../platform/store/create-store';
import { insertArtifact, insertDraft } from './drafts';
import { SEED_AUTHOR, versionRef, type ArtifactSeed, type ContentValidator } from './types';

/**
 * Seeds a new municipality with the built-in templates and process definitions as version 1
 * of each. Call it inside the transaction that creates the tenant. The caller supplies the
 * seeds (rules/ and workflows/ own them); a seed that fails validation is a programming
 * error, so it throws.
 *
 * A seed marked 'draft' stays a draft: a rule-set template has legal texts the municipality
 * must finish (its bye-law, its articles) and a person must publish (four eyes). A published
 * seed takes effect from the moment the municipality is created, never from before: a decision
 * about a case from before that day was not taken under rules nobody in the municipality saw.
 */
export async function seedTenant(
  db: Db,
  tenantId: string,
  seeds: readonly ArtifactSeed[],
  validate: ContentValidator,
  now: string,
): Promise<number> {
  for (const seed of seeds) {
    const issues = await validate(seed.type, seed.content);
    if (issues.length > 0) {
      throw new Error(
        `Versions: built-in ${seed.type} ${seed.key} is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      );
    }
    const artifact = await insertArtifact(db, tenantId, seed.type, seed.key, seed.name, SEED_AUTHOR, now);
    const row = await insertDraft(db, artifact, 1, seed.content, SEED_AUTHOR, null, now);
    if ((seed.status ?? 'published') === 'published') {
      await db
        .updateTable('artifact_versions')
        .set({
          status: 'published',
          effective_from: now,
          published_at: now,
          reviewed_by: SEED_AUTHOR,
          reviewed_at: now,
          review_comment: 'built-in',
        })
        .where('id', '=', row.id)
        .execute();
    }
    await appendAudit(
      db,
      {
        tenantId,
        actor: { kind: 'system', id: SEED_AUTHOR },
        action: 'version.seed',
        target: { type: seed.type, id: seed.key },
        after: versionRef(seed.type, seed.key, 1),
        details: { status: seed.status ?? 'published' },
      },
      now,
    );
  }
  return seeds.length;
}
