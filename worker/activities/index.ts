import { Context } from '@temporalio/activity';
import type { CaseEvent, CaseEventType } from '../../workflows/case-event';
import { ApplicationFailure } from '@temporalio/common';
import { builtInDefinitions } from '../../workflows/definitions';
import type { DecisionRecord } from '../../workflows/case-state';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { decide, type DecisionRequest } from './decide';
import { InMemoryQuotaLedger, type PlacementCount, type QuotaLedger } from './quota-ledger';
import { templateRuleSetSource, type RuleSetSource } from './rule-set-source';

export type { DecisionOutcome, DecisionRequest } from './decide';
export type { PlacementCount, QuotaLedger } from './quota-ledger';
export type { RuleSetSource } from './rule-set-source';
export { InMemoryQuotaLedger } from './quota-ledger';
export { templateRuleSetSource } from './rule-set-source';

/** A message about a case: references and codes only — receivers look up details with their rights. */
export interface Notification {
  tenant: string;
  caseId: string;
  processId: string;
  nodeId: string;
  kind: 'reminder' | 'task' | 'timeout' | 'deadline-missed';
  template: string;
  params?: Record<string, unknown>;
}

/** The published process definitions a subprocess can start. */
export interface DefinitionLookup {
  get(tenant: string, processId: string): Promise<ProcessDefinition | undefined>;
}

export const builtInDefinitionLookup: DefinitionLookup = {
  async get(_tenant, processId) {
    return builtInDefinitions.get(processId);
  },
};

export interface ActivityDeps {
  log: { info: (obj: object, msg: string) => void; warn?: (obj: object, msg: string) => void };
  /** Where notifications go (later: webhooks and the Notificaties API); default only logs. */
  deliver?: (n: Notification) => Promise<void>;
  /** Published rule sets per tenant and kind; default: the status-holder-priority template for every tenant. */
  ruleSets?: RuleSetSource;
  /** Definitions a subprocess starts; default: the built-ins. */
  definitions?: DefinitionLookup;
  /** The taakstelling ledger; default: in memory (lost on restart — wire the store's ledger in production). */
  quota?: QuotaLedger;
  /** Renders and stores the besluit of a confirmed decision; default: none (tests of the engine alone). */
  besluiten?: BesluitIssuer;
  /** Where case events go (the webhook publisher); default: nowhere. */
  events?: { publish(event: CaseEventMessage): Promise<unknown> };
}

/** What a confirmed decision needs to become a besluit: the case's references and the decision record. */
export interface BesluitRequest {
  tenant: string;
  caseId: string;
  caseRef: string;
  processId: string;
  decision: DecisionRecord;
}

/** Issues besluiten: idempotent per decision, so a retried activity stores one. */
export interface BesluitIssuer {
  issue(req: BesluitRequest): Promise<{ id: string; sha256: string; createdAt: string }>;
}

/** A case event the interpreter publishes: the webhook event, with its id always set. */
export type CaseEventMessage = CaseEvent & { id: string; type: Exclude<CaseEventType, 'case.started'> };

/** Activities are built from their dependencies, so tests pass fakes and the worker passes real ones. */
export function createActivities(deps: ActivityDeps) {
  const ruleSets = deps.ruleSets ?? templateRuleSetSource;
  const definitions = deps.definitions ?? builtInDefinitionLookup;
  const quota = deps.quota ?? new InMemoryQuotaLedger();
  return {
    async notify(n: Notification): Promise<void> {
      const attempt = Context.current().info.attempt;
      deps.log.info(
        {
          tenant: n.tenant,
          caseId: n.caseId,
          processId: n.processId,
          nodeId: n.nodeId,
          kind: n.kind,
          template: n.template,
          attempt,
        },
        'notification',
      );
      await deps.deliver?.(n);
    },

    /** Evaluates the tenant's rule set of a kind, the version in force on the peildatum. */
    async evaluateDecision(req: DecisionRequest) {
      const outcome = await decide(ruleSets, req);
      deps.log.info(
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

    /** The besluit of a confirmed decision, rendered from the record and stored with its hash; undefined without an issuer. */
    async issueBesluit(req: BesluitRequest): Promise<{ id: string; sha256: string; createdAt: string } | undefined> {
      if (!deps.besluiten) return undefined;
      const besluit = await deps.besluiten.issue(req);
      deps.log.info(
        { tenant: req.tenant, caseId: req.caseId, nodeId: req.decision.nodeId, besluitId: besluit.id },
        'besluit',
      );
      return besluit;
    },

    /** The definition snapshot a subprocess starts with. */
    async resolveDefinition(req: { tenant: string; processId: string }): Promise<ProcessDefinition> {
      const definition = await definitions.get(req.tenant, req.processId);
      if (!definition) {
        throw ApplicationFailure.create({
          type: 'PROCESS_NOT_FOUND',
          message: `Process ${req.processId} is not published for ${req.tenant}.`,
          nonRetryable: false,
        });
      }
      return definition;
    },

    /** Hands a case event to the webhook publisher (idempotent per event id). */
    async publishCaseEvent(event: CaseEventMessage): Promise<void> {
      await deps.events?.publish(event);
    },

    /** Counts a placement for the taakstelling; idempotent on (caseId, nodeId), so a retry never counts twice. */
    async recordPlacement(p: PlacementCount): Promise<{ recorded: boolean }> {
      const result = await quota.record(p);
      deps.log.info(
        {
          tenant: p.tenant,
          caseId: p.caseId,
          nodeId: p.nodeId,
          municipality: p.municipality,
          halfYear: p.halfYear,
          recorded: result.recorded,
        },
        'placement',
      );
      return result;
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
