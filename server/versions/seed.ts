import { appendAudit } from '../audit/audit';
import type { Db } from '../store/create-store';
import { insertArtifact, insertDraft } from './drafts';
import { SEED_AUTHOR, versionRef, type ArtifactSeed, type ContentValidator } from './types';

/**
 * Seeds a new municipality with the built-in templates and process definitions as version 1
 * of each. Call it inside the transaction that creates the tenant. The caller supplies the
 * seeds (rules/ and workflows/ own them); a seed that fails validation is a programming
 * error, so it throws.
 */
export async function seedTenant(db: Db, tenantId: string, seeds: readonly ArtifactSeed[], validate: ContentValidator, now: string): Promise<number> {
  for (const seed of seeds) {
    const issues = await validate(seed.type, seed.content);
    if (issues.length > 0) {
      throw new Error(`Versions: built-in ${seed.type} ${seed.key} is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    }
    const artifact = await insertArtifact(db, tenantId, seed.type, seed.key, seed.name, SEED_AUTHOR, now);
    const row = await insertDraft(db, artifact, 1, seed.content, SEED_AUTHOR, null, now);
    if ((seed.status ?? 'published') === 'published') {
      // The template was reviewed when it shipped: it is in force from the municipality's first day.
      await db.updateTable('artifact_versions')
        .set({ status: 'published', effective_from: now, published_at: now, reviewed_by: SEED_AUTHOR, reviewed_at: now, review_comment: 'built-in template' })
        .where('id', '=', row.id).execute();
    }
    await appendAudit(db, {
      tenantId, actor: { kind: 'system', id: SEED_AUTHOR }, action: 'version.seed', target: { type: seed.type, id: seed.key },
      after: versionRef(seed.type, seed.key, 1), details: { status: seed.status ?? 'published' },
    }, now);
  }
  return seeds.length;
}
