import type { Db } from '../../platform/store/create-store';
import { parseJson } from '../../platform/store/json';
import type { ArtifactRow, ArtifactVersionRow } from '../../platform/store/schema';
import { currentContent } from './content';
import type { Artifact, ArtifactType, ArtifactVersion, VersionStatus } from './types';

export function toArtifact(row: ArtifactRow): Artifact {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type as ArtifactType,
    key: row.key,
    name: row.name,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function toVersion(artifact: Artifact, row: ArtifactVersionRow, now: Date, withContent = true): ArtifactVersion {
  return {
    artifactId: artifact.id,
    type: artifact.type,
    key: artifact.key,
    version: row.version,
    status: row.status as VersionStatus,
    scheduled:
      row.status === 'published' && row.effective_from !== null && Date.parse(row.effective_from) > now.getTime(),
    ...(withContent ? { content: currentContent(artifact.type, parseJson<unknown>(row.content, null)) } : {}),
    authorId: row.author_id,
    contributors: parseJson<string[]>(row.contributors, []),
    basedOnVersion: row.based_on_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    submitComment: row.submit_comment,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewComment: row.review_comment,
    effectiveFrom: row.effective_from,
    publishedAt: row.published_at,
    retiredBy: row.retired_by,
    retiredAt: row.retired_at,
    retireReason: row.retire_reason,
  };
}

/** Lookups always carry the tenant: another municipality's key finds nothing. */
export async function findArtifact(
  db: Db,
  tenantId: string,
  type: ArtifactType,
  key: string,
): Promise<Artifact | undefined> {
  const row = await db
    .selectFrom('artifacts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('type', '=', type)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && toArtifact(row);
}

export async function listArtifacts(db: Db, tenantId: string, type: ArtifactType): Promise<Artifact[]> {
  const rows = await db
    .selectFrom('artifacts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('type', '=', type)
    .orderBy('key')
    .execute();
  return rows.map(toArtifact);
}

export async function findVersionRow(
  db: Db,
  artifact: Artifact,
  version: number,
): Promise<ArtifactVersionRow | undefined> {
  return db
    .selectFrom('artifact_versions')
    .selectAll()
    .where('artifact_id', '=', artifact.id)
    .where('tenant_id', '=', artifact.tenantId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listVersionRows(db: Db, artifact: Artifact): Promise<ArtifactVersionRow[]> {
  return db
    .selectFrom('artifact_versions')
    .selectAll()
    .where('artifact_id', '=', artifact.id)
    .where('tenant_id', '=', artifact.tenantId)
    .orderBy('version', 'desc')
    .execute();
}

export async function latestVersionNumber(db: Db, artifact: Artifact): Promise<number> {
  const row = await db
    .selectFrom('artifact_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('artifact_id', '=', artifact.id)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/**
 * The version in force at an instant (the peildatum): published (or since retired), effective
 * on or before it, not retired by then; the latest effective-from wins, then the highest number.
 */
export async function findEffectiveRow(
  db: Db,
  artifact: Artifact,
  at: string,
): Promise<ArtifactVersionRow | undefined> {
  return db
    .selectFrom('artifact_versions')
    .selectAll()
    .where('artifact_id', '=', artifact.id)
    .where('tenant_id', '=', artifact.tenantId)
    .where('status', 'in', ['published', 'retired'])
    .where('effective_from', '<=', at)
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', at)]))
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
