import { compileSchema } from '../ajv';
import type { ProcessDefinition } from '../schema';
import { pointer, type AddError, type AddWarning } from './definition-error';
import { checkEnumLabels } from './enum-label-checks';

const own = (record: object | undefined, key: string): boolean =>
  record !== undefined && Object.prototype.hasOwnProperty.call(record, key);

/** A payload schema ajv compiles, that describes an object, and whose choice labels (x-labels) fit its enums; `path` points at the schema. */
function checkPayloadSchema(
  schema: Record<string, unknown>,
  event: string,
  path: string,
  add: AddError,
  nodeId?: string,
): void {
  try {
    compileSchema(schema);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    add('INVALID_PAYLOAD_SCHEMA', path, `Ongeldig gegevensschema: ${why}`, `Invalid payload schema: ${why}`, nodeId);
    return;
  }
  // Payloads are JSON objects; a schema that says nothing about them lets anything in.
  if (schema.type !== 'object') {
    add(
      'PAYLOAD_SCHEMA_NOT_OBJECT',
      `${path}/type`,
      `Het gegevensschema van "${event}" moet een object beschrijven (type: object).`,
      `The payload schema of "${event}" must describe an object (type: object).`,
      nodeId,
    );
  }
  checkEnumLabels(schema, path, add, nodeId);
}

/**
 * Format version 2's declarations: every event a wait step names and every fact mapping a
 * decision names is declared; each payload schema is checked once, where it is declared (errors
 * name the first step that uses it, so the designer shows them there). Declarations nothing uses
 * and per-step overrides are warnings: they change no behaviour. One pass over the steps and one
 * over the declarations, so linear in the definition's size.
 */
export function checkDeclarations(def: ProcessDefinition, add: AddError, warn: AddWarning): void {
  const firstUse = new Map<string, string>();
  const mappingUse = new Map<string, string>();
  def.nodes.forEach((n, i) => {
    const base = `/nodes/${i}`;
    if (n.kind === 'wait') {
      n.events.forEach((e, j) => {
        if (!firstUse.has(e.name)) firstUse.set(e.name, n.id);
        if (!own(def.events, e.name)) {
          add(
            'UNKNOWN_EVENT',
            `${base}/events/${j}/name`,
            `Gebeurtenis "${e.name}" is niet gedeclareerd (events).`,
            `Event "${e.name}" is not declared (events).`,
            n.id,
          );
        }
        if (e.payloadSchema)
          checkPayloadSchema(e.payloadSchema, e.name, `${base}/events/${j}/payloadSchema`, add, n.id);
        if (e.label || e.payloadSchema) {
          warn(
            'EVENT_OVERRIDE',
            `${base}/events/${j}`,
            `Stap "${n.id}" geeft gebeurtenis "${e.name}" een eigen ${e.payloadSchema ? 'gegevensschema' : 'naam'}; dezelfde naam betekent dan niet overal hetzelfde.`,
            `Step "${n.id}" gives event "${e.name}" its own ${e.payloadSchema ? 'payload schema' : 'label'}, so the name does not mean the same everywhere.`,
            n.id,
          );
        }
      });
    }
    if (n.kind === 'decision') {
      const mapped = new Set<string>();
      n.factMappings.forEach((name, j) => {
        if (!mappingUse.has(name)) mappingUse.set(name, n.id);
        if (!own(def.factMappings, name)) {
          add(
            'UNKNOWN_FACT_MAPPING',
            `${base}/factMappings/${j}`,
            `Feitenkoppeling "${name}" is niet gedeclareerd (factMappings).`,
            `Fact mapping "${name}" is not declared (factMappings).`,
            n.id,
          );
          return;
        }
        for (const fact of Object.keys(def.factMappings?.[name] ?? {})) {
          if (mapped.has(fact)) {
            add(
              'FACT_MAPPED_TWICE',
              `${base}/factMappings/${j}`,
              `Feit "${fact}" komt in beslisstap "${n.id}" uit twee feitenkoppelingen; één moet het zeggen.`,
              `Fact "${fact}" comes from two fact mappings in decision "${n.id}"; one must say it.`,
              n.id,
            );
            break;
          }
          mapped.add(fact);
        }
      });
    }
  });
  for (const [name, declared] of Object.entries(def.events ?? {})) {
    const path = `/events/${pointer(name)}`;
    const user = firstUse.get(name);
    checkPayloadSchema(declared.payloadSchema, name, `${path}/payloadSchema`, add, user);
    if (user === undefined) {
      warn(
        'UNUSED_EVENT',
        path,
        `Gebeurtenis "${name}" is gedeclareerd maar geen wachtstap verwacht haar.`,
        `Event "${name}" is declared but no wait step expects it.`,
      );
    }
  }
  for (const name of Object.keys(def.factMappings ?? {})) {
    if (!mappingUse.has(name)) {
      warn(
        'UNUSED_FACT_MAPPING',
        `/factMappings/${pointer(name)}`,
        `Feitenkoppeling "${name}" is gedeclareerd maar geen beslisstap gebruikt haar.`,
        `Fact mapping "${name}" is declared but no decision uses it.`,
      );
    }
  }
}

/** The step that first uses each fact mapping (for errors about a mapping's contents). */
export function mappingUsers(def: ProcessDefinition): Map<string, string> {
  const users = new Map<string, string>();
  for (const n of def.nodes)
    if (n.kind === 'decision') for (const name of n.factMappings) if (!users.has(name)) users.set(name, n.id);
  return users;
}
