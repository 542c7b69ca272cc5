import { ajv, compileSchema, toIssues } from './ajv';
import { isDuration } from './duration';
import { ProcessDefinitionSchema, type ProcessDefinition, type ProcessNode, type RelativeTime } from './schema';

export type DefinitionErrorCode =
  | 'SCHEMA'
  | 'DUPLICATE_NODE'
  | 'UNKNOWN_NODE'
  | 'UNREACHABLE_NODE'
  | 'NO_END'
  | 'DUPLICATE_EVENT'
  | 'INVALID_PAYLOAD_SCHEMA'
  | 'INVALID_DURATION'
  | 'UNKNOWN_DATE';

export interface DefinitionError {
  code: DefinitionErrorCode;
  path: string;
  nodeId?: string;
  message: { nl: string; en: string };
}

export const BUILT_IN_DATES = ['caseStarted'] as const;

const checkShape = ajv.compile<ProcessDefinition>(ProcessDefinitionSchema);

function successors(node: ProcessNode): Array<{ target: string; path: string }> {
  switch (node.kind) {
    case 'task':
      return [{ target: node.next, path: 'next' }];
    case 'wait':
      return [
        ...node.events.map((e, i) => ({ target: e.next, path: `events/${i}/next` })),
        ...(node.timeout ? [{ target: node.timeout.next, path: 'timeout/next' }] : []),
      ];
    case 'end':
      return [];
  }
}

/** Validates a definition: its shape by the schema, then the graph and the references inside it. */
export function validateDefinition(input: unknown): { valid: true; definition: ProcessDefinition } | { valid: false; errors: DefinitionError[] } {
  if (!checkShape(input)) {
    return {
      valid: false,
      errors: toIssues(checkShape.errors).map((i) => ({
        code: 'SCHEMA' as const,
        path: i.path,
        message: { nl: `Ongeldige definitie op ${i.path || '/'}: ${i.message}`, en: `Invalid definition at ${i.path || '/'}: ${i.message}` },
      })),
    };
  }
  const def = input;
  const errors: DefinitionError[] = [];
  const add = (code: DefinitionErrorCode, path: string, nl: string, en: string, nodeId?: string): void => {
    errors.push({ code, path, nodeId, message: { nl, en } });
  };
  const index = new Map<string, number>();
  def.nodes.forEach((n, i) => {
    if (index.has(n.id)) add('DUPLICATE_NODE', `/nodes/${i}/id`, `Stap-id "${n.id}" komt twee keer voor.`, `Node id "${n.id}" is used twice.`, n.id);
    else index.set(n.id, i);
  });
  if (!index.has(def.start)) add('UNKNOWN_NODE', '/start', `Startstap "${def.start}" bestaat niet.`, `Start node "${def.start}" does not exist.`);

  const knownDates = new Set<string>(BUILT_IN_DATES);
  def.nodes.forEach((n) => n.kind === 'wait' && n.events.forEach((e) => Object.keys(e.dates ?? {}).forEach((d) => knownDates.add(d))));
  const checkTime = (t: RelativeTime, path: string, nodeId: string): void => {
    if (!knownDates.has(t.from)) {
      add('UNKNOWN_DATE', `${path}/from`, `Datum "${t.from}" wordt nergens gezet.`, `Date "${t.from}" is never set.`, nodeId);
    }
    for (const key of ['after', 'before'] as const) {
      const value = t[key];
      if (value !== undefined && !isDuration(value)) {
        add('INVALID_DURATION', `${path}/${key}`, `"${value}" is geen ISO-8601-duur (bijv. P6M).`, `"${value}" is not an ISO-8601 duration (e.g. P6M).`, nodeId);
      }
    }
  };

  def.nodes.forEach((n, i) => {
    const base = `/nodes/${i}`;
    for (const s of successors(n)) {
      if (!index.has(s.target)) {
        add('UNKNOWN_NODE', `${base}/${s.path}`, `Stap "${n.id}" verwijst naar onbekende stap "${s.target}".`, `Node "${n.id}" points to unknown node "${s.target}".`, n.id);
      }
    }
    if (n.kind !== 'wait') return;
    const seen = new Set<string>();
    n.events.forEach((e, j) => {
      if (seen.has(e.name)) add('DUPLICATE_EVENT', `${base}/events/${j}/name`, `Gebeurtenis "${e.name}" staat twee keer in stap "${n.id}".`, `Event "${e.name}" is listed twice in node "${n.id}".`, n.id);
      seen.add(e.name);
      try {
        compileSchema(e.payloadSchema);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        add('INVALID_PAYLOAD_SCHEMA', `${base}/events/${j}/payloadSchema`, `Ongeldig gegevensschema: ${why}`, `Invalid payload schema: ${why}`, n.id);
      }
    });
    n.reminders?.forEach((r, j) => checkTime(r.at, `${base}/reminders/${j}/at`, n.id));
    if (n.timeout) checkTime(n.timeout.at, `${base}/timeout/at`, n.id);
  });

  if (!def.nodes.some((n) => n.kind === 'end')) add('NO_END', '/nodes', 'De definitie heeft geen eindstap.', 'The definition has no end node.');

  const reached = new Set<string>();
  const stack = [def.start];
  while (stack.length) {
    const id = stack.pop() as string;
    const i = index.get(id);
    if (i === undefined || reached.has(id)) continue;
    reached.add(id);
    for (const s of successors(def.nodes[i] as ProcessNode)) stack.push(s.target);
  }
  def.nodes.forEach((n, i) => {
    if (!reached.has(n.id)) add('UNREACHABLE_NODE', `/nodes/${i}`, `Stap "${n.id}" is vanaf de start niet bereikbaar.`, `Node "${n.id}" cannot be reached from the start.`, n.id);
  });
  return errors.length ? { valid: false, errors } : { valid: true, definition: def };
}
