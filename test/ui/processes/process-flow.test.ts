import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import { flowToProcess, processToFlow, type ProcessFlowNode } from '../../../ui/src/processes/graph/process-flow';
import { describeNode } from '../../../ui/src/processes/kinds/node-specs';
import { diffDefinitions } from '../../../ui/src/processes/model/definition-diff';
import { setParameter } from '../../../ui/src/processes/model/definition-ops';
import { deepFreeze, hotelStay } from './fixtures';

describe('process definition ↔ React Flow', () => {
  it('draws one node per step and one edge per way out, labelled by event or outcome', () => {
    const def = deepFreeze(hotelStay());
    const { nodes, edges } = processToFlow(def, 'nl');
    expect(nodes.map((n) => n.id)).toEqual(def.nodes.map((n) => n.id));
    expect(nodes.find((n) => n.id === 'registratie')?.data.start).toBe(true);
    expect(edges.find((e) => e.id === 'wacht-op-hotelplaatsing/events/0/next')).toMatchObject({
      source: 'wacht-op-hotelplaatsing',
      target: 'coa-betaalde-periode',
      label: 'Geplaatst in hotel',
    });
    expect(edges.find((e) => e.id === 'coa-betaalde-periode/timeout/next')).toMatchObject({
      target: 'overdracht-har',
      label: 'Einde door COA betaalde periode (6 maanden)',
    });
    expect(edges.find((e) => e.id === 'overdracht-har/outcomes/1/next')?.label).toBe('beeindigd');
    expect(processToFlow(def, 'en').edges.find((e) => e.id === 'wacht-op-hotelplaatsing/events/0/next')?.label).toBe(
      'Placed in hotel',
    );
  });

  it('maps back to the same definition, and UI-only state (positions, selection, size, diff) never reaches the saved JSON', () => {
    const def = deepFreeze(hotelStay());
    const { nodes, edges } = processToFlow(def, 'nl', {
      errors: new Map([['registratie', 2]]),
      diff: new Map([['registratie', 'changed']]),
      describe: (n) => describeNode(n, def, 'nl'),
    });
    // What React Flow adds to its nodes while the designer works.
    const onScreen: ProcessFlowNode[] = nodes.map((n, i) => ({
      ...n,
      position: { x: i * 10, y: i * 20 },
      selected: i === 1,
      dragging: false,
      measured: { width: 270, height: 80 },
      width: 270,
      height: 80,
    }));
    const back = flowToProcess(def, onScreen, edges);
    expect(back).toEqual(def);
    const json = JSON.stringify(back);
    for (const uiKey of ['position', 'selected', 'measured', 'dragging', 'errors', 'diff', '"lines"', 'ariaLabel'])
      expect(json).not.toContain(uiKey);
  });

  it('takes a reconnected edge back into the step field it names', () => {
    const def = hotelStay();
    const { nodes, edges } = processToFlow(def, 'nl');
    const moved = edges.map((e) =>
      e.id === 'wacht-op-hotelplaatsing/events/1/next' ? { ...e, target: 'beeindigd' } : e,
    );
    const back = flowToProcess(def, nodes, moved);
    const wait = back.nodes.find((n) => n.id === 'wacht-op-hotelplaatsing');
    expect(wait?.kind === 'wait' && wait.events[1]?.next).toBe('beeindigd');
    expect(back.nodes.find((n) => n.id === 'registratie')).toBe(def.nodes.find((n) => n.id === 'registratie'));
  });

  it('shows reminders and the time limit in words on the waiting step', () => {
    const def = hotelStay();
    const { nodes } = processToFlow(def, 'nl', { describe: (n) => describeNode(n, def, 'nl') });
    expect(nodes.find((n) => n.id === 'coa-betaalde-periode')?.data.lines).toEqual([
      'Herinnering: 3 maanden na hotelplaatsing',
      'Herinnering: 4 maanden na hotelplaatsing',
      'Herinnering: 5 maanden na hotelplaatsing',
      'Termijn: 6 maanden na hotelplaatsing',
    ]);
  });

  it('marks steps changed by a parameter they use, added steps, and draws removed steps as ghosts that are never saved', () => {
    const published = hotelStay();
    let draft = setParameter(published, 'reminders.first', 'P2M');
    draft = {
      ...draft,
      nodes: [
        ...draft.nodes.filter((n) => n.id !== 'beeindigd'),
        { id: 'nieuw-einde', kind: 'end', label: { nl: 'Nieuw' }, outcome: 'nieuw' },
      ],
    };
    const diff = diffDefinitions(published, draft);
    expect(Object.fromEntries(diff.marks)).toEqual({ 'coa-betaalde-periode': 'changed', 'nieuw-einde': 'added' });
    expect(diff.removed.map((n) => n.id)).toEqual(['beeindigd']);
    const { nodes, edges } = processToFlow(draft, 'nl', { diff: diff.marks, removed: diff.removed });
    expect(nodes.find((n) => n.id === 'beeindigd')?.data.diff).toBe('removed');
    expect(flowToProcess(draft, nodes, edges).nodes.map((n) => n.id)).not.toContain('beeindigd');
  });

  it('an edge to a removed step is left open and validation names the step', () => {
    const def = hotelStay();
    const { nodes, edges } = processToFlow(def, 'nl');
    const back = flowToProcess(
      def,
      nodes.filter((n) => n.id !== 'tel-huisvesting'),
      edges.filter((e) => e.target !== 'tel-huisvesting' && e.source !== 'tel-huisvesting'),
    );
    const result = validateDefinition(back);
    expect(result.valid).toBe(false);
    if (!result.valid)
      expect(result.errors.some((e) => e.code === 'UNKNOWN_NODE' && e.nodeId === 'wacht-op-hotelplaatsing')).toBe(true);
  });
});
