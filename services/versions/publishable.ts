import { checkPublishable } from '../../rules';
import { ApiError } from '../../platform/errors';
import { parseJson } from '../../platform/store/json';
import type { ArtifactType } from './types';

/**
 * Publishable means finished (issue 11): a rule set still holding `{{…}}` placeholders or the
 * template's municipality code may be saved as a draft, but not offered for review or published.
 * A 422 with every issue: code, path into the version's content, Dutch and English message.
 * Process definitions have no such check (yet).
 */
export function assertPublishable(type: ArtifactType, content: string, tenant: string, version: number): void {
  if (type !== 'ruleset') return;
  const { publishable, errors } = checkPublishable(parseJson<unknown>(content, null), { tenant });
  const first = errors[0];
  if (publishable || !first) return;
  const issues = errors.map((e) => ({
    code: e.code,
    path: `/content${e.path}`,
    message: e.message.nl,
    message_en: e.message.en,
  }));
  throw new ApiError(
    422,
    'NOT_PUBLISHABLE',
    `Versie ${version} is nog niet af (not finished yet): ${first.message.nl} / ${first.message.en} (at /content${first.path}).`,
    `/content${first.path}`,
    { issues },
  );
}
