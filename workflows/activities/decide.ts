import { ApplicationFailure } from '@temporalio/common';
import { evaluate, RulesError, selectEffectiveVersion, type RuleSet } from '../../rules';
import type { RuleSetSource } from './rule-set-source';

export interface DecisionRequest {
  tenant: string;
  caseId: string;
  nodeId: string;
  kind: string;
  /** YYYY-MM-DD: the version in force on this day judges the case. */
  peildatum: string;
  facts: Record<string, unknown>;
}

export interface DecisionOutcome {
  ruleSetId: string;
  ruleSetVersion: number;
  events: Array<{ type: string; params?: Record<string, unknown> }>;
  explanation: unknown;
}

// Configuration problems (nothing published for the peildatum, two versions on one day) are
// retried: the case waits in its decision step, visible in the monitor, until a designer fixes it.
const CONFIGURATION_CODES = new Set(['no-effective-version', 'ambiguous-effective-version', 'peildatum-in-gap', 'mixed-rule-sets']);

/** The decision activity: picks the version for the peildatum and evaluates it with explanation. */
export async function decide(ruleSets: RuleSetSource, req: DecisionRequest): Promise<DecisionOutcome> {
  const versions: RuleSet[] = await ruleSets.published(req.tenant, req.kind);
  try {
    const ruleSet = selectEffectiveVersion(versions, req.peildatum);
    const result = evaluate(ruleSet, req.facts, { peildatum: req.peildatum, explain: true });
    return { ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, events: result.events, explanation: result.explanation };
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
