import { ApplicationFailure } from '@temporalio/common';
import { assessCase, RulesError, selectEffectiveVersion, type RuleSet, type RulesIssue } from '../../rules';
import type { RuleSetSource } from '../../services/rule-sets/rule-set-source';
import type { DecisionOutcome, DecisionRequest } from '../../workflows/activity-types';

// Configuration problems (nothing published for the peildatum, two versions on one day) are
// retried: the case waits in its decision step, visible in the monitor, until a designer fixes it.
const CONFIGURATION_CODES = new Set([
  'no-effective-version',
  'ambiguous-effective-version',
  'peildatum-in-gap',
  'mixed-rule-sets',
]);

/** A fact name from an issue's JSON pointer (`/householdSize` → householdSize). */
const factOf = (issue: RulesIssue): string => issue.path.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~') ?? '';

/**
 * The decision activity: picks the version for the peildatum and assesses the case with
 * explanation. Facts of the wrong type are never coerced: like unknown facts they make the
 * outcome `incomplete`, so a person supplies them instead of the rules deciding on a guess.
 */
export async function decide(ruleSets: RuleSetSource, req: DecisionRequest): Promise<DecisionOutcome> {
  const versions: RuleSet[] = await ruleSets.published(req.tenant, req.kind);
  try {
    const ruleSet = selectEffectiveVersion(versions, req.peildatum);
    const who = { ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version };
    try {
      const result = assessCase(ruleSet, req.facts, { peildatum: req.peildatum, explain: true });
      if (result.status === 'incomplete') {
        return {
          ...who,
          status: 'incomplete',
          missingFacts: result.missingFacts.map((f: { name: string }) => f.name),
          events: [],
          explanation: result.explanation ?? null,
        };
      }
      return { ...who, status: 'complete', events: result.events, explanation: result.explanation };
    } catch (err) {
      if (err instanceof RulesError && err.code === 'invalid-facts') {
        const issues = (err as RulesError & { issues?: RulesIssue[] }).issues ?? [err.toJSON()];
        const missingFacts = [...new Set(issues.map(factOf).filter((f) => f !== ''))];
        return { ...who, status: 'incomplete', missingFacts, factIssues: issues, events: [], explanation: null };
      }
      throw err;
    }
  } catch (err) {
    if (err instanceof RulesError) {
      throw ApplicationFailure.create({
        type: `RULES_${err.code.toUpperCase().replace(/-/g, '_')}`,
        message: `${req.tenant} ${req.kind} @ ${req.peildatum}: ${err.message}`,
        details: [err.toJSON()],
        nonRetryable: !CONFIGURATION_CODES.has(err.code),
      });
    }
    throw err;
  }
}
