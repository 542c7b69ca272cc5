import type { ErrorObject } from 'ajv';
import { ajv, toIssues } from './ajv';
import { ProcessDefinitionSchema, type ProcessDefinition } from './schema';
import { ProcessDefinitionV1Schema, type ProcessDefinitionV1 } from './schema-v1';
import { upgradeDefinition } from './upgrade-definition';
import { checkDeclarations } from './validation/declaration-checks';
import type { AddError, AddWarning, DefinitionError, DefinitionWarning } from './validation/definition-error';
import { checkGraph } from './validation/graph-checks';
import { checkNodes, type ValidationOptions } from './validation/node-checks';
import { checkNorms } from './validation/norm-checks';
import { checkPersonalData } from './validation/personal-data-checks';
import { checkReferences } from './validation/reference-checks';
import { checkTaskParams } from './validation/task-param-checks';

export type {
  DefinitionError,
  DefinitionErrorCode,
  DefinitionWarning,
  DefinitionWarningCode,
} from './validation/definition-error';
export type { ValidationOptions } from './validation/node-checks';
export { BUILT_IN_DATES } from './validation/reference-checks';

const checkShape = ajv.compile<ProcessDefinition>(ProcessDefinitionSchema);
const checkShapeV1 = ajv.compile<ProcessDefinitionV1>(ProcessDefinitionV1Schema);

export type DefinitionValidation =
  | { valid: true; definition: ProcessDefinition; warnings: DefinitionWarning[] }
  | { valid: false; errors: DefinitionError[]; warnings: DefinitionWarning[] };

function shapeErrors(errors: ErrorObject[] | null | undefined): DefinitionError[] {
  return toIssues(errors).map((i) => ({
    code: 'SCHEMA' as const,
    path: i.path,
    message: {
      nl: `Ongeldige definitie op ${i.path || '/'}: ${i.message}`,
      en: `Invalid definition at ${i.path || '/'}: ${i.message}`,
    },
  }));
}

/**
 * Version 1 is what has no `formatVersion` (or says 1) and none of version 2's declarations: a
 * definition with `events` or `factMappings` but no `formatVersion` is a version 2 that forgot it,
 * and hears so, rather than a list of version-1 complaints.
 */
function isVersion1Input(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const o = input as Record<string, unknown>;
  if (o.formatVersion === 1) return true;
  return o.formatVersion === undefined && o.events === undefined && o.factMappings === undefined;
}

/**
 * Validates a definition: its shape by the schema, then the graph, the declarations, the task
 * settings and the references inside it. Version-1 input (stored versions, older API clients) is
 * checked against the version-1 shape, upgraded, and checked further as version 2; the result
 * says so with the warning UPGRADED_FROM_V1, and `definition` is the upgraded one. Warnings never
 * make a definition invalid.
 */
export function validateDefinition(input: unknown, options: ValidationOptions = {}): DefinitionValidation {
  const warnings: DefinitionWarning[] = [];
  const warn: AddWarning = (code, path, nl, en, nodeId) => {
    warnings.push({ code, path, ...(nodeId === undefined ? {} : { nodeId }), message: { nl, en } });
  };
  let def: ProcessDefinition;
  if (isVersion1Input(input)) {
    if (!checkShapeV1(input)) return { valid: false, errors: shapeErrors(checkShapeV1.errors), warnings };
    def = upgradeDefinition(input);
    warn(
      'UPGRADED_FROM_V1',
      '',
      'Deze definitie is in formaatversie 1 en is omgezet naar versie 2 (gebeurtenissen en feitenkoppelingen één keer gedeclareerd); paden in meldingen wijzen in de omgezette definitie.',
      'This definition is in format version 1 and was upgraded to version 2 (events and fact mappings declared once); paths in findings point into the upgraded definition.',
    );
  } else if (!checkShape(input)) {
    return { valid: false, errors: shapeErrors(checkShape.errors), warnings };
  } else def = input;

  const errors: DefinitionError[] = [];
  const add: AddError = (code, path, nl, en, nodeId) => {
    errors.push({ code, path, nodeId, message: { nl, en } });
  };
  const index = new Map<string, number>();
  def.nodes.forEach((n, i) => {
    if (index.has(n.id))
      add(
        'DUPLICATE_NODE',
        `/nodes/${i}/id`,
        `Stap-id "${n.id}" komt twee keer voor.`,
        `Node id "${n.id}" is used twice.`,
        n.id,
      );
    else index.set(n.id, i);
  });
  checkGraph(def, index, add);
  checkDeclarations(def, add, warn);
  checkNodes(def, add, options);
  checkTaskParams(def, add);
  checkReferences(def, add);
  checkPersonalData(def, add, options);
  checkNorms(def, add);
  return errors.length ? { valid: false, errors, warnings } : { valid: true, definition: def, warnings };
}
