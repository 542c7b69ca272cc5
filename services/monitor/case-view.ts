import { renderExplanation } from '../../rules/explanation/render-explanation';
import type { Explanation } from '../../rules/explanation/explanation';
import type { CaseView } from '../../contract/monitor';
import type { CaseState, HistoryEntry } from '../../workflows/case-state';
import { edgesOf } from '../../workflows/dsl/node-edges';
import type { ProcessDefinition, ProcessNode } from '../../workflows/dsl/schema';
import type { ZgwWrite } from '../zgw/zgw-sync-store';
import { mergeTimeline, zgwTimeline } from './zgw-timeline';

type Text = { nl: string; en: string };
const label = (l: { nl: string; en?: string } | undefined, fallback: string): Text => ({
  nl: l?.nl ?? fallback,
  en: l?.en ?? l?.nl ?? fallback,
});

/** Everything the monitor's case page shows, in one answer (contract/monitor.ts): state, graph, path, timeline, actions. */
export type { CaseView };

function edgeLabel(node: ProcessNode, path: string): Text | null {
  const m = /^events\/(\d+)\/next$/.exec(path);
  if (node.kind === 'wait' && m) {
    const e = node.events[Number(m[1])];
    return e ? label(e.label, e.name) : null;
  }
  if (path === 'timeout/next') return { nl: 'termijn verstreken', en: 'timed out' };
  if (path === 'otherwise') return { nl: 'anders', en: 'otherwise' };
  const b = /^branches\/(\d+)\/next$/.exec(path);
  if (node.kind === 'decision' && b) {
    const br = node.branches[Number(b[1])];
    return br ? label(br.label, br.event) : null;
  }
  const o = /^outcomes\/(\d+)\/next$/.exec(path);
  if (node.kind === 'subprocess' && o) {
    const out = node.outcomes[Number(o[1])];
    return out ? { nl: out.outcome, en: out.outcome } : null;
  }
  return null;
}

function describe(entry: HistoryEntry, nodes: Map<string, ProcessNode>): Text {
  const node = entry.nodeId ? nodes.get(entry.nodeId) : undefined;
  const step = label(node?.label, entry.nodeId ?? '');
  const event = (() => {
    if (!entry.event || node?.kind !== 'wait') return { nl: entry.event ?? '', en: entry.event ?? '' };
    const e = node.events.find((x) => x.name === entry.event);
    return label(e?.label, entry.event);
  })();
  const detail = entry.detail ? ` (${entry.detail})` : '';
  switch (entry.type) {
    case 'case-started':
      return { nl: 'Zaak gestart', en: 'Case started' };
    case 'step-entered':
      return { nl: `Stap “${step.nl}” begonnen`, en: `Step “${step.en}” entered` };
    case 'event-accepted':
      return { nl: `Gebeurtenis “${event.nl}” verwerkt`, en: `Event “${event.en}” accepted` };
    case 'event-rejected':
      return { nl: `Gebeurtenis “${event.nl}” geweigerd${detail}`, en: `Event “${event.en}” rejected${detail}` };
    case 'reminder':
      return { nl: `Herinnering bij “${step.nl}”${detail}`, en: `Reminder at “${step.en}”${detail}` };
    case 'timeout':
      return { nl: `Termijn van “${step.nl}” verstreken${detail}`, en: `Term of “${step.en}” passed${detail}` };
    case 'task':
      return { nl: `Taak “${step.nl}” uitgevoerd${detail}`, en: `Task “${step.en}” done${detail}` };
    case 'decision':
      return { nl: `Besluit bij “${step.nl}”${detail}`, en: `Decision at “${step.en}”${detail}` };
    case 'subprocess-started':
      return { nl: `Deelproces gestart bij “${step.nl}”${detail}`, en: `Subprocess started at “${step.en}”${detail}` };
    case 'subprocess-ended':
      return { nl: `Deelproces beëindigd${detail}`, en: `Subprocess ended${detail}` };
    case 'deadline-met':
      return { nl: `Termijn gehaald${detail}`, en: `Deadline met${detail}` };
    case 'deadline-missed':
      return { nl: `Termijn niet gehaald${detail}`, en: `Deadline missed${detail}` };
    case 'continued-as-new':
      return { nl: 'Zaak voortgezet in een nieuwe run', en: 'Case continued in a new run' };
    case 'completed':
      return { nl: `Zaak afgerond${detail}`, en: `Case completed${detail}` };
    default:
      return { nl: entry.type, en: entry.type };
  }
}

function explain(explanation: unknown): Text {
  try {
    return {
      nl: renderExplanation(explanation as Explanation, 'nl'),
      en: renderExplanation(explanation as Explanation, 'en'),
    };
  } catch {
    return { nl: 'Geen toelichting beschikbaar.', en: 'No explanation available.' };
  }
}

export function buildCaseView(
  state: CaseState,
  definition: ProcessDefinition,
  workflowStatus: string,
  canAct: boolean,
  /** What the ZGW write-back wrote to the zaaksysteem for this case (services/zgw/zgw-sync-store.ts). */
  zgwWrites: ZgwWrite[] = [],
): CaseView {
  const nodes = new Map(definition.nodes.map((n) => [n.id, n]));
  const path: string[] = [];
  for (const h of state.history)
    if (h.type === 'step-entered' && h.nodeId && path[path.length - 1] !== h.nodeId) path.push(h.nodeId);
  if (state.currentStep && path[path.length - 1] !== state.currentStep) path.push(state.currentStep);
  const current = state.currentStep ? nodes.get(state.currentStep) : undefined;
  const running = workflowStatus === 'running';
  return {
    caseId: state.caseId,
    caseRef: state.caseRef,
    processId: state.processId,
    processVersion: state.processVersion,
    processTitle: label(definition.title, definition.id),
    status: workflowStatus,
    currentStep: state.currentStep,
    outcome: state.outcome ?? null,
    caseStatus: state.caseStatus ?? null,
    dates: state.dates,
    deadlines: state.deadlines,
    graph: {
      start: definition.start,
      nodes: definition.nodes.map((n) => ({ id: n.id, kind: n.kind, label: label(n.label, n.id) })),
      edges: definition.nodes.flatMap((n) =>
        edgesOf(n).map((e) => ({ source: n.id, target: e.target, label: edgeLabel(n, e.path) })),
      ),
    },
    path,
    expectedEvents:
      running && current?.kind === 'wait'
        ? current.events
            .filter((e) => state.expectedEvents.includes(e.name))
            .map((e) => ({
              name: e.name,
              label: label(e.label, e.name),
              payloadSchema: e.payloadSchema ?? { type: 'object' },
            }))
        : [],
    timeline: mergeTimeline(
      state.history.map((h) => ({
        at: h.at,
        type: h.type,
        nodeId: h.nodeId ?? null,
        text: describe(h, nodes),
      })),
      zgwTimeline(zgwWrites, (id) => label(nodes.get(id)?.label, id)),
    ),
    decisions: state.decisions.map((d) => ({
      nodeId: d.nodeId,
      at: d.at,
      ruleSetKind: d.ruleSetKind,
      ruleSetId: d.ruleSetId,
      ruleSetVersion: d.ruleSetVersion,
      peildatum: d.peildatum,
      branch: d.branch,
      next: d.next,
      explanation: explain(d.explanation),
    })),
    children: state.children.map((c) => ({
      caseId: c.caseId,
      processId: c.processId,
      status: c.status,
      outcome: c.outcome ?? null,
    })),
    parentCaseId: state.parentCaseId ?? null,
    history: state.history,
    pendingDecision: state.pendingDecision ?? null,
    decisionRecords: state.decisions,
    canAct: canAct && running,
  };
}
