import { useCallback, useEffect, useState } from 'react';
import { artifacts, type ArtifactHistory, type ArtifactType, type ArtifactVersion } from '../api/artifacts';

/**
 * Which version the editor shows: the open draft if there is one, else one awaiting review,
 * else the version in force (read-only until the designer starts a new draft).
 */
export function pickVersion(history: ArtifactHistory): ArtifactVersion | undefined {
  const byNewest = [...history.versions].sort((a, b) => b.version - a.version);
  return (
    byNewest.find((v) => v.status === 'draft') ??
    byNewest.find((v) => v.status === 'in_review') ??
    byNewest.find((v) => v.status === 'published' && !v.scheduled) ??
    byNewest[0]
  );
}

/** The version in force now (what a simulation compares a draft with). */
export function publishedVersion(history: ArtifactHistory): ArtifactVersion | undefined {
  return [...history.versions]
    .sort((a, b) => b.version - a.version)
    .find((v) => v.status === 'published' && !v.scheduled);
}

export function useArtifact(type: ArtifactType, key: string) {
  const [history, setHistory] = useState<ArtifactHistory>();
  const [version, setVersion] = useState<ArtifactVersion>();
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (prefer?: number) => {
      try {
        const h = await artifacts.history(type, key);
        setHistory(h);
        const chosen =
          (prefer !== undefined ? h.versions.find((v) => v.version === prefer) : undefined) ?? pickVersion(h);
        // The history may leave content out; the version itself always has it.
        setVersion(
          chosen && chosen.content === undefined ? await artifacts.version(type, key, chosen.version) : chosen,
        );
        setError(undefined);
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [type, key],
  );

  useEffect(() => void load(), [load]);
  return { history, version, error, reload: load };
}
