import { appendAudit } from '../audit/audit';
import type { Db } from '../store/create-store';
import { insertArtifact, insertDraft } from './drafts';
import { SEED_AUTHOR, versionRef, type ArtifactSeed, type ContentValidator } from './types';

/** Built-in versions are in force from the start of time (until replaced). */
export const SEED_EFFECTIVE_FROM = '1970-01-01T00:00:00.000Z';

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
      // The template was reviewed when it shipped. It applies to every peildatum until the
      // municipality publishes its own version — also to cases whose koppeling lies before the
      // municipality started using Doorstroom; the decision record names the version used.
      await db.updateTable('artifact_versions')
        .set({ status: 'published', effective_from: SEED_EFFECTIVE_FROM, published_at: now, reviewed_by: SEED_AUTHOR, reviewed_at: now, review_comment: 'built-in template' })
        .where('id', '=', row.id).execute();
    }
    await appendAudit(db, {
      tenantId, actor: { kind: 'system', id: SEED_AUTHOR }, action: 'version.seed', target: { type: seed.type, id: seed.key },
      after: versionRef(seed.type, seed.key, 1), details: { status: seed.status ?? 'published' },
    }, now);
  }
  return seeds.length;
}
