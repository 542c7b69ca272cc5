import { isDuration } from '../duration';
import { isParamRef, paramSegments, splitSource } from '../references';
import type { ParamRef, ProcessDefinition, RelativeTime } from '../schema';
import { pointer, type AddError } from './definition-error';
import { mappingUsers } from './declaration-checks';

export const BUILT_IN_DATES = ['caseStarted'] as const;

/** Dates and variables something in the definition sets. */
export function knownNames(def: ProcessDefinition): { dates: Set<string>; variables: Set<string> } {
  const dates = new Set<string>([...BUILT_IN_DATES, ...Object.keys(def.inputDates ?? {})]);
  const variables = new Set<string>();
  for (const n of def.nodes) {
    if (n.kind === 'wait') {
      for (const e of n.events) {
        Object.keys(e.dates ?? {}).forEach((d) => dates.add(d));
        Object.keys(e.assign ?? {}).forEach((v) => variables.add(v));
      }
    }
    if (n.kind === 'subprocess') Object.keys(n.dates ?? {}).forEach((d) => dates.add(d));
    if (n.kind === 'check' && n.assign) variables.add(n.assign);
    if (n.kind === 'task' && n.action === 'set-variables') Object.keys(n.params ?? {}).forEach((v) => variables.add(v));
    if (n.kind === 'task' && n.action === 'set-dates') Object.keys(n.params ?? {}).forEach((d) => dates.add(d));
  }
  return { dates, variables };
}

/** Every leaf a parameter path can reach (a `{variable}` segment fans out over all keys), or why it cannot. */
function paramLeaves(
  path: string,
  parameters: Record<string, unknown>,
): { leaves: unknown[]; missing?: string; variables: string[] } {
  let level: unknown[] = [parameters];
  const variables: string[] = [];
  for (const seg of paramSegments(path)) {
    const next: unknown[] = [];
    for (const value of level) {
      const obj =
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : undefined;
      if ('variable' in seg) {
        variables.push(seg.variable);
        if (!obj || Object.keys(obj).length === 0) return { leaves: [], missing: `{${seg.variable}}`, variables };
        next.push(...Object.values(obj));
      } else {
        if (!obj || !Object.prototype.hasOwnProperty.call(obj, seg.key))
          return { leaves: [], missing: seg.key, variables };
        next.push(obj[seg.key]);
      }
    }
    level = next;
  }
  return { leaves: level, variables };
}

export function checkReferences(def: ProcessDefinition, add: AddError): void {
  const known = knownNames(def);
  const parameters = def.parameters ?? {};

  // A set-dates parameter path may key on a top-level input property too (actions.ts).
  const inputProps = new Set(Object.keys((def.inputSchema.properties as Record<string, unknown> | undefined) ?? {}));
  const checkParam = (
    ref: ParamRef,
    path: string,
    nodeId: string | undefined,
    wantDuration: boolean,
    keysFromInput = false,
  ): void => {
    const { leaves, missing, variables } = paramLeaves(ref.param, parameters);
    for (const v of variables) {
      if (!known.variables.has(v) && !(keysFromInput && inputProps.has(v)))
        add('UNKNOWN_VARIABLE', path, `Variabele "${v}" wordt nergens gezet.`, `Variable "${v}" is never set.`, nodeId);
    }
    if (missing !== undefined) {
      add(
        'UNKNOWN_PARAMETER',
        path,
        `Parameter "${ref.param}" bestaat niet (geen "${missing}").`,
        `Parameter "${ref.param}" does not resolve (no "${missing}").`,
        nodeId,
      );
      return;
    }
    if (wantDuration && leaves.some((l) => typeof l !== 'string' || !isDuration(l))) {
      add(
        'INVALID_DURATION',
        path,
        `Parameter "${ref.param}" is geen ISO-8601-duur (bijv. P6M).`,
        `Parameter "${ref.param}" is not an ISO-8601 duration (e.g. P6M).`,
        nodeId,
      );
    }
  };
  const checkDate = (name: string, path: string, nodeId: string | undefined): void => {
    if (!known.dates.has(name))
      add('UNKNOWN_DATE', path, `Datum "${name}" wordt nergens gezet.`, `Date "${name}" is never set.`, nodeId);
  };
  const checkTime = (t: RelativeTime, path: string, nodeId?: string): void => {
    checkDate(t.from, `${path}/from`, nodeId);
    for (const key of ['after', 'before'] as const) {
      const value = t[key];
      if (value === undefined) continue;
      if (isParamRef(value)) checkParam(value, `${path}/${key}/param`, nodeId, true);
      else if (!isDuration(value)) {
        add(
          'INVALID_DURATION',
          `${path}/${key}`,
          `"${value}" is geen ISO-8601-duur (bijv. P6M).`,
          `"${value}" is not an ISO-8601 duration (e.g. P6M).`,
          nodeId,
        );
      }
    }
  };
  const checkSource = (source: unknown, path: string, nodeId: string | undefined): void => {
    if (typeof source !== 'string' || !/^(data|variables|dates|parameters)\./.test(source)) return;
    const { root, path: rest } = splitSource(source);
    if (root === 'dates') checkDate(rest.join('.'), path, nodeId);
    if (root === 'variables' && !known.variables.has(rest[0] as string)) {
      add(
        'UNKNOWN_VARIABLE',
        path,
        `Variabele "${rest[0]}" wordt nergens gezet.`,
        `Variable "${rest[0]}" is never set.`,
        nodeId,
      );
    }
    if (root === 'parameters') checkParam({ param: rest.join('.') }, path, nodeId, false);
  };

  // Each fact mapping once, where it is declared; its errors name the first decision that uses it.
  const users = mappingUsers(def);
  for (const [name, mapping] of Object.entries(def.factMappings ?? {})) {
    for (const [k, v] of Object.entries(mapping))
      checkSource(v, `/factMappings/${pointer(name)}/${pointer(k)}`, users.get(name));
  }
  def.deadlines?.forEach((d, i) => {
    checkTime(d.at, `/deadlines/${i}/at`);
    checkDate(d.metBy, `/deadlines/${i}/metBy`, undefined);
  });
  def.nodes.forEach((n, i) => {
    const base = `/nodes/${i}`;
    switch (n.kind) {
      case 'wait':
        n.reminders?.forEach((r, j) => checkTime(r.at, `${base}/reminders/${j}/at`, n.id));
        if (n.timeout) checkTime(n.timeout.at, `${base}/timeout/at`, n.id);
        n.complete?.dates.forEach((d, j) => checkDate(d, `${base}/complete/dates/${j}`, n.id));
        return;
      case 'task':
        for (const [k, v] of Object.entries(n.params ?? {})) {
          if (isParamRef(v)) checkParam(v, `${base}/params/${k}/param`, n.id, false, n.action === 'set-dates');
          else if (n.action === 'count-placement' || n.action === 'set-dates')
            checkSource(v, `${base}/params/${k}`, n.id);
        }
        return;
      case 'decision':
        checkDate(n.peildatum, `${base}/peildatum`, n.id);
        return;
      case 'subprocess':
        for (const [k, v] of Object.entries(n.input)) checkSource(v, `${base}/input/${k}`, n.id);
        return;
      case 'check':
        n.conditions.forEach((c, j) => {
          for (const key of ['value', 'limit', 'plus'] as const)
            if (c[key] !== undefined) checkSource(c[key], `${base}/conditions/${j}/${key}`, n.id);
        });
        return;
      case 'end':
        return;
    }
  });
}
