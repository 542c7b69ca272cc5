import { isParamRef } from '../references';
import type { ProcessDefinition } from '../schema';
import type { AddError } from './definition-error';
import type { ValidationOptions } from './node-checks';

/**
 * Fields declared as `personalData` stay inside the encrypted payloads. Case data reaches an
 * unencrypted place in three ways a definition writes down, and each is refused for a personal
 * field: a case date taken from the input (dates become search attributes — the step clock, the
 * next deadline — and `deadline.at` in webhook bodies), a count-placement param (the taakstelling
 * ledger and its log line), and a subprocess input whose child does not declare it personal too.
 * A notify setting naming a personal field is refused as well: notifications carry a template
 * name only, so such a setting is a mistake today and would be a leak the day it were read.
 * Decision facts may read personal fields: they stay in the encrypted case state.
 */

type Path = readonly string[];

const pointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const overlaps = (a: Path, b: Path): boolean =>
  a.length <= b.length ? a.every((s, i) => b[i] === s) : b.every((s, i) => a[i] === s);

function declared(def: ProcessDefinition): Path[] {
  return (def.personalData ?? []).map((p) => p.split('.'));
}

/** The declared entry a value source (`data.statushouder.name`) reads, in whole or in part. */
export function personalFieldOf(def: ProcessDefinition, source: unknown): string | undefined {
  if (typeof source !== 'string' || !source.startsWith('data.')) return undefined;
  const path = source.split('.').slice(1);
  return declared(def)
    .find((p) => overlaps(p, path))
    ?.join('.');
}

/** Whether a schema property path exists, as far as the schema spells its properties out. */
function inSchema(schema: unknown, path: Path): boolean {
  let at = schema;
  for (const key of path) {
    const props = (at as { properties?: unknown } | undefined)?.properties;
    if (typeof props !== 'object' || props === null) return true;
    if (!Object.prototype.hasOwnProperty.call(props, key)) return false;
    at = (props as Record<string, unknown>)[key];
  }
  return true;
}

export function checkPersonalData(def: ProcessDefinition, add: AddError, options: ValidationOptions): void {
  const exported = (path: string, field: string, nl: string, en: string, nodeId?: string): void =>
    add('PERSONAL_DATA_EXPORTED', path, `Persoonsgegeven "${field}" ${nl}`, `Personal field "${field}" ${en}`, nodeId);

  (def.personalData ?? []).forEach((entry, i) => {
    if (!inSchema(def.inputSchema, entry.split('.'))) {
      add(
        'UNKNOWN_PERSONAL_DATA',
        `/personalData/${i}`,
        `Persoonsgegeven "${entry}" staat niet in het invoerschema; zo beschermt de verklaring niets.`,
        `Personal field "${entry}" is not in the input schema, so the declaration protects nothing.`,
      );
    }
  });

  for (const [date, prop] of Object.entries(def.inputDates ?? {})) {
    const field = personalFieldOf(def, `data.${prop}`);
    if (field) {
      exported(
        `/inputDates/${pointer(date)}`,
        field,
        `wordt zaakdatum "${date}": zaakdatums staan onversleuteld in zoekvelden (termijnen) en webhooks.`,
        `becomes case date "${date}": case dates are unencrypted in search attributes (time limits) and webhooks.`,
      );
    }
  }

  const notifySettings = (settings: Record<string, unknown> | undefined, path: string, nodeId?: string): void => {
    for (const [k, v] of Object.entries(settings ?? {})) {
      const field = personalFieldOf(def, v);
      if (field)
        exported(
          `${path}/${pointer(k)}`,
          field,
          'staat in een melding; meldingen bevatten alleen verwijzingen.',
          'is in a notification; notifications carry references only.',
          nodeId,
        );
    }
  };
  def.deadlines?.forEach((d, i) => notifySettings(d.notify, `/deadlines/${i}/notify`));

  def.nodes.forEach((n, i) => {
    const base = `/nodes/${i}`;
    if (n.kind === 'task' && n.action === 'notify') notifySettings(n.params, `${base}/params`, n.id);
    if (n.kind === 'wait')
      n.reminders?.forEach((r, j) => notifySettings(r.notify, `${base}/reminders/${j}/notify`, n.id));
    if (n.kind === 'task' && n.action === 'count-placement') {
      for (const [k, v] of Object.entries(n.params ?? {})) {
        const field = isParamRef(v) ? undefined : personalFieldOf(def, v);
        if (field)
          exported(
            `${base}/params/${pointer(k)}`,
            field,
            'gaat naar de taakstelling (onversleuteld opgeslagen en gelogd).',
            'goes to the taakstelling ledger (stored and logged unencrypted).',
            n.id,
          );
      }
    }
    if (n.kind === 'subprocess' && options.lookupDefinition) {
      const child = options.lookupDefinition(n.process);
      if (!child) return;
      const childDeclared = declared(child);
      for (const [k, v] of Object.entries(n.input)) {
        const field = personalFieldOf(def, v);
        // The whole child property must be declared: the child guards only what it declares.
        if (field && !childDeclared.some((p) => p.length === 1 && p[0] === k)) {
          exported(
            `${base}/input/${pointer(k)}`,
            field,
            `gaat naar deelproces "${n.process}" als "${k}", dat daar niet als persoonsgegeven is verklaard.`,
            `goes to subprocess "${n.process}" as "${k}", which it does not declare as personal data.`,
            n.id,
          );
        }
      }
    }
  });
}
