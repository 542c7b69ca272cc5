import { ajv, toIssues } from './ajv';
import { ProcessDefinitionSchema, type ProcessDefinition } from './schema';
import type { AddError, DefinitionError } from './validation/definition-error';
import { checkGraph } from './validation/graph-checks';
import { checkNodes, type ValidationOptions } from './validation/node-checks';
import { checkPersonalData } from './validation/personal-data-checks';
import { checkReferences } from './validation/reference-checks';

export type { DefinitionError, DefinitionErrorCode } from './validation/definition-error';
export type { ValidationOptions } from './validation/node-checks';
export { BUILT_IN_DATES } from './validation/reference-checks';

const checkShape = ajv.compile<ProcessDefinition>(ProcessDefinitionSchema);

/** Validates a definition: its shape by the schema, then the graph and the references inside it. */
export function validateDefinition(
  input: unknown,
  options: ValidationOptions = {},
): { valid: true; definition: ProcessDefinition } | { valid: false; errors: DefinitionError[] } {
  if (!checkShape(input)) {
    return {
      valid: false,
      errors: toIssues(checkShape.errors).map((i) => ({
        code: 'SCHEMA' as const,
        path: i.path,
        message: {
          nl: `Ongeldige definitie op ${i.path || '/'}: ${i.message}`,
          en: `Invalid definition at ${i.path || '/'}: ${i.message}`,
        },
      })),
    };
  }
  const def = input;
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
  checkNodes(def, add, options);
  checkReferences(def, add);
  checkPersonalData(def, add, options);
  return errors.length ? { valid: false, errors } : { valid: true, definition: def };
}
