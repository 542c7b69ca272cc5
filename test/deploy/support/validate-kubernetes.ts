import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

/**
 * Validates Kubernetes manifests with kubernetes-models (the API's OpenAPI schemas compiled to
 * validators): `node --import tsx validate-kubernetes.ts <file>…` prints one JSON line, a result per
 * document. Its own process because kubernetes-models is ESM only (subpath exports
 * `kubernetes-models/<group>/<version>/<Kind>`, `v1` for the core group), which Jest's CommonJS
 * module system cannot load.
 */
export interface ManifestResult {
  file: string;
  index: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  /** The validator's message (`data/spec/replicas must be integer`), or that no model exists for the kind. */
  error?: string;
}

interface Model {
  validate(): void;
}

async function validateDocument(doc: Record<string, unknown>): Promise<string | undefined> {
  const apiVersion = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  const kind = typeof doc.kind === 'string' ? doc.kind : '';
  if (!apiVersion || !kind) return 'apiVersion and kind are required';
  // A computed specifier: the import happens at run time, in ESM, through the package's exports map.
  const specifier = `kubernetes-models/${apiVersion}/${kind}`;
  let mod: Record<string, new (data: unknown) => Model>;
  try {
    mod = (await import(specifier)) as Record<string, new (data: unknown) => Model>;
  } catch {
    return `no model for ${apiVersion} ${kind} in kubernetes-models`;
  }
  const Ctor = mod[kind] ?? mod.default;
  if (!Ctor) return `no model for ${apiVersion} ${kind} in kubernetes-models`;
  try {
    new Ctor(doc).validate();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

export async function validateManifests(files: string[]): Promise<ManifestResult[]> {
  const results: ManifestResult[] = [];
  for (const file of files) {
    // YAML 1.1, as Kubernetes reads manifests (sigs.k8s.io/yaml): 0440 is octal there.
    const docs = yaml
      .loadAll(readFileSync(file, 'utf8'), { schema: yaml.YAML11_SCHEMA })
      .filter((d) => d != null) as Array<Record<string, unknown>>;
    for (const [index, doc] of docs.entries()) {
      const metadata = (doc.metadata ?? {}) as { name?: string };
      results.push({
        file,
        index,
        apiVersion: doc.apiVersion as string | undefined,
        kind: doc.kind as string | undefined,
        name: metadata.name,
        error: await validateDocument(doc),
      });
    }
  }
  return results;
}

if (require.main === module) {
  validateManifests(process.argv.slice(2)).then(
    (results) => console.log(JSON.stringify(results)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
