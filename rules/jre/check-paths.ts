import { isFactReference } from './compile-condition';
import type { EngineEvent } from './jre-types';
import type { ParsedCondition } from './parse-condition';

/**
 * Compiles every `path` of a rule or named condition with the default resolver when it is added, so a
 * path outside the supported JSONPath forms fails at addRule (UNSUPPORTED_PATH), not in some later run.
 */
export function checkPaths(
  condition: ParsedCondition | undefined,
  event: EngineEvent | undefined,
  compile: (path: string) => unknown,
): void {
  const check = (path: unknown) => {
    if (path) compile(path as string);
  };
  const visit = (c: ParsedCondition) => {
    if (c.kind === 'fact') {
      check(c.props.path);
      if (isFactReference(c.props.value)) check(c.props.value.path);
    }
    c.children.forEach(visit);
  };
  if (condition) visit(condition);
  const params = event?.params as unknown;
  if (params !== null && typeof params === 'object') {
    for (const v of Object.values(params)) if (isFactReference(v)) check(v.path);
  }
}
