import { appendAudit } from '../audit/audit';
import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';
import { toJson } from '../../platform/store/json';
import type { ArtifactVersionRow, ArtifactVersionUpdate } from '../../platform/store/schema';
import { notFound, requireArtifact, type VersionActor } from './actor';
import { startOfTodayNl, toInstant } from './dates';
import { assertFactsMapped } from './fact-mappings';
import { assertPublishable } from './publishable';
import { findVersionRow, toVersion } from './repository';
import {
  versionRef,
  type Artifact,
  type ArtifactType,
  type ArtifactVersion,
  type VersionDeps,
  type VersionStatus,
} from './types';

interface Step {
  artifact: Artifact;
  row: ArtifactVersionRow;
}

/** Loads a version and checks it is in the state the step starts from. */
async function load(
  trx: Db,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  version: number,
  from: VersionStatus,
  verb: string,
): Promise<Step> {
  const artifact = await requireArtifact(trx, who, type, key);
  const row = await findVersionRow(trx, artifact, version);
  if (!row) throw notFound(type, key, version);
  if (row.status !== from) {
    throw new ApiError(
      409,
      'INVALID_TRANSITION',
      `Cannot ${verb} version ${version}: it is ${row.status}, and only a version that is ${from} can be.`,
      '/params/version',
    );
  }
  return { artifact, row };
}

/** Writes the transition only if nobody moved the version meanwhile (compare-and-set on status). */
async function move(trx: Db, step: Step, from: VersionStatus, set: ArtifactVersionUpdate): Promise<ArtifactVersionRow> {
  const result = await trx
    .updateTable('artifact_versions')
    .set(set)
    .where('id', '=', step.row.id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw new ApiError(409, 'VERSION_CONFLICT', `Version ${step.row.version} changed meanwhile; reload it.`);
  return { ...step.row, ...set };
}

/**
 * Four-eyes: whoever wrote, edited or submitted a version may not review it. The check uses
 * the people recorded on the version, not the reviewer's roles, so granting the author the
 * approver role later changes nothing.
 */
function assertFourEyes(who: VersionActor, row: ArtifactVersionRow): void {
  const contributors = JSON.parse(row.contributors) as string[];
  if (who.actor.id === row.author_id || who.actor.id === row.submitted_by || contributors.includes(who.actor.id)) {
    throw new ApiError(
      403,
      'FOUR_EYES',
      'Vier-ogenprincipe: wie een versie schreef of wijzigde mag haar niet beoordelen (four-eyes: the author or an editor of a version may not approve or reject it).',
    );
  }
}

export async function submitVersion(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  version: number,
  comment: string,
): Promise<ArtifactVersion> {
  const now = deps.clock();
  return deps.store.transaction(async (trx) => {
    const step = await load(trx, who, type, key, version, 'draft', 'submit');
    // Refused here already, so an approver never sees a version that cannot be published.
    assertPublishable(type, step.row.content, who.tenant, version);
    await assertFactsMapped(trx, who.tenant, type, key, step.row.content);
    const contributors = [...new Set([...(JSON.parse(step.row.contributors) as string[]), who.actor.id])];
    const row = await move(trx, step, 'draft', {
      status: 'in_review',
      submitted_by: who.actor.id,
      submitted_at: now.toISOString(),
      submit_comment: comment,
      contributors: toJson(contributors),
      updated_at: now.toISOString(),
    });
    await appendAudit(
      trx,
      {
        tenantId: who.tenant,
        actor: who.actor,
        action: 'version.submit',
        target: { type, id: key },
        after: versionRef(type, key, version),
        reason: comment,
      },
      now.toISOString(),
    );
    return toVersion(step.artifact, row, now);
  });
}

/**
 * Approval publishes: effective from `effectiveFrom` (a date means its start in the
 * Netherlands), or now. A future date schedules the version; the peildatum lookup picks it
 * up from that moment. Dates before today are refused: decisions already taken would
 * silently fall under other rules.
 */
export async function approveVersion(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  version: number,
  input: { comment?: string; effectiveFrom?: string },
): Promise<ArtifactVersion> {
  const now = deps.clock();
  const requested =
    input.effectiveFrom !== undefined ? toInstant(input.effectiveFrom, '/body/effectiveFrom') : now.toISOString();
  if (requested < startOfTodayNl(now)) {
    throw new ApiError(
      400,
      'EFFECTIVE_DATE_IN_PAST',
      'effectiveFrom may not lie before today (terugwerkende kracht is not supported).',
      '/body/effectiveFrom',
    );
  }
  // "From today" means from this moment: earlier today, decisions were taken under the version then in force.
  const effectiveFrom = requested < now.toISOString() ? now.toISOString() : requested;
  return deps.store.transaction(async (trx) => {
    const step = await load(trx, who, type, key, version, 'in_review', 'approve');
    assertFourEyes(who, step.row);
    assertPublishable(type, step.row.content, who.tenant, version);
    await assertFactsMapped(trx, who.tenant, type, key, step.row.content);
    const row = await move(trx, step, 'in_review', {
      status: 'published',
      reviewed_by: who.actor.id,
      reviewed_at: now.toISOString(),
      review_comment: input.comment ?? null,
      effective_from: effectiveFrom,
      published_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    const ref = versionRef(type, key, version);
    await appendAudit(
      trx,
      {
        tenantId: who.tenant,
        actor: who.actor,
        action: 'version.approve',
        target: { type, id: key },
        after: ref,
        reason: input.comment ?? null,
      },
      now.toISOString(),
    );
    await appendAudit(
      trx,
      {
        tenantId: who.tenant,
        actor: who.actor,
        action: 'version.publish',
        target: { type, id: key },
        after: ref,
        details: { effectiveFrom, scheduled: effectiveFrom > now.toISOString() },
      },
      now.toISOString(),
    );
    return toVersion(step.artifact, row, now);
  });
}

export async function rejectVersion(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  version: number,
  comment: string,
): Promise<ArtifactVersion> {
  const now = deps.clock();
  return deps.store.transaction(async (trx) => {
    const step = await load(trx, who, type, key, version, 'in_review', 'reject');
    assertFourEyes(who, step.row);
    const row = await move(trx, step, 'in_review', {
      status: 'rejected',
      reviewed_by: who.actor.id,
      reviewed_at: now.toISOString(),
      review_comment: comment,
      updated_at: now.toISOString(),
    });
    await appendAudit(
      trx,
      {
        tenantId: who.tenant,
        actor: who.actor,
        action: 'version.reject',
        target: { type, id: key },
        after: versionRef(type, key, version),
        reason: comment,
      },
      now.toISOString(),
    );
    return toVersion(step.artifact, row, now);
  });
}

/** Withdraws a published version from the moment of retiring; its history stays. */
export async function retireVersion(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  version: number,
  reason: string,
): Promise<ArtifactVersion> {
  const now = deps.clock();
  return deps.store.transaction(async (trx) => {
    const step = await load(trx, who, type, key, version, 'published', 'retire');
    const row = await move(trx, step, 'published', {
      status: 'retired',
      retired_by: who.actor.id,
      retired_at: now.toISOString(),
      retire_reason: reason,
      updated_at: now.toISOString(),
    });
    await appendAudit(
      trx,
      {
        tenantId: who.tenant,
        actor: who.actor,
        action: 'version.retire',
        target: { type, id: key },
        before: versionRef(type, key, version),
        reason,
      },
      now.toISOString(),
    );
    return toVersion(step.artifact, row, now);
  });
}
