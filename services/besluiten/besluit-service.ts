import { createHash, randomUUID } from 'node:crypto';
import type { RuleSet } from '../../rules';
import type { DecisionRecord } from '../../workflows/case-state';
import { readProfile } from '../municipalities/profile-store';
import { profileCompleteness } from '../municipalities/profile-completeness';
import type { Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import type { BesluitContent } from './besluit-content';
import { BesluitError } from './besluit-error';
import {
  findBesluit,
  findIssued,
  insertBesluit,
  listBesluiten,
  type BesluitSummary,
  type StoredBesluit,
} from './besluit-store';
import { composeBesluit } from './compose-besluit';
import { dutchDay } from './dutch-format';
import { renderBesluit } from './render-besluit';

export interface BesluitServiceDeps {
  store: Store;
  clock: Clock;
  /** Replaceable for tests; renderBesluit by default. */
  render?: (content: BesluitContent) => Promise<Buffer>;
}

export interface IssueBesluitInput {
  tenant: string;
  caseId: string;
  /** The kenmerk printed on the letter (pseudonymous). */
  caseRef: string;
  /** The confirmed decision record. */
  decision: DecisionRecord;
  /** The rule-set version that decided (decision.ruleSetId, decision.ruleSetVersion). */
  ruleSet: RuleSet;
}

export interface IssuedBesluit {
  id: string;
  sha256: string;
  createdAt: string;
}

export interface BesluitService {
  /**
   * Renders and stores the besluit of a confirmed decision. Idempotent per (tenant, case, decision
   * step, decision time): a retried activity gets the besluit issued the first time. Throws
   * BesluitError PROFILE_INCOMPLETE (with the missing fields), DECISION_NOT_CONFIRMED or
   * EXPLANATION_MISSING; those need a person, so do not retry them.
   */
  issue(input: IssueBesluitInput): Promise<IssuedBesluit>;
  get(tenant: string, caseId: string, id: string): Promise<StoredBesluit | undefined>;
  list(tenant: string, caseId: string): Promise<BesluitSummary[]>;
}

const issued = (b: BesluitSummary): IssuedBesluit => ({ id: b.id, sha256: b.sha256, createdAt: b.createdAt });

export function createBesluitService(deps: BesluitServiceDeps): BesluitService {
  const render = deps.render ?? renderBesluit;
  const db = () => deps.store.db;
  return {
    async issue({ tenant, caseId, caseRef, decision, ruleSet }) {
      const existing = await findIssued(db(), tenant, caseId, decision.nodeId, decision.at);
      if (existing) return issued(existing);
      const profile = await readProfile(db(), tenant);
      const completeness = profileCompleteness(profile, ruleSet);
      if (!completeness.complete) {
        throw new BesluitError(
          'PROFILE_INCOMPLETE',
          `the municipality profile of ${tenant} lacks ${completeness.missing.map((m) => m.path).join(', ')}`,
          completeness.missing,
        );
      }
      const now = deps.clock();
      const content = composeBesluit({ decision, caseRef, profile, ruleSet, dagtekening: dutchDay(now) });
      const pdf = await render(content);
      const besluit: StoredBesluit = {
        id: randomUUID(),
        caseId,
        caseRef,
        nodeId: decision.nodeId,
        decidedAt: decision.at,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        size: pdf.length,
        pdf,
        createdAt: now.toISOString(),
      };
      try {
        await insertBesluit(db(), deps.store.secrets, tenant, besluit);
      } catch (err) {
        // Two attempts of the same activity at once: the unique key lets one in; the other returns its besluit.
        const winner = await findIssued(db(), tenant, caseId, decision.nodeId, decision.at);
        if (winner) return issued(winner);
        throw err;
      }
      return issued(besluit);
    },
    get: (tenant, caseId, id) => findBesluit(db(), deps.store.secrets, tenant, caseId, id),
    list: (tenant, caseId) => listBesluiten(db(), tenant, caseId),
  };
}
