import type { Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import type { Artifact, Version } from '../../contract/artifacts';

/** Rule sets and process definitions share one versioning scheme. */
export const ARTIFACT_TYPES = ['ruleset', 'definition'] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

export { VERSION_STATUSES, type VersionStatus } from '../../contract/artifacts';

/** A rule set or process definition, and one of its versions, as the API shows them (contract/artifacts.ts). */
export type { Artifact };
export type ArtifactVersion = Version;

/** A problem in an artifact's content; `path` is an RFC 6901 pointer into the content. */
export interface ContentIssue {
  path: string;
  message: string;
}

/**
 * Validates rule-set or process-definition content. The rules and workflow engineers own
 * those schemas; the store only stores what their validator accepts.
 */
export type ContentValidator = (type: ArtifactType, content: unknown) => ContentIssue[] | Promise<ContentIssue[]>;

/** Accepts any JSON object: the default until the real validators are wired in. */
export const acceptAnyObject: ContentValidator = (_type, content) =>
  typeof content === 'object' && content !== null && !Array.isArray(content)
    ? []
    : [{ path: '', message: 'must be a JSON object' }];

/** A built-in template or definition, seeded into every new municipality as version 1. */
export interface ArtifactSeed {
  type: ArtifactType;
  key: string;
  name: string;
  content: unknown;
  /** Published (effective at once) by default; a draft leaves the choice to the municipality. */
  status?: 'published' | 'draft';
}

export interface VersionDeps {
  store: Store;
  clock: Clock;
  validateContent: ContentValidator;
}

/** The author recorded on seeded versions. */
export const SEED_AUTHOR = 'system:seed';

export function versionRef(type: ArtifactType, key: string, version: number): string {
  return `${type}/${key}@${version}`;
}
