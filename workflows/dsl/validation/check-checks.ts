import { isParamRef, resolveParam, splitSource } from '../references';
import type { CheckNode, ProcessDefinition, ValueSource } from '../schema';
import type { AddError } from './definition-error';

/**
 * A check step compares numbers: its condition ids are unique within the step, a constant is a
 * number, and a parameter it reads is a number or null (null: the municipality has still to fill
 * it in, and until then the condition cannot be judged — the case goes the `fail` way).
 */
export function checkCheck(def: ProcessDefinition, n: CheckNode, base: string, add: AddError): void {
  const seen = new Set<string>();
  n.conditions.forEach((c, j) => {
    const at = `${base}/conditions/${j}`;
    if (seen.has(c.id))
      add(
        'DUPLICATE_CONDITION',
        `${at}/id`,
        `Voorwaarde "${c.id}" komt twee keer voor in deze toets.`,
        `Condition "${c.id}" is used twice in this check.`,
        n.id,
      );
    seen.add(c.id);
    for (const key of ['value', 'limit', 'plus'] as const) {
      const source: ValueSource | undefined = c[key];
      if (source === undefined) continue;
      if (!numericSource(def, source))
        add(
          'CHECK_NOT_NUMERIC',
          `${at}/${key}`,
          `Een toets vergelijkt getallen: ${describe(source)} is geen getal.`,
          `A check compares numbers: ${describe(source)} is not a number.`,
          n.id,
        );
    }
  });
}

function describe(source: ValueSource): string {
  return typeof source === 'string' ? `"${source}"` : JSON.stringify(source.value);
}

/** Constants must be numbers; parameters numbers or null; dates never (they are text). Other sources are read at run time. */
function numericSource(def: ProcessDefinition, source: ValueSource): boolean {
  if (typeof source !== 'string') return typeof source.value === 'number' && Number.isFinite(source.value);
  const { root, path } = splitSource(source);
  if (root === 'dates') return false;
  if (root !== 'parameters' || isParamRef(source)) return true;
  const r = resolveParam(path.join('.'), def.parameters ?? {}, {});
  // An unresolved parameter is reported as UNKNOWN_PARAMETER by the reference checks.
  return !r.ok || r.value === null || (typeof r.value === 'number' && Number.isFinite(r.value));
}
