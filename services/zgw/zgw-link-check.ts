import type { ZgwProcessLink } from '../../contract/zgw';
import { ApiError } from '../../platform/errors';
import type { ProcessDefinition } from '../../workflows/dsl/schema';

const invalid = (message: string, path: string) => new ApiError(400, 'INVALID_ZGW_SETTINGS', message, path);

/** What a process offers to link: its steps, its decision steps and its outcomes. */
function offered(definition: ProcessDefinition) {
  return {
    steps: new Set(definition.nodes.map((n) => n.id)),
    decisions: new Set(definition.nodes.filter((n) => n.kind === 'decision').map((n) => n.id)),
    outcomes: new Set(definition.nodes.flatMap((n) => (n.kind === 'end' ? [n.outcome] : []))),
  };
}

/**
 * Checks the process links against what they name: every catalogus URL (zaaktype, statustypen,
 * besluittypen, resultaattypen, informatieobjecttype) lies under the configured Catalogi API, and
 * every process, step, decision step and outcome exists in the municipality's published process
 * definition. The first fault is answered with its path, in Dutch first.
 */
export async function checkProcessLinks(
  links: ZgwProcessLink[],
  catalogiBase: string,
  definitionOf: (processId: string) => Promise<ProcessDefinition | undefined>,
): Promise<void> {
  const inCatalogus = (url: string | undefined, path: string) => {
    if (url !== undefined && !url.startsWith(`${catalogiBase}/`))
      throw invalid(
        `Deze URL hoort niet bij de ingestelde Catalogi API ${catalogiBase} (URL outside the configured Catalogi API).`,
        path,
      );
  };
  for (const [i, link] of links.entries()) {
    const at = `/body/processLinks/${i}`;
    const definition = await definitionOf(link.processId);
    if (!definition)
      throw invalid(
        `Proces ${link.processId} is in deze gemeente niet gepubliceerd (no published process with this id).`,
        `${at}/processId`,
      );
    const { steps, decisions, outcomes } = offered(definition);
    inCatalogus(link.zaaktype, `${at}/zaaktype`);
    for (const key of [
      'besluittype',
      'informatieobjecttype',
      'resultaattype',
      'eindstatustype',
      'cancelledResultaattype',
    ] as const)
      inCatalogus(link[key], `${at}/${key}`);
    link.statustypen.forEach((s, j) => {
      if (!steps.has(s.step))
        throw invalid(
          `Stap ${s.step} bestaat niet in proces ${link.processId} (no such step in the process).`,
          `${at}/statustypen/${j}/step`,
        );
      inCatalogus(s.statustype, `${at}/statustypen/${j}/statustype`);
    });
    const decisionSeen = new Set<string>();
    (link.besluittypen ?? []).forEach((b, j) => {
      if (!decisions.has(b.decision))
        throw invalid(
          `Besluitstap ${b.decision} bestaat niet in proces ${link.processId} (no such decision step in the process).`,
          `${at}/besluittypen/${j}/decision`,
        );
      if (decisionSeen.has(b.decision))
        throw invalid(
          `Besluitstap ${b.decision} heeft twee besluittypen (decision mapped twice).`,
          `${at}/besluittypen/${j}/decision`,
        );
      decisionSeen.add(b.decision);
      inCatalogus(b.besluittype, `${at}/besluittypen/${j}/besluittype`);
    });
    const outcomeSeen = new Set<string>();
    (link.resultaattypen ?? []).forEach((r, j) => {
      if (!outcomes.has(r.outcome))
        throw invalid(
          `Uitkomst ${r.outcome} bestaat niet in proces ${link.processId} (no such outcome in the process).`,
          `${at}/resultaattypen/${j}/outcome`,
        );
      if (outcomeSeen.has(r.outcome))
        throw invalid(
          `Uitkomst ${r.outcome} heeft twee resultaattypen (outcome mapped twice).`,
          `${at}/resultaattypen/${j}/outcome`,
        );
      outcomeSeen.add(r.outcome);
      inCatalogus(r.resultaattype, `${at}/resultaattypen/${j}/resultaattype`);
    });
    if ((link.besluittypen?.length ?? 0) > 0 && !link.informatieobjecttype)
      throw invalid(
        'Bij een besluittype hoort een informatieobjecttype voor de besluit-PDF (besluittype needs an informatieobjecttype).',
        `${at}/informatieobjecttype`,
      );
  }
}
