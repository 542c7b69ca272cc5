import { builtInDefinitions } from '../../../workflows/definitions';
import { caseLabels } from '../../../ui/src/monitor/case-labels';
import { describeEntry } from '../../../ui/src/monitor/timeline-text';

const graph = { start: '', nodes: [], edges: [] };
const har = builtInDefinitions.get('har-overdracht')!;
const housing = builtInDefinitions.get('huisvesting-statushouder')!;
const at = '2026-11-30T10:00:00.000Z';

describe('describeEntry: set-variables tasks in words', () => {
  it('says a value read from a norm is "volgens de norm", never [object Object]', () => {
    const labels = caseLabels(har, graph, 'nl');
    const text = describeEntry({ at, type: 'task', nodeId: 'bedrag-per-persoon' }, labels, har);
    expect(text).toBe(
      'Taak “Vergoeding per persoon van de regeling vastleggen” uitgevoerd (vergoeding per persoon: volgens de norm)',
    );
    expect(
      describeEntry({ at, type: 'task', nodeId: 'bedrag-per-persoon' }, caseLabels(har, graph, 'en'), har),
    ).toContain('amount per person: from the norm');
  });

  it('names the end reason of the housing process by its label', () => {
    const node = housing.nodes.find(
      (n) => n.kind === 'task' && n.action === 'set-variables' && n.params?.endReason === 'herkoppeld',
    );
    expect(node).toBeDefined();
    const text = describeEntry({ at, type: 'task', nodeId: node!.id }, caseLabels(housing, graph, 'nl'), housing);
    expect(text).toContain('reden van beëindiging: herkoppeld');
    expect(text).not.toMatch(/endReason|object Object/);
  });

  it('says a confirmed proposal is a decision taken, not a second proposal', () => {
    const labels = caseLabels(housing, graph, 'nl');
    const entry = (detail: string) =>
      describeEntry({ at, type: 'decision', nodeId: 'voorrangsbesluit', event: 'priority', detail }, labels, housing);
    expect(entry('voorstel statushouders-voorrang v1 op 2026-11-30: priority')).toBe(
      'Voorstel bij “Voorrang volgens de huisvestingsverordening”: Voorrang',
    );
    expect(entry('voorstel bevestigd')).toBe(
      'Besluit genomen bij “Voorrang volgens de huisvestingsverordening”: Voorrang (voorstel bevestigd)',
    );
    expect(
      describeEntry(
        { at, type: 'decision', nodeId: 'voorrangsbesluit', event: 'priority', detail: 'voorstel bevestigd' },
        caseLabels(housing, graph, 'en'),
        housing,
      ),
    ).toMatch(/^Decided at “.+”: .+ \(proposal confirmed\)$/);
  });
});
