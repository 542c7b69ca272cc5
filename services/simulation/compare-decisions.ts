import {
  assessCase,
  catalogOf,
  InvalidFactsError,
  outcomeLabel,
  RulesError,
  type ConditionExplanation,
  type Explanation,
  type RuleSet,
} from '../../rules';
import type { DecisionRecord } from '../../workflows/case-state';
import type {
  ChangedCase,
  ChangedCondition,
  ConditionState,
  RuleSetSimulation,
} from '../../contract/ruleset-simulation';

/** One real decision to re-judge: the case's own reference, and the record its decision step kept. */
export interface RecordedDecision {
  caseId: string;
  caseRef: string;
  record: DecisionRecord;
}

/** What the simulation answers (contract/ruleset-simulation.ts), before the route adds whether the cases were cut off. */
export type OwnCasesSimulation = Omit<RuleSetSimulation, 'truncated'>;
export type { ChangedCase, ChangedCondition, ConditionState };

const STATE: Record<string, ConditionState> = {
  held: 'voldaan',
  failed: 'niet-voldaan',
  'not-evaluated': 'niet-beoordeeld',
};

/** Every fact condition of an explanation, keyed by rule, fact and operator, iteratively (no recursion on stored input). */
function conditionStates(
  explanation: Explanation | null | undefined,
): Map<string, { rule: string; fact: string; state: ConditionState }> {
  const out = new Map<string, { rule: string; fact: string; state: ConditionState }>();
  for (const rule of explanation?.rules ?? []) {
    const stack: ConditionExplanation[] = [rule.conditions];
    while (stack.length > 0) {
      const c = stack.pop() as ConditionExplanation;
      if (c.kind === 'fact') {
        out.set(`${rule.name}|${c.fact}|${c.operator}|${c.path}`, {
          rule: rule.title,
          fact: c.fact,
          state: c.known ? (STATE[c.status] ?? 'niet-beoordeeld') : 'onbekend',
        });
      } else if ('conditions' in c) {
        stack.push(...c.conditions);
      } else {
        stack.push(c.condition);
      }
    }
  }
  return out;
}

const firstOutcome = (events: ReadonlyArray<{ type: string }>): string | null => events[0]?.type ?? null;

/**
 * Re-judges the municipality's real decisions with a draft rule set, each on its own peildatum
 * and facts: which cases would get another outcome, with the conditions that changed, and the
 * totals per outcome — what a council asks before it changes its bye-law. Pure and linear in
 * the records; the draft is compiled once.
 */
export function compareDecisions(draft: RuleSet, decisions: readonly RecordedDecision[]): OwnCasesSimulation {
  const catalog = catalogOf(draft);
  const factLabel = (fact: string) =>
    (Object.prototype.hasOwnProperty.call(catalog.facts, fact) ? catalog.facts[fact]?.label.nl : undefined) ?? fact;
  const totals = new Map<string | null, { before: number; after: number }>();
  const count = (outcome: string | null, side: 'before' | 'after') => {
    const t = totals.get(outcome) ?? { before: 0, after: 0 };
    t[side] += 1;
    totals.set(outcome, t);
  };
  const cases: ChangedCase[] = [];
  let unreadable = 0;
  for (const { caseId, caseRef, record } of decisions) {
    let after: { outcome: string | null; incomplete?: string[]; explanation?: Explanation };
    try {
      const assessed = assessCase(draft, record.facts, { peildatum: record.peildatum, explain: true });
      after =
        assessed.status === 'complete'
          ? { outcome: firstOutcome(assessed.events), explanation: assessed.explanation }
          : {
              outcome: null,
              incomplete: assessed.missingFacts.map((f) => f.label.nl),
              explanation: assessed.explanation,
            };
    } catch (err) {
      if (err instanceof InvalidFactsError || err instanceof RulesError) {
        unreadable += 1;
        continue;
      }
      throw err;
    }
    const before = firstOutcome(record.events);
    count(before, 'before');
    count(after.outcome, 'after');
    if (before === after.outcome && !after.incomplete) continue;
    const old = conditionStates(record.explanation as Explanation | null);
    const now = conditionStates(after.explanation);
    const conditions: ChangedCondition[] = [];
    for (const [key, b] of old) {
      const a = now.get(key);
      if (!a || a.state !== b.state)
        conditions.push({
          rule: b.rule,
          fact: b.fact,
          factLabel: factLabel(b.fact),
          before: b.state,
          after: a?.state ?? 'ontbreekt',
        });
    }
    for (const [key, a] of now)
      if (!old.has(key))
        conditions.push({
          rule: a.rule,
          fact: a.fact,
          factLabel: factLabel(a.fact),
          before: 'ontbreekt',
          after: a.state,
        });
    cases.push({
      caseRef,
      caseId,
      nodeId: record.nodeId,
      peildatum: record.peildatum,
      before: { outcome: before, label: outcomeLabel(draft, before, 'nl') },
      after: {
        outcome: after.outcome,
        label: after.incomplete ? 'onvolledig' : outcomeLabel(draft, after.outcome, 'nl'),
        ...(after.incomplete ? { incomplete: after.incomplete } : {}),
      },
      ...(record.confirmation
        ? { decided: { outcome: record.confirmation.branch, deviated: record.confirmation.deviated } }
        : {}),
      conditions,
    });
  }
  return {
    compared: decisions.length - unreadable,
    changed: cases.length,
    unreadable,
    totals: [...totals.entries()].map(([outcome, t]) => ({ outcome, label: outcomeLabel(draft, outcome, 'nl'), ...t })),
    cases,
  };
}
