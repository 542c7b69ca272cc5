import { ApiError } from '../../platform/errors';
import { notFound, requireArtifact, type VersionActor } from './actor';
import { currentContent } from './content';
import { toInstant } from './dates';
import { diffContent, type VersionDiff } from './diff';
import { findEffectiveRow, findVersionRow, listArtifacts, listVersionRows, toVersion } from './repository';
import { SEED_AUTHOR, type Artifact, type ArtifactType, type ArtifactVersion, type VersionDeps } from './types';

export interface ArtifactSummary extends Artifact {
  latestVersion: number;
  /** The version in force now, if any. */
  effectiveVersion: number | null;
}

export async function listArtifactSummaries(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
): Promise<ArtifactSummary[]> {
  const { db } = deps.store;
  const now = deps.clock();
  const artifacts = await listArtifacts(db, who.tenant, type);
  return Promise.all(
    artifacts.map(async (a) => {
      const [versions, effective] = await Promise.all([
        listVersionRows(db, a),
        findEffectiveRow(db, a, now.toISOString()),
      ]);
      return { ...a, latestVersion: versions[0]?.version ?? 0, effectiveVersion: effective?.version ?? null };
    }),
  );
}

export interface Person {
  username: string;
  displayName: string | null;
}
export type People = Record<string, Person>;

const SEED_PERSON: Person = { username: 'system', displayName: 'Doorstroom (standaard)' };

/** Every person a version names, so a reviewer reads names instead of ids. */
function personIds(versions: ArtifactVersion[]): string[] {
  const ids = versions.flatMap((v) => [v.authorId, ...v.contributors, v.submittedBy, v.reviewedBy, v.retiredBy]);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

/** Names of the people behind `ids`, looked up in the artifact's own municipality only; unknown ids are left out. */
async function lookUpPeople(deps: VersionDeps, tenant: string, ids: string[]): Promise<People> {
  const people: People = {};
  if (ids.includes(SEED_AUTHOR)) people[SEED_AUTHOR] = SEED_PERSON;
  const userIds = ids.filter((id) => id !== SEED_AUTHOR);
  if (userIds.length === 0) return people;
  const rows = await deps.store.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('tenant_id', '=', tenant)
    .where('id', 'in', userIds)
    .execute();
  for (const r of rows) people[r.id] = { username: r.username, displayName: r.display_name };
  return people;
}

/** The version history, newest first, without content (fetch one version for that), with the names of the people in it. */
export async function versionHistory(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
): Promise<{ artifact: Artifact; versions: ArtifactVersion[]; people: People }> {
  const artifact = await requireArtifact(deps.store.db, who, type, key);
  const now = deps.clock();
  const rows = await listVersionRows(deps.store.db, artifact);
  const versions = rows.map((r) => toVersion(artifact, r, now, false));
  return { artifact, versions, people: await lookUpPeople(deps, artifact.tenantId, personIds(versions)) };
}

export async function getVersion(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  version: number,
): Promise<ArtifactVersion> {
  const artifact = await requireArtifact(deps.store.db, who, type, key);
  const row = await findVersionRow(deps.store.db, artifact, version);
  if (!row) throw notFound(type, key, version);
  return toVersion(artifact, row, deps.clock());
}

/** The version in force on the peildatum `at` (a date, or an instant; default now). */
export async function getEffectiveVersion(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  at?: string,
): Promise<ArtifactVersion> {
  const artifact = await requireArtifact(deps.store.db, who, type, key);
  const instant = at !== undefined ? toInstant(at, '/query/at') : deps.clock().toISOString();
  const row = await findEffectiveRow(deps.store.db, artifact, instant);
  if (!row)
    throw new ApiError(
      404,
      'NO_EFFECTIVE_VERSION',
      `${key} had no published version in force on ${at ?? 'this moment'}.`,
      '/query/at',
    );
  return toVersion(artifact, row, deps.clock());
}

export async function diffVersions(
  deps: VersionDeps,
  who: VersionActor,
  type: ArtifactType,
  key: string,
  from: number,
  to: number,
): Promise<VersionDiff> {
  const artifact = await requireArtifact(deps.store.db, who, type, key);
  const [a, b] = await Promise.all([
    findVersionRow(deps.store.db, artifact, from),
    findVersionRow(deps.store.db, artifact, to),
  ]);
  if (!a) throw new ApiError(404, 'NOT_FOUND', `${key} has no version ${from}.`, '/query/from');
  if (!b) throw new ApiError(404, 'NOT_FOUND', `${key} has no version ${to}.`, '/query/to');
  const [before, after] = [a, b].map((r) => currentContent(type, JSON.parse(r.content)));
  return { from, to, ...diffContent(type, before, after) };
}
