import { ApiError } from '../../platform/errors';
import type { ArtifactType, ContentIssue, VersionDeps } from './types';

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
