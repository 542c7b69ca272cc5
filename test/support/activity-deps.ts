import { ApplicationFailure } from '@temporalio/common';
import { builtInDefinitionSource } from '../../services/cases/definition-source';
import { InMemoryQuotaLedger } from '../../services/quota/quota-ledger';
import { templateRuleSetSource } from '../../services/rule-sets/rule-set-source';
import type { PublishResult } from '../../services/webhooks/publisher';
import { createActivityRegistry, type ActivityDeps, type ActivityRegistry } from '../../worker/activity-registry';
import type { BesluitRequest, CaseEventMessage } from '../../workflows/activity-types';
import { CASE_EVENT_TYPES, type CaseEventType } from '../../workflows/case-event';

export const silentActivityLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A publisher that keeps what it gets; `subscribed` is what the municipality "subscribes" to (default: everything). */
export function recordingPublisher(subscribed: readonly CaseEventType[] = CASE_EVENT_TYPES) {
  const published: CaseEventMessage[] = [];
  return {
    published,
    async publish(event: CaseEventMessage): Promise<PublishResult> {
      if (!published.some((e) => e.id === event.id)) published.push(event);
      return { eventId: event.id, deliveries: [], subscribedTypes: [...subscribed] };
    },
  };
}

/** A besluit issuer that keeps the requests and issues numbered besluiten. */
export function recordingBesluitIssuer() {
  const issued: BesluitRequest[] = [];
  return {
    issued,
    async issue(req: BesluitRequest) {
      issued.push(req);
      return { id: `besluit-${issued.length}`, sha256: 'a'.repeat(64), createdAt: new Date().toISOString() };
    },
  };
}

const notInThisTest = (what: string) => async (): Promise<never> => {
  throw ApplicationFailure.nonRetryable(`${what} is not wired in this test (use storeActivityDeps)`, 'NOT_IN_TEST');
};

/**
 * The worker's activity deps for tests without a store: in-memory ledger, the template rule sets,
 * the built-in definitions, recording publisher and besluit issuer; webhook delivery and digests
 * and the ZGW write-back need the store (storeActivityDeps) and refuse here. `over` replaces any of them.
 */
export function testActivityDeps(over: Partial<ActivityDeps> = {}): ActivityDeps {
  return {
    log: silentActivityLog,
    deliver: async () => undefined,
    ruleSets: templateRuleSetSource,
    definitions: builtInDefinitionSource,
    quota: new InMemoryQuotaLedger(),
    besluiten: recordingBesluitIssuer(),
    events: recordingPublisher(),
    deliverer: { attempt: notInThisTest('webhook delivery'), fail: notInThisTest('webhook delivery') },
    digests: { send: notInThisTest('the deadline digest') },
    zgw: {
      ensureZaak: notInThisTest('the ZGW write-back'),
      setStatus: notInThisTest('the ZGW write-back'),
      registerBesluit: notInThisTest('the ZGW write-back'),
      closeZaak: notInThisTest('the ZGW write-back'),
    },
    notificaties: {
      zgwClientFor: notInThisTest('reading the zaak of a notification'),
      cases: () => ({ start: notInThisTest('a notification'), sendEvent: notInThisTest('a notification') }),
      caseIdOf: () => 'not-in-this-test',
      recordOutcome: notInThisTest('the notification log'),
    },
    ...over,
  };
}

/** The production registry with test deps. */
export function testActivities(over: Partial<ActivityDeps> = {}): ActivityRegistry {
  return createActivityRegistry(testActivityDeps(over));
}
