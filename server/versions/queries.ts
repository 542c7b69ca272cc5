import { ApiError } from '../errors';
import { notFound, requireArtifact, type VersionActor } from './actor';
import { toInstant } from './dates';
import { diffContent, type VersionDiff } from './diff';
import { findEffectiveRow, findVersionRow, listArtifacts, listVersionRows, toVersion } from './repository';
import type { Artifact, ArtifactType, ArtifactVersion, VersionDeps } from './types';

export interface ArtifactSummary extends Artifact {
  latestVersion: number;
  /** The version in force now, if any. */
  effectiveVersion: number | null;
}

export async function listArtifactSummaries(deps: VersionDeps, who: VersionActor, type: ArtifactType): Promise<ArtifactSummary[]> {
  const { db } = deps.store;
  const now = deps.clock();
  const artifacts = await listArtifacts(db, who.tenant, type);
  return Promise.all(artifacts.map(async (a) => {
    const [versions, effective] = await Promise.all([listVersionRows(db, a), findEffectiveRow(db, a, now.toISOString())]);
    return { ...a, latestVersion: versions[0]?.version ?? 0, effectiveVersion: effective?.version ?? null };
  }));
}

/** The version history, newest first, without content (fetch one version for that). */
export async function versionHistory(deps: VersionDeps, who: VersionActor, type: ArtifactType, key: string): Promise<{ artifact: Artifact; versions: ArtifactVersion[] }> {
  const artifact = await requireArtifact(deps.store.db, who, type, key);
  const now = deps.clock();
  const rows = await listVersionRows(deps.store.db, artifact);
  return { artifact, versions: rows.map((r) => toVersion(artifact, r, now, false)) };
}

export async function getVersion(deps: VersionDeps, who: VersionActor, type: ArtifactType, key: string, version: number): Promise<ArtifactVersion> {
  const artifact = await requireArtifact(deps.store.db, who, type, key);
  const row = await findVersionRow(deps.store.db, artifact, version);
  if (!row) throw notFound(type, key, version);
  return toVersion(artifact, row, deps.clock());
}

/** The version in force on the peildatum `at` (a date, or an instant; default now). */
export async function getEffectiveVersion(deps: VersionDeps, who: VersionActor, type: ArtifactType, key: string, at?: string): Promise<ArtifactVersion> {
  const artifact = await requireArtifact(deps.store.db, who, type, key);
  const instant = at !== undefined ? toInstant(at, '/query/at') : deps.clock().toISOString();
  const row = await findEffectiveRow(deps.store.db, artifact, instant);
  if (!row) throw new ApiError(404, 'NO_EFFECTIVE_VERSION', `${key} had no published version in force on ${at ?? 'this moment'}.`, '/query/at');
  return toVersion(artifact, row, deps.clock());
}

export async function diffVersions(deps: VersionDeps, who: VersionActor, type: ArtifactType, key: string, from: number, to: number): Promise<VersionDiff> {
  const artifact = await requireArtifact(deps.store.db, who, type, key);
  const [a, b] = await Promise.all([findVersionRow(deps.store.db, artifact, from), findVersionRow(deps.store.db, artifact, to)]);
  if (!a) throw new ApiError(404, 'NOT_FOUND', `${key} has no version ${from}.`, '/query/from');
  if (!b) throw new ApiError(404, 'NOT_FOUND', `${key} has no version ${to}.`, '/query/to');
  return { from, to, ...diffContent(type, JSON.parse(a.content), JSON.parse(b.content)) };
}
