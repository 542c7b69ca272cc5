import { JreError } from './jre-error';

// json-rules-engine resolves `path` with jsonpath-plus (`wrap: false`). This is that behaviour for the
// forms its docs and tests use, compiled once per path: `$`, `$.a.b`, `a.b`, `$.a[0]`, `$['a-b']`,
// `$.a[*]`, `$.a.*`, `$..a`, `$.[0].id` (jsonpath-plus reads `.[` as `..[`). Filters, scripts, slices,
// unions and parent selectors are refused with UNSUPPORTED_PATH: pass a `pathResolver` for those.
// Results follow jsonpath-plus: no match is undefined, one match from steps without a wildcard or
// descent is the value itself, anything else an array of the matches in document order.

type Step = { kind: 'name'; name: string } | { kind: 'wildcard' } | { kind: 'descent' };

export type CompiledPath = (value: object) => unknown;

const NAME = /^[^.[\]'"*~^@?()`,:$]+$/u;

function unsupported(path: string): JreError {
  return new JreError(
    'UNSUPPORTED_PATH',
    `Engine: path "${path}" is outside the supported JSONPath forms; pass a pathResolver`,
  );
}

function parse(path: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const readName = (): void => {
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    const name = path.slice(i, end);
    if (name === '*') steps.push({ kind: 'wildcard' });
    else if (NAME.test(name)) steps.push({ kind: 'name', name });
    else throw unsupported(path);
    i = end;
  };
  if (path[0] === '$') i = 1;
  else readName();
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
      if (path[i] === '.' || path[i] === '[') {
        if (path[i] === '.') i++;
        steps.push({ kind: 'descent' });
        if (path[i] !== '[') readName();
      } else readName();
    } else if (c === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) throw unsupported(path);
      const inner = path.slice(i + 1, close);
      const quoted = /^(['"])([^'"\]]*)\1$/u.exec(inner);
      if (inner === '*') steps.push({ kind: 'wildcard' });
      else if (quoted && quoted[2] !== '*' && NAME.test(quoted[2] ?? ''))
        steps.push({ kind: 'name', name: quoted[2] ?? '' });
      else if (/^\d+$/u.test(inner)) steps.push({ kind: 'name', name: inner });
      else throw unsupported(path);
      i = close + 1;
    } else throw unsupported(path);
  }
  if (steps.length > 0 && steps[steps.length - 1]?.kind === 'descent') throw unsupported(path);
  return steps;
}

interface Match {
  value: unknown;
  many: boolean;
}

function children(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((_v, i) => String(i));
  return value !== null && typeof value === 'object' ? Object.keys(value) : [];
}

function trace(steps: Step[], at: number, value: unknown, many: boolean, out: Match[]): void {
  const step = steps[at];
  if (step === undefined) {
    out.push({ value, many });
    return;
  }
  if (step.kind === 'name') {
    if (value && Object.prototype.hasOwnProperty.call(value, step.name))
      trace(steps, at + 1, (value as Record<string, unknown>)[step.name], many, out);
  } else if (step.kind === 'wildcard') {
    for (const key of children(value)) trace(steps, at + 1, (value as Record<string, unknown>)[key], true, out);
  } else {
    trace(steps, at + 1, value, many, out);
    for (const key of children(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object') trace(steps, at, child, true, out);
    }
  }
}

export function compileJsonPath(path: string): CompiledPath {
  if (typeof path !== 'string') throw unsupported(String(path));
  const steps = parse(path);
  if (steps.every((s) => s.kind === 'name')) {
    // The common case, `$.a.b`: a plain walk, no match list.
    const names = steps.map((s) => (s as { name: string }).name);
    return (value) => {
      let v: unknown = value;
      for (const name of names) {
        if (!v || !Object.prototype.hasOwnProperty.call(v, name)) return undefined;
        v = (v as Record<string, unknown>)[name];
      }
      return v;
    };
  }
  return (value) => {
    const out: Match[] = [];
    trace(steps, 0, value, false, out);
    if (out.length === 0) return undefined;
    if (out.length === 1 && !out[0]?.many) return out[0]?.value;
    return out.map((m) => m.value);
  };
}
