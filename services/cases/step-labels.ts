import type { ProcessDefinition } from '../../workflows/dsl/schema';
import type { DefinitionSource } from './definition-source';

export interface StepLabel {
  nl: string;
  en: string;
}

type Labels = ReadonlyMap<string, StepLabel>;

function labelsOf(definition: ProcessDefinition): Labels {
  return new Map(definition.nodes.map((n) => [n.id, { nl: n.label.nl, en: n.label.en ?? n.label.nl }]));
}

/** How long the labels of the version in force are kept when a case does not name its version. */
const CURRENT_TTL_MS = 60_000;
const MAX_VERSIONS = 500;

/**
 * A step's label from the definition version the case runs — an older version or an end step
 * included, which the monitor's process catalog (today's versions, steps only) does not know.
 * A published version never changes, so its labels are kept; cases started before their version
 * was a search attribute get the labels of the version in force now.
 */
export function createStepLabels(definitions: DefinitionSource) {
  const versions = new Map<string, Promise<Labels | undefined>>();
  const current = new Map<string, { at: number; labels: Promise<Labels | undefined> }>();

  function ofVersion(tenant: string, processId: string, version: number): Promise<Labels | undefined> {
    const key = `${tenant}\u0000${processId}\u0000${version}`;
    let hit = versions.get(key);
    if (!hit) {
      hit = (definitions.version ? definitions.version(tenant, processId, version) : Promise.resolve(undefined)).then(
        (d) => (d ? labelsOf(d) : undefined),
      );
      if (versions.size >= MAX_VERSIONS) versions.delete(versions.keys().next().value as string);
      versions.set(key, hit);
      hit.catch(() => versions.delete(key));
    }
    return hit;
  }

  function ofCurrent(tenant: string, processId: string): Promise<Labels | undefined> {
    const key = `${tenant}\u0000${processId}`;
    const hit = current.get(key);
    if (hit && Date.now() - hit.at < CURRENT_TTL_MS) return hit.labels;
    const labels = definitions.get(tenant, processId).then((d) => (d ? labelsOf(d) : undefined));
    if (current.size >= MAX_VERSIONS) current.delete(current.keys().next().value as string);
    current.set(key, { at: Date.now(), labels });
    labels.catch(() => current.delete(key));
    return labels;
  }

  return async function stepLabel(
    tenant: string,
    processId: string,
    version: number | undefined,
    step: string,
  ): Promise<StepLabel | undefined> {
    if (!step || !processId) return undefined;
    const own = version !== undefined ? await ofVersion(tenant, processId, version) : undefined;
    return (own ?? (await ofCurrent(tenant, processId)))?.get(step);
  };
}
