import { validateRuleSet } from '../../rules';
import { validateDefinition } from '../../workflows/dsl/validate-definition';
import type { ContentIssue, ContentValidator } from '../versions/types';

export interface CodedContentIssue extends ContentIssue {
  code: string;
  message_en: string;
}

/**
 * The store keeps what the engines accept: rule sets checked by the rules core (facts,
 * operators, parameters), process definitions by the interpreter's own validation.
 * `message` is Dutch (the editor's language), `message_en` English, `code` stable.
 */
export const validateArtifactContent: ContentValidator = (type, content) => {
  const issues: CodedContentIssue[] = [];
  if (type === 'ruleset') {
    const result = validateRuleSet(content);
    for (const e of result.errors)
      issues.push({ code: e.code, path: e.path, message: e.message.nl, message_en: e.message.en ?? e.message.nl });
  } else {
    const result = validateDefinition(content);
    if (!result.valid)
      for (const e of result.errors)
        issues.push({ code: e.code, path: e.path, message: e.message.nl, message_en: e.message.en });
  }
  return issues;
};
