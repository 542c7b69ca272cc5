import { neededFacts, type RuleSet } from '../../rules';
import { decisionFacts } from '../../workflows/dsl/declarations';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';
import { parseJson } from '../../platform/store/json';
import { currentContent } from './content';
import { findArtifact, listArtifacts, listVersionRows } from './repository';
import type { ArtifactType } from './types';

interface Gap {
  definition: string;
  nodeId: string;
  fact: string;
  path: string;
}

async function latestPublished<T>(db: Db, tenant: string, type: ArtifactType, key: string): Promise<T | undefined> {
  const artifact = await findArtifact(db, tenant, type, key);
  if (!artifact) return undefined;
  const row = (await listVersionRows(db, artifact)).find((r) => r.status === 'published');
  return row ? (currentContent(type, parseJson<unknown>(row.content, undefined)) as T | undefined) : undefined;
}

/** The decision nodes of a definition that ask a rule set of `kind`, with where they sit. */
function decisionsOf(definition: ProcessDefinition | undefined, kind?: string) {
  return (definition?.nodes ?? []).flatMap((n, i) =>
    n.kind === 'decision' && (kind === undefined || n.ruleSetKind === kind)
      ? [{ node: n, facts: decisionFacts(definition ?? {}, n), path: `/nodes/${i}/factMappings` }]
      : [],
  );
}

const safeNeeded = (ruleSet: RuleSet | undefined): string[] => {
  try {
    return ruleSet ? neededFacts(ruleSet) : [];
  } catch {
    return []; // A rule set the rules core cannot read is refused by its own validation, not here.
  }
};

/**
 * Complete facts, or no decision (issue 11): at submit and approve, every decision node must map
 * every fact its rule set needs. A definition is checked against the municipality's published
 * rule sets of each kind it asks; a rule set against the published definitions that ask its kind.
 * A gap is a 422 NOT_PUBLISHABLE naming the process, the node and the fact.
 */
export async function assertFactsMapped(
  db: Db,
  tenant: string,
  type: ArtifactType,
  key: string,
  content: string,
): Promise<void> {
  const gaps: Gap[] = [];
  if (type === 'definition') {
    const definition = currentContent(type, parseJson<unknown>(content, undefined)) as ProcessDefinition | undefined;
    const needed = new Map<string, string[]>();
    for (const { node, facts, path } of decisionsOf(definition)) {
      if (!needed.has(node.ruleSetKind))
        needed.set(
          node.ruleSetKind,
          safeNeeded(await latestPublished<RuleSet>(db, tenant, 'ruleset', node.ruleSetKind)),
        );
      for (const fact of needed.get(node.ruleSetKind) ?? [])
        if (!Object.prototype.hasOwnProperty.call(facts, fact))
          gaps.push({ definition: key, nodeId: node.id, fact, path: `/content${path}` });
    }
  } else {
    const needed = safeNeeded(parseJson<RuleSet | undefined>(content, undefined));
    for (const artifact of needed.length > 0 ? await listArtifacts(db, tenant, 'definition') : []) {
      for (const { node, facts } of decisionsOf(
        await latestPublished<ProcessDefinition>(db, tenant, 'definition', artifact.key),
        key,
      )) {
        for (const fact of needed)
          if (!Object.prototype.hasOwnProperty.call(facts, fact))
            gaps.push({ definition: artifact.key, nodeId: node.id, fact, path: '/content/rules' });
      }
    }
  }
  const first = gaps[0];
  if (!first) return;
  const issues = gaps.map((g) => ({
    code: 'FACT_NOT_MAPPED',
    path: g.path,
    message: `Beslisstap "${g.nodeId}" van proces "${g.definition}" geeft feit "${g.fact}" niet door, maar de regelset heeft het nodig.`,
    message_en: `Decision "${g.nodeId}" of process "${g.definition}" does not map fact "${g.fact}", which the rule set needs.`,
  }));
  throw new ApiError(422, 'NOT_PUBLISHABLE', `${issues[0]?.message} (${issues[0]?.message_en})`, first.path, {
    issues,
  });
}
