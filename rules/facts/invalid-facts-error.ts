import { RulesError, type RulesIssue } from '../rules-error';
import type { FactCatalog } from './fact-catalog';
import { validateFacts } from './facts-schema';

/** Thrown where a case's facts do not fit the catalog; `issues` lists every problem with its path. */
export class InvalidFactsError extends RulesError {
  readonly issues: RulesIssue[];
  constructor(issues: RulesIssue[]) {
    const first = issues[0];
    super(
      'invalid-facts',
      {
        nl: `De feiten zijn ongeldig (${issues.length} fout(en))${first ? `: ${first.message.nl}` : ''}`,
        en: `The facts are invalid (${issues.length} error(s))${first ? `: ${first.message.en}` : ''}`,
      },
      first?.path ?? '',
    );
    this.issues = issues;
  }

  override toJSON(): RulesIssue & { issues: RulesIssue[] } {
    return { ...super.toJSON(), issues: this.issues };
  }
}

export function assertValidFacts(catalog: FactCatalog, facts: unknown): void {
  const { valid, errors } = validateFacts(catalog, facts as Record<string, unknown>);
  if (!valid) throw new InvalidFactsError(errors);
}
