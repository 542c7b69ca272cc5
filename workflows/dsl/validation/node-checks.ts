import { compileSchema } from '../ajv';
import type { DecisionNode, ProcessDefinition, SubprocessNode, WaitNode } from '../schema';
import type { AddError } from './definition-error';

export interface ValidationOptions {
  /** The definitions a subprocess may start (the tenant's published ones); without it those references are not checked. */
  lookupDefinition?: (processId: string) => ProcessDefinition | undefined;
  /** Event types the tenant's rule sets of a kind can fire; without it branch names are not checked. */
  ruleSetEvents?: (kind: string) => readonly string[] | undefined;
}

function checkWait(n: WaitNode, base: string, add: AddError): void {
  const seen = new Set<string>();
  n.events.forEach((e, j) => {
    if (seen.has(e.name)) add('DUPLICATE_EVENT', `${base}/events/${j}/name`, `Gebeurtenis "${e.name}" staat twee keer in stap "${n.id}".`, `Event "${e.name}" is listed twice in node "${n.id}".`, n.id);
    seen.add(e.name);
    try {
      compileSchema(e.payloadSchema);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      add('INVALID_PAYLOAD_SCHEMA', `${base}/events/${j}/payloadSchema`, `Ongeldig gegevensschema: ${why}`, `Invalid payload schema: ${why}`, n.id);
      return;
    }
    // Payloads are JSON objects; a schema that says nothing about them lets anything in.
    if (e.payloadSchema.type !== 'object') {
      add('PAYLOAD_SCHEMA_NOT_OBJECT', `${base}/events/${j}/payloadSchema/type`, `Het gegevensschema van "${e.name}" moet een object beschrijven (type: object).`, `The payload schema of "${e.name}" must describe an object (type: object).`, n.id);
    }
  });
}

function checkDecision(n: DecisionNode, base: string, add: AddError, options: ValidationOptions): void {
  // A rule set may fire no event at all (no rule's conditions hold), so only a default covers every outcome.
  if (n.otherwise === undefined) {
    add('DECISION_UNCOVERED', `${base}/otherwise`, `Beslisstap "${n.id}" heeft geen standaardvervolg voor als geen van de takken geldt.`, `Decision "${n.id}" has no default for when no branch applies.`, n.id);
  }
  const fired = options.ruleSetEvents?.(n.ruleSetKind);
  if (!fired) return;
  n.branches.forEach((b, j) => {
    if (!fired.includes(b.event)) {
      add('UNKNOWN_RULE_EVENT', `${base}/branches/${j}/event`, `Geen regelset van soort "${n.ruleSetKind}" geeft uitkomst "${b.event}" (wel: ${fired.join(', ')}).`, `No rule set of kind "${n.ruleSetKind}" fires "${b.event}" (it fires: ${fired.join(', ')}).`, n.id);
    }
  });
}

function checkSubprocess(n: SubprocessNode, base: string, add: AddError, options: ValidationOptions): void {
  if (!options.lookupDefinition) return;
  const child = options.lookupDefinition(n.process);
  if (!child) {
    add('UNKNOWN_PROCESS', `${base}/process`, `Deelproces "${n.process}" bestaat niet.`, `Subprocess "${n.process}" does not exist.`, n.id);
    return;
  }
  const outcomes = new Set(child.nodes.flatMap((c) => (c.kind === 'end' ? [c.outcome] : [])));
  n.outcomes.forEach((o, j) => {
    if (!outcomes.has(o.outcome)) {
      add('UNKNOWN_OUTCOME', `${base}/outcomes/${j}/outcome`, `Deelproces "${n.process}" eindigt nooit met "${o.outcome}".`, `Subprocess "${n.process}" never ends with "${o.outcome}".`, n.id);
    }
  });
  const missing = [...outcomes].filter((o) => !n.outcomes.some((b) => b.outcome === o));
  if (missing.length > 0 && n.otherwise === undefined) {
    add('SUBPROCESS_UNCOVERED', `${base}/outcomes`, `Uitkomst(en) ${missing.join(', ')} van "${n.process}" hebben geen vervolg.`, `Outcome(s) ${missing.join(', ')} of "${n.process}" lead nowhere.`, n.id);
  }
}

export function checkNodes(def: ProcessDefinition, add: AddError, options: ValidationOptions): void {
  def.nodes.forEach((n, i) => {
    const base = `/nodes/${i}`;
    if (n.kind === 'wait') checkWait(n, base, add);
    if (n.kind === 'decision') checkDecision(n, base, add, options);
    if (n.kind === 'subprocess') checkSubprocess(n, base, add, options);
  });
}
