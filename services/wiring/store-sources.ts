import type { RuleSet } from '../../rules';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { upgradeStoredDefinition } from '../../workflows/dsl/upgrade-stored-definition';
import type { DefinitionSource } from '../cases/definition-source';
import { declarePersonalFields } from '../../platform/privacy/redact-personal';
import type { Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import { findArtifact, findEffectiveRow, findVersionRow, listArtifacts, listVersionRows } from '../versions/repository';

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
    const definition = upgradeStoredDefinition(JSON.parse(row.content)) as ProcessDefinition;
    // From here on no log line carries these fields (a case of this definition may start now).
    declarePersonalFields(definition.personalData);
    return { ...definition, id: key, version: row.version };
  }
  return {
    get: effective,
    async list(tenant) {
      const artifacts = await listArtifacts(store.db, tenant, 'definition');
      const found = await Promise.all(artifacts.map((a) => effective(tenant, a.key)));
      return found.filter((d): d is ProcessDefinition => d !== undefined);
    },
    async version(tenant, key, version) {
      const artifact = await findArtifact(store.db, tenant, 'definition', key);
      const row = artifact ? await findVersionRow(store.db, artifact, version) : undefined;
      if (!row || (row.status !== 'published' && row.status !== 'retired')) return undefined;
      const definition = upgradeStoredDefinition(JSON.parse(row.content)) as ProcessDefinition;
      return { ...definition, id: key, version: row.version };
    },
  };
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Every published (or since retired) version of a municipality's rule set of one kind, with the
 * store's version and effective date written in, for peildatum selection by the rules core.
 * The store is the authority: its instants become Dutch calendar dates, and of several versions
 * taking effect on one day only the one in force at the end of that day is kept — the one the
 * store's own lookup would give for that day — so the rules core never sees a tie.
 */
export function storeRuleSetSource(store: Store) {
  return {
    async published(tenant: string, kind: string): Promise<RuleSet[]> {
      const artifact = await findArtifact(store.db, tenant, 'ruleset', kind);
      if (!artifact) return [];
      const rows = (await listVersionRows(store.db, artifact)).filter(
        (r) => (r.status === 'published' || r.status === 'retired') && r.effective_from,
      );
      const lastOfDay = new Map<string, (typeof rows)[number]>();
      for (const r of rows) {
        const day = amsterdamDate.format(new Date(r.effective_from as string));
        const kept = lastOfDay.get(day);
        if (
          !kept ||
          (r.effective_from as string) > (kept.effective_from as string) ||
          (r.effective_from === kept.effective_from && r.version > kept.version)
        )
          lastOfDay.set(day, r);
      }
      return [...lastOfDay.entries()].map(([day, r]) => ({
        ...(JSON.parse(r.content) as RuleSet),
        id: kind,
        tenant,
        version: r.version,
        status: r.status === 'retired' ? 'retired' : 'published',
        effectiveFrom: day,
      }));
    },
  };
}
