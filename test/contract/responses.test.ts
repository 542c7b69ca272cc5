import type { TSchema } from '@sinclair/typebox';
import * as alerts from '../../contract/alerts';
import * as apiKeys from '../../contract/api-keys';
import * as artifacts from '../../contract/artifacts';
import * as audit from '../../contract/audit';
import * as auth from '../../contract/auth';
import * as besluiten from '../../contract/besluiten';
import * as caseDecisions from '../../contract/case-decisions';
import * as cases from '../../contract/cases';
import * as codec from '../../contract/codec';
import * as cohortProgress from '../../contract/cohort-progress';
import * as common from '../../contract/common';
import * as decisions from '../../contract/decisions';
import * as health from '../../contract/health';
import * as householdImport from '../../contract/household-import';
import * as identityProvider from '../../contract/identity-provider';
import * as inburgeringWaiting from '../../contract/inburgering-waiting';
import * as monitor from '../../contract/monitor';
import * as municipalityProfile from '../../contract/municipality-profile';
import * as notificaties from '../../contract/notificaties';
import * as notificatiesLog from '../../contract/notificaties-log';
import * as quota from '../../contract/quota';
import * as rulesetSimulation from '../../contract/ruleset-simulation';
import * as tenants from '../../contract/tenants';
import * as users from '../../contract/users';
import * as webhooks from '../../contract/webhooks';
import * as zgw from '../../contract/zgw';
import type { ApiKey } from '../../services/auth/api-keys';
import type { User } from '../../services/auth/users';
import type { QuotaTarget } from '../../services/quota/targets';
import type { TaakstellingPeriod } from '../../services/quota/taakstelling';
import type { WebhookSubscription } from '../../services/webhooks/subscriptions';
import type { WebhookDelivery } from '../../services/webhooks/deliveries';
import type { Tenant } from '../../platform/store/tenants';
import type { CaseState, DecisionRecord, EventResult, PendingDecision } from '../../workflows/case-state';
import { buildOpenApiDocument, OPERATIONS } from '../../server/openapi/build-document';
import { monitorStreamOperations } from '../../server/openapi/operations/monitor';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** `A` can be sent where the contract promises `B`, and has every field `B` requires. */
type Fits<A, B> = [A] extends [B] ? ([RequiredKeys<B>] extends [keyof A] ? true : false) : false;
/** The two types say the same thing. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const holds = <T extends true>(): T | undefined => undefined;

describe('the API contract', () => {
  it('makes a missing or misspelt response field a compile error', () => {
    // @ts-expect-error a case summary without caseRef is not a CaseSummary
    const missing: cases.CaseSummary = { caseId: 'c', processId: 'p', step: 's', status: 'running', startedAt: 't' };
    // @ts-expect-error 'paused' is no case status
    const status: cases.CaseStateResponse['status'] = 'paused';
    // @ts-expect-error a version lists its contributors
    const noContributors: artifacts.Version['contributors'] = undefined;
    expect([missing.caseId, status, noContributors]).toEqual(['c', 'paused', undefined]);
  });

  it("checks the server's own types against it at compile time", () => {
    // What the interpreter answers is what the contract describes.
    holds<Fits<CaseState, cases.CaseStateResponse>>();
    holds<Same<EventResult, cases.EventResult>>();
    holds<Fits<DecisionRecord, cases.DecisionRecord>>();
    holds<Fits<PendingDecision, cases.PendingDecision>>();
    // Services whose types are their own (store rows mapped for the API).
    holds<Same<WebhookSubscription, webhooks.WebhookSubscription>>();
    holds<Same<WebhookDelivery, webhooks.WebhookDelivery>>();
    holds<Same<QuotaTarget, quota.QuotaTarget>>();
    holds<Fits<TaakstellingPeriod, quota.TaakstellingPeriod>>();
    holds<Fits<ApiKey, apiKeys.ApiKey>>();
    holds<Fits<User, auth.User>>();
    holds<Fits<Tenant, tenants.Tenant>>();
    expect(true).toBe(true);
  });

  it('is where every documented request and response schema comes from', () => {
    const modules = [
      alerts,
      apiKeys,
      artifacts,
      audit,
      auth,
      besluiten,
      caseDecisions,
      cases,
      codec,
      cohortProgress,
      common,
      decisions,
      health,
      householdImport,
      identityProvider,
      inburgeringWaiting,
      monitor,
      municipalityProfile,
      notificaties,
      notificatiesLog,
      quota,
      rulesetSimulation,
      tenants,
      users,
      webhooks,
      zgw,
    ];
    const contract = new Set<unknown>(modules.flatMap((m) => Object.values(m)));
    const outside: string[] = [];
    for (const op of [...OPERATIONS, ...monitorStreamOperations]) {
      const schemas: Array<[string, TSchema | undefined]> = [
        ['params', op.params],
        ['query', op.query],
        ['headers', op.headers],
        ['body', op.body],
        ...Object.entries(op.responses).map(([s, r]): [string, TSchema | undefined] => [s, r.schema]),
      ];
      for (const [where, schema] of schemas)
        if (schema && !contract.has(schema)) outside.push(`${op.operationId} ${where}`);
    }
    expect(outside).toEqual([]);
  });

  it("documents a case's status as the interpreter has it, cancelled included", () => {
    const doc = buildOpenApiDocument('test') as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>
      >;
    };
    const schema = doc.paths['/cases/{caseId}']?.get?.responses['200']?.content['application/json']?.schema as {
      properties: { status: { anyOf: Array<{ const: string }> } };
    };
    expect(schema.properties.status.anyOf.map((s) => s.const)).toEqual([...cases.CASE_STATUSES]);
    expect(cases.CASE_STATUSES).toContain('cancelled');
  });
});
