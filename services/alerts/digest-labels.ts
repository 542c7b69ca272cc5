import type { ProcessDefinition } from '../../workflows/dsl/schema';
import type { Db } from '../../platform/store/create-store';
import { parseJson } from '../../platform/store/json';
import { findEffectiveRow, listArtifacts } from '../versions/repository';

/** Names a person reads for a process and its steps; undefined where nothing is known (the id is then shown). */
export interface DigestLabels {
  process(processId: string): string | undefined;
  step(processId: string, stepId: string): string | undefined;
}

export const NO_LABELS: DigestLabels = { process: () => undefined, step: () => undefined };

/** The Dutch labels of the municipality's process definitions in force now, for the digest's text. */
export async function digestLabelsFromStore(db: Db, tenant: string, now: Date): Promise<DigestLabels> {
  const byProcess = new Map<string, ProcessDefinition>();
  for (const artifact of await listArtifacts(db, tenant, 'definition')) {
    const row = await findEffectiveRow(db, artifact, now.toISOString());
    const definition = row ? parseJson<ProcessDefinition | undefined>(row.content, undefined) : undefined;
    if (definition) byProcess.set(artifact.key, definition);
  }
  return {
    process: (processId) => byProcess.get(processId)?.title?.nl,
    step: (processId, stepId) => byProcess.get(processId)?.nodes.find((n) => n.id === stepId)?.label.nl,
  };
}
