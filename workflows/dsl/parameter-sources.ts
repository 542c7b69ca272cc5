import type { ParameterSource, ProcessDefinition } from './schema';

/**
 * The source of a parameter: its own entry in `parameterSources`, else the nearest object above
 * it (`schemes.HAR` for `schemes.HAR.maxDuration`). Undefined when nothing names one.
 */
export function sourceOfParameter(
  def: Pick<ProcessDefinition, 'parameterSources'>,
  path: string,
): { path: string; source: ParameterSource } | undefined {
  const sources = def.parameterSources ?? {};
  const keys = path.split('.');
  for (let n = keys.length; n > 0; n--) {
    const at = keys.slice(0, n).join('.');
    const source = Object.prototype.hasOwnProperty.call(sources, at) ? sources[at] : undefined;
    if (source) return { path: at, source };
  }
  return undefined;
}

/** Every leaf of the parameters (a value that is not an object), by dotted path, in order. */
export function parameterLeaves(
  parameters: Record<string, unknown> | undefined,
): Array<{ path: string; value: unknown }> {
  const out: Array<{ path: string; value: unknown }> = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('nl' in value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else out.push({ path, value });
  };
  walk(parameters ?? {}, '');
  return out;
}

/** The source in one line, Dutch or English: "Algemene wet bestuursrecht, art. 4:13 lid 2 (…)". */
export function sourceInWords(
  source: ParameterSource,
  lang: 'nl' | 'en',
  dateInWords: (iso: string) => string,
): string {
  const parts = [source.document[lang] ?? source.document.nl];
  if (source.article) parts.push(source.article);
  if (source.date) parts.push(dateInWords(source.date));
  return parts.join(', ');
}
