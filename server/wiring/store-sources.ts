import type { RuleSet } from '../../rules';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import type { DefinitionSource } from '../cases/definition-source';
import type { Clock } from '../store/clock';
import type { Store } from '../store/create-store';
import { findArtifact, findEffectiveRow, listArtifacts, listVersionRows } from '../versions/repository';

/**
 * Published process definitions from the store: the version in force now. The snapshot carries
 * the store's version number, so a running case names the version it started with.
 */
export function storeDefinitionSource(store: Store, clock: Clock): DefinitionSource {
  async function effective(tenant: string, key: string): Promise<ProcessDefinition | undefined> {
    const artifact = await findArtifact(store.db, tenant, 'definition', key);
    if (!artifact) return undefined;
    const row = await findEffectiveRow(store.db, artifact, clock().toISOString());
    if (!row) return undefined;
    return { ...(JSON.parse(row.content) as ProcessDefinition), id: key, version: row.version };
  }
  return {
    get: effective,
    async list(tenant) {
      const artifacts = await listArtifacts(store.db, tenant, 'definition');
      const found = await Promise.all(artifacts.map((a) => effective(tenant, a.key)));
      return found.filter((d): d is ProcessDefinition => d !== undefined);
    },
  };
}

/**
 * Every published (or since retired) version of a municipality's rule set of one kind, with the
 * store's version and effective date written in, for peildatum selection by the rules core.
 */
export function storeRuleSetSource(store: Store) {
  return {
    async published(tenant: string, kind: string): Promise<RuleSet[]> {
      const artifact = await findArtifact(store.db, tenant, 'ruleset', kind);
      if (!artifact) return [];
      const rows = await listVersionRows(store.db, artifact);
      return rows
        .filter((r) => (r.status === 'published' || r.status === 'retired') && r.effective_from)
        .map((r) => ({
          ...(JSON.parse(r.content) as RuleSet),
          tenant,
          version: r.version,
          status: r.status === 'retired' ? 'retired' : 'published',
          effectiveFrom: (r.effective_from as string).slice(0, 10),
        }));
    },
  };
}
