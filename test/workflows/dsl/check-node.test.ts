import { evaluateCheck } from '../../../workflows/dsl/check-conditions';
import { inlineDeclarations } from '../../../workflows/dsl/inline-declarations';
import type { CheckNode } from '../../../workflows/dsl/schema';
import { validateDefinition, type DefinitionError } from '../../../workflows/dsl/validate-definition';
import { housingDefinition } from '../../support/factories';

const toetsIndex = () => housingDefinition().nodes.findIndex((n) => n.id === 'toets-aanbod');
function errorsAfter(mutate: (check: any, def: any) => void): DefinitionError[] {
  const def = housingDefinition() as any;
  mutate(def.nodes[toetsIndex()], def);
  const r = validateDefinition(def);
  return r.valid ? [] : r.errors;
}

const scope = (variables: Record<string, unknown>, maxRent: unknown = 800) => ({
  data: { householdSize: 4 },
  variables,
  dates: {},
  parameters: { fit: { personsAboveRooms: 1 }, passendToewijzen: { maxRent } },
});
const toets = () => housingDefinition().nodes[toetsIndex()] as CheckNode;

describe('check step: evaluation (pure)', () => {
  it('passes when every condition holds; the limit plus `plus` is inclusive', () => {
    expect(evaluateCheck(toets(), scope({ offerRooms: 3, offerRent: 800 }))).toEqual({
      passed: true,
      failed: [],
      unknown: [],
    });
  });
  it('names each condition that fails', () => {
    expect(evaluateCheck(toets(), scope({ offerRooms: 2, offerRent: 800.01 }))).toEqual({
      passed: false,
      failed: ['kamers', 'huur'],
      unknown: [],
    });
  });
  it('a value that is not a number is unknown, never coerced: "900" is not 900, a null limit is not zero', () => {
    expect(evaluateCheck(toets(), scope({ offerRooms: '3', offerRent: 700 }))).toEqual({
      passed: false,
      failed: [],
      unknown: ['kamers'],
    });
    expect(evaluateCheck(toets(), scope({ offerRooms: 3, offerRent: 700 }, null)).unknown).toEqual(['huur']);
  });
  it('every operator', () => {
    const node = (operator: string): CheckNode => ({
      id: 't',
      kind: 'check',
      label: { nl: 't' },
      conditions: [
        { id: 'c', label: { nl: 'c' }, value: { value: 2 }, operator: operator as any, limit: { value: 2 } },
      ],
      pass: 'a',
      fail: 'b',
    });
    const s = scope({});
    const passed = (op: string) => evaluateCheck(node(op), s).passed;
    expect(
      ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'].map(passed),
    ).toEqual([false, true, false, true, true, false]);
  });
});

describe('check step: validation', () => {
  it('the built-in housing process (v3) with its check is valid', () => {
    expect(validateDefinition(housingDefinition()).valid).toBe(true);
  });
  it('SCHEMA: more than 10 conditions, an unknown operator, no way out', () => {
    const many = errorsAfter((c) => {
      c.conditions = Array.from({ length: 11 }, (_, i) => ({ ...c.conditions[0], id: `c${i}` }));
    });
    expect(many[0]).toMatchObject({ code: 'SCHEMA' });
    expect(errorsAfter((c) => (c.conditions[0].operator = 'about'))[0]).toMatchObject({ code: 'SCHEMA' });
    expect(errorsAfter((c) => delete c.fail)[0]).toMatchObject({ code: 'SCHEMA' });
  });
  it('UNKNOWN_NODE: pass or fail leads nowhere', () => {
    // The step it used to lead to is then unreachable as well: both are reported.
    expect(errorsAfter((c) => (c.fail = 'nergens'))).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_NODE', path: `/nodes/${toetsIndex()}/fail`, nodeId: 'toets-aanbod' }),
      expect.objectContaining({ code: 'UNREACHABLE_NODE', nodeId: 'aanbod-past-niet' }),
    ]);
  });
  it('DUPLICATE_CONDITION: a condition id used twice', () => {
    expect(errorsAfter((c) => (c.conditions[1].id = 'kamers'))).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_CONDITION', path: `/nodes/${toetsIndex()}/conditions/1/id` }),
    ]);
  });
  it('CHECK_NOT_NUMERIC: a text constant, a date, or a parameter that is not a number', () => {
    const at = `/nodes/${toetsIndex()}/conditions`;
    expect(errorsAfter((c) => (c.conditions[0].limit = { value: 'drie' }))).toEqual([
      expect.objectContaining({ code: 'CHECK_NOT_NUMERIC', path: `${at}/0/limit` }),
    ]);
    expect(errorsAfter((c) => (c.conditions[0].value = 'dates.koppeling'))).toEqual([
      expect.objectContaining({ code: 'CHECK_NOT_NUMERIC', path: `${at}/0/value` }),
    ]);
    expect(errorsAfter((_c, d) => (d.parameters.passendToewijzen.maxRent = '€ 800'))).toEqual([
      expect.objectContaining({ code: 'CHECK_NOT_NUMERIC', path: `${at}/1/limit` }),
    ]);
  });
  it('UNKNOWN_VARIABLE / UNKNOWN_PARAMETER: a source nothing sets', () => {
    const at = `/nodes/${toetsIndex()}/conditions`;
    expect(errorsAfter((c) => (c.conditions[0].limit = 'variables.kamers'))).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_VARIABLE', path: `${at}/0/limit` }),
    ]);
    expect(errorsAfter((c) => (c.conditions[1].limit = 'parameters.passendToewijzen.maxHuur'))).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_PARAMETER', path: `${at}/1/limit` }),
    ]);
  });
  it('its `assign` variable is known to later steps', () => {
    expect(
      errorsAfter((_c, d) => {
        const i = d.nodes.findIndex((n: any) => n.id === 'geen-voorrang');
        d.nodes[i].params = { ...d.nodes[i].params, vorigeToets: 'variables.aanbodToets' };
      }).filter((e) => e.code === 'UNKNOWN_VARIABLE'),
    ).toEqual([]);
  });
  it('has no version-1 form', () => {
    expect(() => inlineDeclarations(housingDefinition())).toThrow(/check step "toets-aanbod"/);
  });
});
