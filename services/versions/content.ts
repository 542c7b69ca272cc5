import { ApiError } from '../../platform/errors';
import { upgradeStoredDefinition } from '../../workflows/dsl/upgrade-stored-definition';
import type { ArtifactType, ContentIssue, VersionDeps } from './types';

/**
 * Content in its current format: a version-1 process definition is upgraded to version 2 on save
 * and on read, so editors, diffs and new cases never see version 1 (running cases keep their snapshot).
 */
export function currentContent(type: ArtifactType, content: unknown): unknown {
  return type === 'definition' ? upgradeStoredDefinition(content) : content;
}

/** Runs the content validator; a failure is a 422 that points into `/body/content`. */
export async function checkContent(deps: VersionDeps, type: ArtifactType, content: unknown): Promise<void> {
  const issues: ContentIssue[] = await deps.validateContent(type, content);
  const first = issues[0];
  if (!first) return;
  const path = `/body/content${first.path}`;
  throw new ApiError(
    422,
    'CONTENT_INVALID',
    `The ${type === 'ruleset' ? 'rule set' : 'process definition'} is not valid: ${first.message} (at ${path}).`,
    path,
    {
      // Validators may add a stable `code` and `message_en` (the rules core does): they travel with the issue.
      issues: issues.map((i) => ({ ...i, path: `/body/content${i.path}` })),
    },
  );
}
