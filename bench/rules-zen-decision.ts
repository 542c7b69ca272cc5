// The urgency scheme (rules/templates, as bench/rules.ts loads it: GM0363) as one GoRules JDM decision
// table, collect hit policy, rows in priority order. Named conditions become input columns whose
// field is a ZEN expression. ZEN refuses to compare null with a number, so an unknown number is
// replaced by one that fails the comparison: unknown fails, as it does in json-rules-engine.

const column = (id: string, field: string) => ({ id, name: id, type: 'expression', field });

const inputs = [
  column(
    'basis',
    '(age ?? -1) >= 18 and (((householdSize ?? -1) == 1 and (annualIncome ?? 999999999) <= 51537) or ((householdSize ?? -1) >= 2 and (annualIncome ?? 999999999) <= 56910)) and rentArrears == false',
  ),
  column('binding', '(yearsOfRegionalTies ?? -1) >= 2'),
  column(
    'nood',
    'emergencySelfCaused == false and solvableByApplicant == false and (solvableByMoveMonths ?? 999999999) <= 4',
  ),
  column('medical', 'medicalUrgency'),
  column('leaving', 'leavingInstitution'),
  column('ready', 'readyForIndependentLiving'),
  column('mantelzorg', 'mantelzorg'),
  column('careHours', '(mantelzorgUrenPerWeek ?? -1) >= 8'),
  column('social', 'socialEmergency'),
  column('demolition', 'demolition'),
  column('independent', 'hasIndependentHome'),
  column('permit', 'permitType'),
  column('municipality', 'linkedMunicipality'),
];

const outputs = [
  column('type', 'type'),
  column('category', 'params.category'),
  column('rank', 'params.rank'),
  column('reason', 'params.reason'),
];

type Row = Partial<Record<string, string>>;
const priorityRow = (category: string, rank: number, when: Row): Row => ({
  basis: 'true',
  ...when,
  type: '"priority"',
  category: `"${category}"`,
  rank: String(rank),
});

const rows: Row[] = [
  { basis: 'false', type: '"not-eligible"', reason: '"basic-conditions"' },
  priorityRow('medical', 1, { binding: 'true', nood: 'true', medical: 'true' }),
  priorityRow('leaving-institution', 2, {
    leaving: '"maatschappelijke-opvang", "beschermd-wonen", "vrouwenopvang"',
    ready: 'true',
  }),
  priorityRow('mantelzorg', 3, { binding: 'true', nood: 'true', mantelzorg: 'true', careHours: 'true' }),
  priorityRow('social-emergency', 3, { binding: 'true', nood: 'true', social: 'true' }),
  priorityRow('demolition', 4, { demolition: 'true', independent: 'true' }),
  priorityRow('status-holder', 5, { permit: '"asiel", "nareis"', municipality: '"GM0363"', independent: 'false' }),
];

export function urgencySchemeJdm(): object {
  const ids = [...inputs, ...outputs].map((c) => c.id);
  return {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'urgency',
        type: 'decisionTableNode',
        name: 'Urgentieregeling',
        position: { x: 300, y: 0 },
        content: {
          hitPolicy: 'collect',
          inputs,
          outputs,
          rules: rows.map(
            (row, i) =>
              Object.fromEntries([['_id', `row-${i}`], ...ids.map((id) => [id, row[id] ?? ''])]) as Record<
                string,
                unknown
              >,
          ),
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', type: 'edge', sourceId: 'request', targetId: 'urgency' },
      { id: 'e2', type: 'edge', sourceId: 'urgency', targetId: 'response' },
    ],
  };
}
