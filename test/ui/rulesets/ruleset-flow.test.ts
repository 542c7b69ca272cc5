import { factCatalogFor, loadTemplate, validateRuleSet, type RuleSet } from '../../../rules';
import { errorsByNode, nodeIdOf, pathOfNodeId, ruleSetToFlow } from '../../../ui/src/rulesets/graph/ruleset-flow';
import { getAt, setAt } from '../../../ui/src/rulesets/model/json-pointer';
import { layoutGraph } from '../../../ui/src/graph/layout';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const ruleSet = (): RuleSet => loadTemplate('urgency-scheme', { tenant: 'GM0363' });

describe('rule set ↔ React Flow', () => {
  it('draws rule set → rules → groups → conditions, each node named after the pointer of what it shows', () => {
    const rs = deepFreeze(ruleSet());
    const { nodes, edges } = ruleSetToFlow(rs, factCatalogFor(rs.kind), 'nl');
    expect(nodes[0]).toMatchObject({ id: nodeIdOf(''), type: 'ruleset' });
    expect(nodes.filter((n) => n.type === 'rule')).toHaveLength(rs.rules.length);
    for (const n of nodes) {
      expect(pathOfNodeId(n.id)).toBe(n.data.path);
      expect(getAt(rs, n.data.path)).toBeDefined();
    }
    // A tree: every node but the root has exactly one parent.
    expect(edges).toHaveLength(nodes.length - 1);
    expect(new Set(edges.map((e) => e.target)).size).toBe(nodes.length - 1);
  });

  it('maps back: a selected node edits the part of the document its pointer names, and UI state never reaches the JSON', () => {
    const rs = deepFreeze(ruleSet());
    const { nodes, edges } = ruleSetToFlow(rs, factCatalogFor(rs.kind), 'nl', {
      statuses: new Map([['/rules/0', 'fired']]),
      errors: new Map([['/rules/0', 1]]),
    });
    const positions = layoutGraph(
      nodes.map((n) => ({ id: n.id, width: 200, height: 60 })),
      edges,
    );
    const onScreen = nodes.map((n) => ({ ...n, position: positions.get(n.id), selected: true }));
    const fact = onScreen.find((n) => n.type === 'fact');
    if (!fact) throw new Error('fixture has no condition');
    const path = pathOfNodeId(fact.id);
    const edited = setAt(rs, `${path}/value`, 99);
    expect(getAt(edited, `${path}/value`)).toBe(99);
    const json = JSON.stringify(edited);
    for (const uiKey of ['"position"', '"selected"', '"fired"', '"errors"', 'ariaLabel', '"path"'])
      expect(json).not.toContain(uiKey);
    // Only the edited rule is a new object; the rest is shared (cheap undo, one node re-renders).
    const ruleIndex = Number(path.split('/')[2]);
    edited.rules.forEach((r, i) => (i === ruleIndex ? expect(r).not.toBe(rs.rules[i]) : expect(r).toBe(rs.rules[i])));
    expect(JSON.parse(JSON.stringify(rs))).toEqual(ruleSet());
  });

  it('puts validation errors on the deepest node above their pointer', () => {
    const rs = ruleSet();
    const paths = ruleSetToFlow(rs, factCatalogFor(rs.kind), 'nl').nodes.map((n) => n.data.path);
    const factPath = paths.find((p) => (getAt(rs, p) as { fact?: string } | undefined)?.fact !== undefined);
    if (!factPath) throw new Error('fixture has no condition');
    const broken = setAt(rs, `${factPath}/fact`, 'nietBestaand');
    const result = validateRuleSet(broken);
    expect(result.valid).toBe(false);
    const counts = errorsByNode(
      result.errors.map((e) => e.path),
      paths,
    );
    expect(counts.get(factPath)).toBeGreaterThan(0);
    expect(errorsByNode(['/rules/0/title', '/nothing/here'], paths)).toEqual(
      new Map([
        ['/rules/0', 1],
        ['', 1],
      ]),
    );
  });
});
