import { factCatalogs, type FactCatalog } from '../../../rules';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import type { CaseView } from '../api/monitor';
import type { Lang } from '../i18n/i18n';
import { humanise } from './humanise';
import { pickText, type LocalizedText } from '../i18n/localized-text';

/**
 * Case dates have no label in the definition (a date is named where an event sets it); these are
 * the names the built-in processes use. Anything else is shown humanised, never as its key.
 */
const DATE_LABELS: Record<string, LocalizedText> = {
  caseStarted: { nl: 'Zaak gestart', en: 'Case started' },
  permit: { nl: 'Vergunning verleend', en: 'Permit granted' },
  koppeling: { nl: 'Koppeling door het COA', en: 'Linked by COA' },
  registration: { nl: 'Registratie', en: 'Registration' },
  hotelStart: { nl: 'Start hotelverblijf', en: 'Hotel stay started' },
  placed: { nl: 'Geplaatst in tijdelijke huisvesting', en: 'Placed in temporary housing' },
  homeFound: { nl: 'Woning gevonden', en: 'Home found' },
  tenancyStart: { nl: 'Ingang huurcontract', en: 'Tenancy start' },
  moved: { nl: 'Verhuisd', en: 'Moved' },
  housed: { nl: 'Gehuisvest', en: 'Housed' },
};

/** Case variables of the built-in processes (set-variables tasks, event assignments). */
const VARIABLE_LABELS: Record<string, LocalizedText> = {
  priority: { nl: 'voorrang', en: 'priority' },
  offerId: { nl: 'kenmerk van het aanbod', en: 'offer reference' },
  scheme: { nl: 'regeling', en: 'scheme' },
  amountPerPerson: { nl: 'vergoeding per persoon', en: 'amount per person' },
  endReason: { nl: 'reden van beëindiging', en: 'reason for ending' },
  newMunicipality: { nl: 'nieuwe gemeente', en: 'new municipality' },
  route: { nl: 'andere route', en: 'other route' },
};

const has = (o: object | undefined, key: string): boolean =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, key);

export function catalogOf(kind: string | undefined): FactCatalog | undefined {
  return kind && has(factCatalogs, kind) ? factCatalogs[kind as keyof typeof factCatalogs] : undefined;
}

export interface CaseLabels {
  lang: Lang;
  step: (id: string | null | undefined) => string;
  /** An event a wait step (or a decision step) accepts. */
  event: (nodeId: string | null | undefined, name: string) => string;
  /** A decision's outcome: the branch's label; the default branch by the step it leads to. */
  branch: (nodeId: string, branch: string | null, next?: string) => string;
  /** A case outcome (end step) or a subprocess's outcome. */
  outcome: (outcome: string, nodeId?: string | null) => string;
  date: (key: string) => string;
  variable: (name: string) => string;
  fact: (kind: string | undefined, name: string) => string;
}

/**
 * Words for everything a case page would otherwise show as an id: from the definition version the
 * case runs when it could be loaded, else from the monitor's graph (step labels only).
 */
export function caseLabels(definition: ProcessDefinition | null, graph: CaseView['graph'], lang: Lang): CaseLabels {
  const pick = (l: Partial<LocalizedText> | undefined): string | undefined => pickText(l, lang) || undefined;
  const node = (id: string | null | undefined) => (id ? definition?.nodes.find((n) => n.id === id) : undefined);
  const step = (id: string | null | undefined): string => {
    if (!id) return '—';
    return pick(node(id)?.label) ?? pick(graph.nodes.find((n) => n.id === id)?.label) ?? humanise(id);
  };
  const outcome = (value: string, nodeId?: string | null): string => {
    const n = node(nodeId);
    if (n?.kind === 'subprocess') {
      const o = n.outcomes.find((x) => x.outcome === value);
      if (o) return pick(o.label) ?? step(o.next);
    }
    const end = definition?.nodes.find((x) => x.kind === 'end' && x.outcome === value);
    return end ? step(end.id) : humanise(value);
  };
  return {
    lang,
    step,
    event(nodeId, name) {
      if (name === 'gegevens-aanvullen') return lang === 'nl' ? 'Gegevens aangevuld' : 'Facts supplied';
      const n = node(nodeId);
      if (n?.kind === 'wait') {
        const e = n.events.find((x) => x.name === name);
        if (e) return pick(e.label) ?? pick(definition?.events?.[name]?.label) ?? humanise(name);
      }
      if (n?.kind === 'decision') {
        const b = n.branches.find((x) => x.event === name);
        if (b) return pick(b.label) ?? humanise(name);
      }
      for (const other of definition?.nodes ?? []) {
        if (other.kind !== 'wait') continue;
        const e = other.events.find((x) => x.name === name);
        if (e) return pick(e.label) ?? pick(definition?.events?.[name]?.label) ?? humanise(name);
      }
      // Format version 2 declares an event's label once, under the definition's events.
      return pick(definition?.events?.[name]?.label) ?? humanise(name);
    },
    branch(nodeId, branch, next) {
      const n = node(nodeId);
      if (n?.kind === 'decision') {
        if (branch === null) return step(n.otherwise ?? next);
        const b = n.branches.find((x) => x.event === branch);
        if (b) return pick(b.label) ?? step(b.next);
      }
      // Without the definition: the edge to the step it leads to carries the branch's label.
      const edge = graph.edges.find((e) => e.source === nodeId && e.target === next);
      if (branch !== null && edge?.label) return pick(edge.label) ?? humanise(branch);
      return next ? step(next) : humanise(branch ?? '');
    },
    outcome,
    date: (key) => (has(DATE_LABELS, key) ? (DATE_LABELS[key] as LocalizedText)[lang] : humanise(key)),
    variable: (name) =>
      has(VARIABLE_LABELS, name) ? (VARIABLE_LABELS[name] as LocalizedText)[lang] : humanise(name).toLowerCase(),
    fact(kind, name) {
      const catalog = catalogOf(kind);
      const fact = catalog && has(catalog.facts, name) ? catalog.facts[name] : undefined;
      return fact ? fact.label[lang] : humanise(name);
    },
  };
}
