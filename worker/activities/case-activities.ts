import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DefinitionSource } from '../../services/cases/definition-source';
import type { BesluitIssuer } from '../../services/besluiten/besluit-issuer';
import type { QuotaLedger } from '../../services/quota/quota-ledger';
import type { RuleSetSource } from '../../services/rule-sets/rule-set-source';
import { EventPublishError, type PublishResult } from '../../services/webhooks/publisher';
import type { CaseActivities, CaseEventMessage, Notification } from '../../workflows/activity-types';
import { decide } from './decide';

export interface ActivityLog {
  info: (obj: object, msg: string) => void;
  warn?: (obj: object, msg: string) => void;
}

/** What the case interpreter's activities need; every one required (tests pass fakes, the worker the store's). */
export interface CaseActivityDeps {
  log: ActivityLog;
  /** Where notifications go beyond the log line (later: the Notificaties API). */
  deliver: (n: Notification) => Promise<void>;
  /** Published rule sets per tenant and kind. */
  ruleSets: RuleSetSource;
  /** Definitions a subprocess starts. */
  definitions: Pick<DefinitionSource, 'get'>;
  /** The taakstelling ledger. */
  quota: QuotaLedger;
  /** Renders and stores the besluit of a confirmed decision. */
  besluiten: BesluitIssuer;
  /** The one case-event publisher (services/webhooks/publisher.ts in production). */
  events: { publish(event: CaseEventMessage): Promise<PublishResult> };
}

/** The interpreter's activities, built from their dependencies. */
export function createCaseActivities(deps: CaseActivityDeps): CaseActivities {
  const { log } = deps;
  return {
    async notify(n) {
      const attempt = Context.current().info.attempt;
      const { tenant, caseId, processId, nodeId, kind, template } = n;
      log.info({ tenant, caseId, processId, nodeId, kind, template, attempt }, 'notification');
      await deps.deliver(n);
    },

    async evaluateDecision(req) {
      const outcome = await decide(deps.ruleSets, req);
      log.info(
        {
          tenant: req.tenant,
          caseId: req.caseId,
          nodeId: req.nodeId,
          ruleSet: outcome.ruleSetId,
          version: outcome.ruleSetVersion,
          status: outcome.status,
          missingFacts: outcome.missingFacts,
          events: outcome.events.map((e) => e.type),
        },
        'decision',
      );
      return outcome;
    },

    async issueBesluit(req) {
      const besluit = await deps.besluiten.issue(req);
      log.info(
        { tenant: req.tenant, caseId: req.caseId, nodeId: req.decision.nodeId, besluitId: besluit.id },
        'besluit',
      );
      return besluit;
    },

    async resolveDefinition(req) {
      const definition = await deps.definitions.get(req.tenant, req.processId);
      if (!definition) {
        throw ApplicationFailure.create({
          type: 'PROCESS_NOT_FOUND',
          message: `Process ${req.processId} is not published for ${req.tenant}.`,
          nonRetryable: false,
        });
      }
      return definition;
    },

    async publishCaseEvent(event) {
      const result = await deps.events.publish(event).catch((err: unknown) => {
        // An event the publisher refuses stays refused: retried, it would hold the case's workflow
        // task open (a local activity) for ever. Not retryable; the case goes on without it.
        // (The SDK logs the failed activity; the case logs that it goes on without the event.)
        if (err instanceof EventPublishError)
          throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true });
        throw err;
      });
      // Kept small: the result is recorded in the case's history with every publication.
      return { eventId: result.eventId, deliveries: result.deliveries.length, subscribedTypes: result.subscribedTypes };
    },

    async recordPlacement(p) {
      const result = await deps.quota.record(p);
      const { tenant, caseId, nodeId, municipality, halfYear } = p;
      log.info({ tenant, caseId, nodeId, municipality, halfYear, recorded: result.recorded }, 'placement');
      return result;
    },
  };
}
