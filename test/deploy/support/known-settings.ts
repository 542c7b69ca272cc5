import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/**
 * The environment variables the product reads: every `env.NAME`, `env['NAME']` and `int('NAME', …)`
 * in the code of the processes (platform, services, server, worker, product) — the config module
 * (platform/config.ts, platform/temporal/temporal-tls.ts) and the modules that read their own settings
 * (store, codec keys, auth, SMTP, egress…). A deployment file that sets anything else sets nothing.
 */
export function productSettings(): Set<string> {
  const names = new Set<string>();
  const pattern = /\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])|\bint\('([A-Z][A-Z0-9_]+)'/g;
  for (const dir of ['platform', 'services', 'server', 'worker', 'product']) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      for (const m of readFileSync(file, 'utf8').matchAll(pattern)) names.add((m[1] ?? m[2] ?? m[3])!);
    }
  }
  return names;
}

/** The variables deploy/temporal/config.yaml's template reads (`env "NAME"`): what the Temporal server's container may set. */
export function temporalServerSettings(): Set<string> {
  const text = readFileSync(path.join(ROOT, 'deploy', 'temporal', 'config.yaml'), 'utf8');
  return new Set([...text.matchAll(/\benv "([A-Z][A-Z0-9_]+)"/g)].map((m) => m[1]!));
}

/** The names in `set` that `known` does not hold, each with the closest known name (a misspelling's likely meaning). */
export function unknownSettings(set: Iterable<string>, known: Set<string>): Array<{ name: string; closest?: string }> {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row[j]!;
        row[j] = next;
      }
    }
    return row[b.length]!;
  };
  return [...set]
    .filter((name) => !known.has(name))
    .map((name) => {
      const closest = [...known].sort((x, y) => distance(name, x) - distance(name, y))[0];
      return closest && distance(name, closest) <= 3 ? { name, closest } : { name };
    });
}
