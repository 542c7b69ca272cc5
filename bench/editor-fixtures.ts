import type { RuleSet } from '../rules';
import type { ProcessDefinition, ProcessNode } from '../workflows/dsl/schema';

/** Big documents for bench/editor.ts: a rule set of N rules (5 conditions each) and a process of N steps. */

export function bigRuleSet(base: RuleSet, rules: number): RuleSet {
  const template = base.rules[0];
  if (!template) throw new Error('bench: the base rule set has no rule to copy');
  return {
    ...base,
    rules: Array.from({ length: rules }, (_, i) => ({
      ...template,
      name: `bench-regel-${i + 1}`,
      title: `Regel ${i + 1}: voorrang bij huishouden tot ${(i % 8) + 1} personen`,
      priority: (i % 10) + 1,
      enabled: true,
      conditions: {
        all: [
          { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
          { fact: 'householdSize', operator: 'lessThanInclusive', value: (i % 8) + 1 },
          { fact: 'permitType', operator: 'in', value: ['asiel', 'nareis'] },
          { fact: 'hasIndependentHome', operator: 'equal', value: false },
          { fact: 'annualIncome', operator: 'lessThanInclusive', value: 40_000 + i * 10 },
        ],
      },
      event: { type: 'priority', params: { category: 'bench', rank: (i % 5) + 1 } },
    })),
  };
}

/** A chain of waiting steps (each with two reminders and a time limit) and tasks, ending in one end step. */
export function bigProcess(base: ProcessDefinition, steps: number): ProcessDefinition {
  const id = (i: number) => (i === steps - 1 ? 'klaar' : `stap-${i + 1}`);
  const nodes: ProcessNode[] = [];
  const events: NonNullable<ProcessDefinition['events']> = {};
  for (let i = 0; i < steps - 1; i += 1) {
    const label = { nl: `Stap ${i + 1}`, en: `Step ${i + 1}` };
    if (i % 2 === 0) {
      nodes.push({
        id: id(i),
        kind: 'task',
        label,
        action: 'set-status',
        params: { status: `stap-${i + 1}` },
        next: id(i + 1),
      });
    } else {
      // Format version 2: each event declared once for the definition, named by its step.
      events[`gebeurtenis-${i + 1}`] = {
        label: { nl: `Gebeurtenis ${i + 1}` },
        payloadSchema: { type: 'object', properties: { datum: { type: 'string', format: 'date' } } },
      };
      nodes.push({
        id: id(i),
        kind: 'wait',
        label,
        events: [{ name: `gebeurtenis-${i + 1}`, next: id(i + 1) }],
        reminders: [
          { id: 'eerste', label: { nl: 'Eerste herinnering' }, at: { from: 'caseStarted', after: 'P2W' } },
          {
            id: 'tweede',
            label: { nl: 'Tweede herinnering' },
            at: { from: 'caseStarted', after: { param: 'reminders.second' } },
          },
        ],
        timeout: { at: { from: 'caseStarted', after: 'P6M' }, label: { nl: 'Termijn verstreken' }, next: 'klaar' },
      });
    }
  }
  nodes.push({ id: 'klaar', kind: 'end', label: { nl: 'Klaar', en: 'Done' }, outcome: 'klaar' });
  return { ...base, events, start: id(0), nodes };
}
