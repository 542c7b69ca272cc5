import type { RuleSet } from '../rule-set-schema';
import { validateRuleSet } from '../validation/validate-rule-set';
import { CliError, EXIT, readJson, type Io } from './cli-io';
import type { Language } from '../localized-text';
import type { RulesIssue } from '../rules-error';

export function issueLines(issues: readonly RulesIssue[], lang: Language, prefix: string): string[] {
  return issues.map((i) => `  ${prefix} ${i.path || '/'}  ${i.code}  ${i.message[lang]}`);
}

/** Reads and validates a rule set; an invalid one is reported and ends the command with exit code 1. */
export async function loadRuleSet(file: string, lang: Language, io: Io): Promise<RuleSet> {
  const document = await readJson(file, lang);
  const result = validateRuleSet(document);
  if (!result.valid) {
    io.err(lang === 'nl' ? `${file}: ongeldige regelset` : `${file}: invalid rule set`);
    for (const line of issueLines(result.errors, lang, '✗')) io.err(line);
    throw new CliError(
      EXIT.findings,
      lang === 'nl' ? 'Los eerst de fouten in de regelset op.' : 'Fix the rule set errors first.',
    );
  }
  return document as RuleSet;
}
