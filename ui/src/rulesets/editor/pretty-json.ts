import { joinPointer } from '../model/json-pointer';

/**
 * JSON.stringify(value, null, 2), plus the line each JSON pointer starts on, so the JSON view can
 * mark the lines a validation error points at. Same output as JSON.stringify for plain JSON.
 */
export function prettyJson(value: unknown): { text: string; lines: Map<string, number> } {
  const out: string[] = [];
  const lines = new Map<string, number>();
  const line = () => out.length + 1;
  const write = (v: unknown, indent: string, path: (string | number)[], prefix: string, suffix: string) => {
    lines.set(joinPointer(path), line());
    if (Array.isArray(v)) {
      if (v.length === 0) return void out.push(`${indent}${prefix}[]${suffix}`);
      out.push(`${indent}${prefix}[`);
      v.forEach((item, i) => write(item, `${indent}  `, [...path, i], '', i < v.length - 1 ? ',' : ''));
      out.push(`${indent}]${suffix}`);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return void out.push(`${indent}${prefix}{}${suffix}`);
      out.push(`${indent}${prefix}{`);
      entries.forEach(([k, x], i) =>
        write(x, `${indent}  `, [...path, k], `${JSON.stringify(k)}: `, i < entries.length - 1 ? ',' : ''),
      );
      out.push(`${indent}}${suffix}`);
    } else {
      out.push(`${indent}${prefix}${JSON.stringify(v)}${suffix}`);
    }
  };
  write(value, '', [], '', '');
  return { text: out.join('\n'), lines };
}

/** The line of the deepest pointer known for an issue's path. */
export function lineOf(lines: ReadonlyMap<string, number>, path: string): number {
  let at = path;
  for (;;) {
    const found = lines.get(at);
    if (found !== undefined) return found;
    if (at === '') return 1;
    at = at.slice(0, at.lastIndexOf('/'));
  }
}
