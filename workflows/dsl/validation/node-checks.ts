import { checkCheck } from './check-checks';
import { decisionFacts } from '../declarations';
import type { DecisionNode, ProcessDefinition, SubprocessNode, WaitNode } from '../schema';
import { RULE_SET_KIND_EFFECT, type RuleSetKind } from '../rule-set-kind-effect';
import type { AddError } from './definition-error';

function proceduralKinds(): string {
  const kinds = Object.entries(RULE_SET_KIND_EFFECT)
    .filter(([, e]) => e === 'procedural')
    .map(([k]) => k);
  return kinds.length > 0 ? kinds.join(', ') : 'nog geen / none yet';
}

export interface ValidationOptions {
  /** The definitions a subprocess may start (the tenant's published ones); without it those references are not checked. */
  lookupDefinition?: (processId: string) => ProcessDefinition | undefined;
  /** Event types the tenant's rule sets of a kind can fire; without it branch names are not checked. */
  ruleSetEvents?: (kind: string) => readonly string[] | undefined;
  /** Input facts the tenant's rule sets of a kind need (publish time); without it fact mappings are not checked against them. */
  ruleSetNeededFacts?: (kind: string) => readonly string[] | undefined;
}

function checkWait(n: WaitNode, base: string, add: AddError): void {
  const seen = new Set<string>();
  n.events.forEach((e, j) => {
    if (seen.has(e.name))
      add(
        'DUPLICATE_EVENT',
        `${base}/events/${j}/name`,
        `Gebeurtenis "${e.name}" staat twee keer in stap "${n.id}".`,
        `Event "${e.name}" is listed twice in node "${n.id}".`,
        n.id,
      );
    seen.add(e.name);
  });
}

function checkDecision(
  def: ProcessDefinition,
  n: DecisionNode,
  base: string,
  add: AddError,
  options: ValidationOptions,
): void {
  // A rule set may fire no event at all (no rule's conditions hold), so only a default covers every outcome.
  if (n.otherwise === undefined) {
    add(
      'DECISION_UNCOVERED',
      `${base}/otherwise`,
      `Beslisstap "${n.id}" heeft geen standaardvervolg voor als geen van de takken geldt.`,
      `Decision "${n.id}" has no default for when no branch applies.`,
      n.id,
    );
  }
  if (!Object.prototype.hasOwnProperty.call(RULE_SET_KIND_EFFECT, n.ruleSetKind)) {
    // Without a known kind no rule set is ever found for this step: every case would stop here.
    add(
      'UNKNOWN_RULE_SET_KIND',
      `${base}/ruleSetKind`,
      `Beslisstap "${n.id}" vraagt een onbekende soort regelset ("${n.ruleSetKind}"). Kies een van: ${Object.keys(RULE_SET_KIND_EFFECT).join(', ')}.`,
      `Decision "${n.id}" asks an unknown kind of rule set ("${n.ruleSetKind}"). Choose one of: ${Object.keys(RULE_SET_KIND_EFFECT).join(', ')}.`,
      n.id,
    );
  }
  if (n.confirmation === 'none' && RULE_SET_KIND_EFFECT[n.ruleSetKind as RuleSetKind] !== 'procedural') {
    add(
      'CONFIRMATION_REQUIRED',
      `${base}/confirmation`,
      `Beslisstap "${n.id}" beslist met rechtsgevolg (soort "${n.ruleSetKind}"): een behandelaar moet het voorstel bevestigen. "none" mag alleen bij regelsets voor procedurele routering (${proceduralKinds()}).`,
      `Decision "${n.id}" has legal effect (kind "${n.ruleSetKind}"): a case handler must confirm the proposal. "none" is only for procedural routing rule sets (${proceduralKinds()}).`,
      n.id,
    );
  }
  const needed = options.ruleSetNeededFacts?.(n.ruleSetKind);
  const facts = needed?.length ? decisionFacts(def, n) : {};
  for (const fact of needed ?? []) {
    if (!Object.prototype.hasOwnProperty.call(facts, fact)) {
      add(
        'FACT_NOT_MAPPED',
        `${base}/factMappings`,
        `Beslisstap "${n.id}" geeft feit "${fact}" niet door, maar de regelset heeft het nodig.`,
        `Decision "${n.id}" does not map fact "${fact}", which the rule set needs.`,
        n.id,
      );
    }
  }
  const fired = options.ruleSetEvents?.(n.ruleSetKind);
  if (!fired) return;
  n.branches.forEach((b, j) => {
    if (!fired.includes(b.event)) {
      add(
        'UNKNOWN_RULE_EVENT',
        `${base}/branches/${j}/event`,
        `Geen regelset van soort "${n.ruleSetKind}" geeft uitkomst "${b.event}" (wel: ${fired.join(', ')}).`,
        `No rule set of kind "${n.ruleSetKind}" fires "${b.event}" (it fires: ${fired.join(', ')}).`,
        n.id,
      );
    }
  });
}

function checkSubprocess(n: SubprocessNode, base: string, add: AddError, options: ValidationOptions): void {
  if (!options.lookupDefinition) return;
  const child = options.lookupDefinition(n.process);
  if (!child) {
    add(
      'UNKNOWN_PROCESS',
      `${base}/process`,
      `Deelproces "${n.process}" bestaat niet.`,
      `Subprocess "${n.process}" does not exist.`,
      n.id,
    );
    return;
  }
  const outcomes = new Set(child.nodes.flatMap((c) => (c.kind === 'end' ? [c.outcome] : [])));
  n.outcomes.forEach((o, j) => {
    if (!outcomes.has(o.outcome)) {
      add(
        'UNKNOWN_OUTCOME',
        `${base}/outcomes/${j}/outcome`,
        `Deelproces "${n.process}" eindigt nooit met "${o.outcome}".`,
        `Subprocess "${n.process}" never ends with "${o.outcome}".`,
        n.id,
      );
    }
  });
  const missing = [...outcomes].filter((o) => !n.outcomes.some((b) => b.outcome === o));
  if (missing.length > 0 && n.otherwise === undefined) {
    add(
      'SUBPROCESS_UNCOVERED',
      `${base}/outcomes`,
      `Uitkomst(en) ${missing.join(', ')} van "${n.process}" hebben geen vervolg.`,
      `Outcome(s) ${missing.join(', ')} of "${n.process}" lead nowhere.`,
      n.id,
    );
  }
}

export function checkNodes(def: ProcessDefinition, add: AddError, options: ValidationOptions): void {
  def.nodes.forEach((n, i) => {
    const base = `/nodes/${i}`;
    if (n.kind === 'wait') checkWait(n, base, add);
    if (n.kind === 'decision') checkDecision(def, n, base, add, options);
    if (n.kind === 'subprocess') checkSubprocess(n, base, add, options);
    if (n.kind === 'check') checkCheck(def, n, base, add);
  });
}
