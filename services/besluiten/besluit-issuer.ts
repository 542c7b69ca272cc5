import type { BesluitRequest, IssuedBesluit } from '../../workflows/activity-types';
import type { RuleSetSource } from '../rule-sets/rule-set-source';
import type { BesluitService } from './besluit-service';

/** Issues besluiten: idempotent per decision, so a retried activity stores one. */
export interface BesluitIssuer {
  issue(req: BesluitRequest): Promise<IssuedBesluit>;
}

/**
 * The worker's besluit issuer: finds the rule-set version that decided (published or retired since)
 * and has the besluit service render and store it. A failure is retried by the activity: the case
 * stays in its decision step until it succeeds (an incomplete profile is refused before confirming).
 */
export function besluitIssuer(service: BesluitService, ruleSets: RuleSetSource): BesluitIssuer {
  return {
    async issue(req) {
      const { decision } = req;
      const versions = await ruleSets.published(req.tenant, decision.ruleSetKind);
      const ruleSet = versions.find((v) => v.id === decision.ruleSetId && v.version === decision.ruleSetVersion);
      if (!ruleSet)
        throw new Error(
          `Rule set ${decision.ruleSetId} v${decision.ruleSetVersion} of ${req.tenant} not found for the besluit`,
        );
      return service.issue({ tenant: req.tenant, caseId: req.caseId, caseRef: req.caseRef, decision, ruleSet });
    },
  };
}
