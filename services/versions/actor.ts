import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';
import { findArtifact } from './repository';
import type { Artifact, ArtifactType } from './types';

/** Who acts, within which municipality (the request's auth context fits). */
export interface VersionActor {
  tenant: string;
  actor: { kind: 'user' | 'apiKey'; id: string };
}

export function notFound(type: ArtifactType, key: string, version?: number): ApiError {
  const what = type === 'ruleset' ? 'Rule set' : 'Process definition';
  return new ApiError(
    404,
    'NOT_FOUND',
    version === undefined ? `${what} ${key} not found.` : `${what} ${key} has no version ${version}.`,
    version === undefined ? '/params/key' : '/params/version',
  );
}

export async function requireArtifact(db: Db, who: VersionActor, type: ArtifactType, key: string): Promise<Artifact> {
  const artifact = await findArtifact(db, who.tenant, type, key);
  if (!artifact) throw notFound(type, key);
  return artifact;
}
