import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import { ApiError } from '../../platform/errors';
import { sha256 } from '../auth/tokens';
import { isUniqueViolation } from '../../platform/store/db-errors';
import { toJson } from '../../platform/store/json';
import type { Db } from '../../platform/store/create-store';
import type { ArtifactVersionRow } from '../../platform/store/schema';
import { notFound, requireArtifact, type VersionActor } from './actor';
import { checkContent, currentContent } from './content';
import { findVersionRow, latestVersionNumber, toArtifact, toVersion } from './repository';
import { versionRef, type Artifact, type ArtifactType, type ArtifactVersion, type VersionDeps } from './types';

function draftRow(
  artifact: Artifact,
  version: number,
  content: unknown,
  authorId: string,
  basedOn: number | null,
  now: string,
): ArtifactVersionRow {
  return {
    id: randomUUID(),
    artifact_id: artifact.id,
    tenant_id: artifact.tenantId,
    version,
    status: 'draft',
    content: toJson(currentContent(artifact.type, content)),
    author_id: authorId,
    contributors: toJson([authorId]),
    based_on_version: basedOn,
    created_at: now,
    updated_at: now,
    submitted_by: null,
    submitted_at: null,
    submit_comment: null,
    reviewed_by: null,
    reviewed_at: null,
    review_comment: null,
    effective_from: null,
    published_at: null,
    retired_by: null,
    retired_at: null,
    retire_reason: null,
  };
}

export async function insertArtifact(
  db: Db,
  tenantId: string,
  type: ArtifactType,
  key: string,
  name: string,
  by: string,
  now: string,
): Promise<Artifact> {
  const row = { id: randomUUID(), tenant_id: tenantId, type, key, name, created_by: by, created_at: now };
  try {
    await db.insertInto('artifacts').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ApiError(
        409,
        'ARTIFACT_EXISTS',
        `${key} already exists; create a new version of it instead.`,
        '/body/key',
      );
    throw err;
  }
  return toArtifact(row);
}

export async function insertDraft(
  db: Db,
  artifact: Artifact,
  version: number,
  content: unknown,
  authorId: string,
  basedOn: number | null,
  now: string,
): Promise<ArtifactVersionRow> {
  const row = draftRow(artifact, version, content, authorId, basedOn, now);
  try {
    await db.insertInto('artifact_versions').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ApiError(
        409,
        'VERSION_CONFLICT',
        `Version ${version} of ${artifact.key} was created at the same moment; try again.`,
      );
    throw err;
  }
  return row;
}

/** A new rule set or process definition: the artifact and its first draft, in one transaction. */
export async function createArtifact(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  input: { key: string; name: string; content: unknown },
): Promise<{ artifact: Artifact; version: ArtifactVersion }> {
  await checkContent(deps, type, input.content);
  const now = deps.clock();
  return deps.store.transaction(async (trx) => {
    const artifact = await insertArtifact(
      trx,
      who.tenant,
      type,
      input.key,
      input.name,
      who.actor.id,
      now.toISOString(),
    );
    const row = await insertDraft(trx, artifact, 1, input.content, who.actor.id, null, now.toISOString());
    await appendAudit(
      trx,
      {
        tenantId: who.tenant,
        actor: who.actor,
        action: 'version.create',
        target: { type, id: input.key },
        after: versionRef(type, input.key, 1),
        details: { contentSha256: sha256(row.content) },
      },
      now.toISOString(),
    );
    return { artifact, version: toVersion(artifact, row, now) };
  });
}

/** A new draft, copied from `fromVersion` (default: the latest) unless content is given. */
export async function createDraft(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  input: { content?: unknown; fromVersion?: number },
): Promise<ArtifactVersion> {
  if (input.content !== undefined) await checkContent(deps, type, input.content);
  const now = deps.clock();
  return deps.store.transaction(async (trx) => {
    const artifact = await requireArtifact(trx, who, type, key);
    const latest = await latestVersionNumber(trx, artifact);
    const baseNumber = input.fromVersion ?? latest;
    const base = await findVersionRow(trx, artifact, baseNumber);
    if (!base)
      throw new ApiError(404, 'NOT_FOUND', `${key} has no version ${baseNumber} to start from.`, '/body/fromVersion');
    const content: unknown = input.content !== undefined ? input.content : JSON.parse(base.content);
    const row = await insertDraft(trx, artifact, latest + 1, content, who.actor.id, base.version, now.toISOString());
    await appendAudit(
      trx,
      {
        tenantId: who.tenant,
        actor: who.actor,
        action: 'version.create',
        target: { type, id: key },
        before: versionRef(type, key, base.version),
        after: versionRef(type, key, latest + 1),
        details: { contentSha256: sha256(row.content) },
      },
      now.toISOString(),
    );
    return toVersion(artifact, row, now);
  });
}

/** Drafts are edited freely; anything past draft is refused. The editor becomes a contributor. */
export async function updateDraft(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  version: number,
  input: { content: unknown },
): Promise<ArtifactVersion> {
  await checkContent(deps, type, input.content);
  const now = deps.clock();
  return deps.store.transaction(async (trx) => {
    const artifact = await requireArtifact(trx, who, type, key);
    const row = await findVersionRow(trx, artifact, version);
    if (!row) throw notFound(type, key, version);
    if (row.status !== 'draft') {
      throw new ApiError(
        409,
        'VERSION_NOT_DRAFT',
        `Version ${version} is ${row.status}; only drafts can be edited. Create a new version instead.`,
        '/params/version',
      );
    }
    const contributors = [...new Set([...(JSON.parse(row.contributors) as string[]), who.actor.id])];
    const updated = {
      ...row,
      content: toJson(currentContent(type, input.content)),
      contributors: toJson(contributors),
      updated_at: now.toISOString(),
    };
    const result = await trx
      .updateTable('artifact_versions')
      .set({ content: updated.content, contributors: updated.contributors, updated_at: updated.updated_at })
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new ApiError(409, 'VERSION_CONFLICT', `Version ${version} changed meanwhile; reload it.`);
    await appendAudit(
      trx,
      {
        tenantId: who.tenant,
        actor: who.actor,
        action: 'version.edit',
        target: { type, id: key },
        before: `${versionRef(type, key, version)}#sha256:${sha256(row.content)}`,
        after: `${versionRef(type, key, version)}#sha256:${sha256(updated.content)}`,
      },
      now.toISOString(),
    );
    return toVersion(artifact, updated, now);
  });
}
