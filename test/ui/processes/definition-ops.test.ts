import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import { nodeSpecs } from '../../../ui/src/processes/kinds/node-specs';
import { withNodeIds } from '../../../ui/src/processes/model/definition-issues';
import {
  addNode,
  freshId,
  removeNode,
  renameNode,
  setEdgeTarget,
  setParameter,
} from '../../../ui/src/processes/model/definition-ops';
import { deepFreeze, hotelStay } from './fixtures';

describe('definition edits', () => {
  it('renames a step and every reference to it, leaving untouched steps as they were', () => {
    const def = deepFreeze(hotelStay());
    const next = renameNode(def, 'overdracht-har', 'har');
    const wait = next.nodes.find((n) => n.id === 'coa-betaalde-periode');
    expect(wait?.kind === 'wait' && wait.timeout?.next).toBe('har');
    expect(next.nodes[0]).toBe(def.nodes[0]);
    expect(validateDefinition(next).valid).toBe(true);
  });

  it('removing a step leaves the edges to it open, and the error says so on the step that points there', () => {
    const def = deepFreeze(hotelStay());
    const next = removeNode(def, 'gehuisvest');
    const r = validateDefinition(next);
    expect(r.valid).toBe(false);
    const errors = r.valid ? [] : withNodeIds(next, r.errors);
    const open = errors.find((e) => e.nodeId === 'tel-huisvesting');
    expect(open?.message.nl).toContain('nog niet verbonden');
  });

  it('a new step of each kind from its spec; connecting by dragging sets the right field', () => {
    let def = hotelStay();
    for (const spec of Object.values(nodeSpecs)) {
      const id = freshId(def, spec.idStem);
      def = addNode(def, spec.create(id, 'nl'));
      expect(def.nodes.find((n) => n.id === id)?.kind).toBe(spec.kind);
    }
    expect(freshId(def, 'taak')).toBe('taak-2');
    const task = def.nodes.find((n) => n.id === 'taak');
    expect(task && nodeSpecs.task.connect(task as never, 'einde')).toMatchObject({ next: 'einde' });
    const decision = nodeSpecs.decision.create('b', 'nl');
    const first = nodeSpecs.decision.connect(decision, 'x');
    expect(first?.otherwise).toBe('x');
    expect(first && nodeSpecs.decision.connect(first, 'y')?.branches).toEqual([{ event: 'uitkomst-1', next: 'y' }]);
    expect(nodeSpecs.end.connect(nodeSpecs.end.create('e', 'nl'), 'x')).toBeUndefined();
  });

  it('sets an edge target and a parameter by path, copying only what changes', () => {
    const def = deepFreeze(hotelStay());
    const moved = setEdgeTarget(def, 'wacht-op-hotelplaatsing', 'events/1/next', 'beeindigd');
    const wait = moved.nodes.find((n) => n.id === 'wacht-op-hotelplaatsing');
    expect(wait?.kind === 'wait' && wait.events[1]?.next).toBe('beeindigd');
    expect(setEdgeTarget(def, 'registratie', 'next', 'wacht-op-hotelplaatsing')).toBe(def);
    const p = setParameter(def, 'reminders.first', 'P2M');
    expect(p.parameters).toMatchObject({
      coaPaidPeriod: 'P6M',
      reminders: { first: 'P2M', second: 'P4M', third: 'P5M' },
    });
    // The reminder's label states the new value; every other step keeps its object.
    const reminderStep = p.nodes.findIndex((n) => n.id === 'coa-betaalde-periode');
    const step = p.nodes[reminderStep];
    expect(step?.kind === 'wait' && step.reminders?.[0]?.label).toMatchObject({
      nl: '2 maanden in hotel',
      en: '2 months in hotel',
    });
    p.nodes.forEach((n, i) => (i === reminderStep ? expect(n).not.toBe(def.nodes[i]) : expect(n).toBe(def.nodes[i])));
    expect(setParameter(def, 'coaPaidPeriod', 'P6M').nodes).toBe(def.nodes);
  });
});
