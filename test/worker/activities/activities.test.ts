import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { EventPublishError } from '../../../services/webhooks/publisher';
import { InMemoryQuotaLedger } from '../../../services/quota/quota-ledger';
import { templateRuleSetSource } from '../../../services/rule-sets/rule-set-source';
import type { ActivityRegistry } from '../../../worker/activity-registry';
import type { DecisionOutcome } from '../../../workflows/activity-types';
import { builtInDefinitions } from '../../../workflows/definitions';
import { recordingBesluitIssuer, recordingPublisher, testActivities } from '../../support/activity-deps';
import { twoMunicipalityRuleSets } from '../../support/factories';

const placement = {
  tenant: 'GM0363',
  caseId: 'GM0363-huisvesting-statushouder-abc',
  nodeId: 'tel-verhuizing',
  municipality: 'GM0363',
  placedOn: '2026-03-10',
  halfYear: '2026-H1',
};
const facts = {
  permitType: 'asiel',
  linkedMunicipality: 'GM0363',
  hasIndependentHome: false,
  dateOfBirth: '1990-05-01',
};

describe('activities', () => {
  it('recordPlacement is idempotent: the same case and step called twice counts once', async () => {
    const quota = new InMemoryQuotaLedger();
    const acts = testActivities({ quota });
    const env = new MockActivityEnvironment({ attempt: 2 });
    expect(await env.run(acts.recordPlacement, placement)).toEqual({ recorded: true });
    expect(await env.run(acts.recordPlacement, placement)).toEqual({ recorded: false });
    expect(quota.realised('GM0363', '2026-H1')).toBe(1);
    expect(await env.run(acts.recordPlacement, { ...placement, caseId: 'GM0363-other' })).toEqual({ recorded: true });
    expect(quota.realised('GM0363', '2026-H1')).toBe(2);
  });

  it('evaluateDecision: the same facts give priority in one municipality and not in another', async () => {
    const acts = testActivities({ ruleSets: twoMunicipalityRuleSets() });
    const env = new MockActivityEnvironment();
    const a: DecisionOutcome = await env.run(acts.evaluateDecision, {
      tenant: 'GM0363',
      caseId: 'c1',
      nodeId: 'n',
      kind: 'housing-priority',
      peildatum: '2026-03-02',
      facts,
    });
    const b: DecisionOutcome = await env.run(acts.evaluateDecision, {
      tenant: 'GM0599',
      caseId: 'c2',
      nodeId: 'n',
      kind: 'housing-priority',
      peildatum: '2026-03-02',
      facts: { ...facts, linkedMunicipality: 'GM0599' },
    });
    expect(a).toMatchObject({ ruleSetId: 'voorrang-gm0363', ruleSetVersion: 1, events: [{ type: 'priority' }] });
    expect(b).toMatchObject({ ruleSetId: 'voorrang-gm0599', events: [{ type: 'no-priority' }] });
    expect(a.explanation).toMatchObject({
      peildatum: '2026-03-02',
      facts: expect.objectContaining({ permitType: 'asiel', age: 35 }),
    });
  });

  it('evaluateDecision: nothing published is a retryable configuration failure (the case waits in its step)', async () => {
    const acts = testActivities({ ruleSets: twoMunicipalityRuleSets() });
    const err = await new MockActivityEnvironment()
      .run(acts.evaluateDecision, {
        tenant: 'GM0014',
        caseId: 'c',
        nodeId: 'n',
        kind: 'housing-priority',
        peildatum: '2026-03-02',
        facts,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'RULES_NO_EFFECTIVE_VERSION', nonRetryable: false });
  });

  it('the default rule-set source serves the status-holder template for every tenant', async () => {
    const acts = testActivities();
    const out: DecisionOutcome = await new MockActivityEnvironment().run(acts.evaluateDecision, {
      tenant: 'GM0014',
      caseId: 'c',
      nodeId: 'n',
      kind: 'housing-priority',
      peildatum: '2026-03-02',
      facts: { ...facts, linkedMunicipality: 'GM0014' },
    });
    expect(out.events.map((e) => e.type)).toEqual(['priority']);
    expect(await templateRuleSetSource.published('GM0014', 'other-kind')).toEqual([]);
  });

  it('the default rule-set source serves the urgency scheme under its own kind, with the tenant’s code', async () => {
    const [scheme, ...more] = await templateRuleSetSource.published('GM0014', 'urgency-scheme');
    expect(more).toEqual([]);
    expect(scheme).toMatchObject({
      kind: 'urgency-scheme',
      id: 'urgentieregeling',
      tenant: 'GM0014',
      status: 'published',
    });
    expect(scheme?.parameters?.gemeentecode?.value).toBe('GM0014');
    const [statusHolder] = await templateRuleSetSource.published('GM0014', 'housing-priority');
    expect(statusHolder).toMatchObject({ kind: 'housing-priority', id: 'statushouders-voorrang' });
  });

  it('resolveDefinition serves the built-ins and retries on an unknown process', async () => {
    const acts = testActivities();
    const env = new MockActivityEnvironment();
    const def: { version: number } = await env.run(acts.resolveDefinition, {
      tenant: 'GM0363',
      processId: 'har-overdracht',
    });
    expect(def.version).toBe(builtInDefinitions.get('har-overdracht')?.version);
    await expect(env.run(acts.resolveDefinition, { tenant: 'GM0363', processId: 'nope' })).rejects.toMatchObject({
      type: 'PROCESS_NOT_FOUND',
    });
  });

  it('publishCaseEvent hands the event to the one publisher and tells the case what its municipality subscribes to', async () => {
    const events = recordingPublisher(['case.completed']);
    const acts = testActivities({ events });
    const event = {
      id: 'GM0363-x-1:0:3:case.completed',
      type: 'case.completed' as const,
      tenant: 'GM0363',
      caseId: 'GM0363-x-1',
      processId: 'huisvesting-statushouder',
      outcome: 'gehuisvest',
      occurredAt: '2026-03-10T09:00:00.000Z',
    };
    expect(await new MockActivityEnvironment().run(acts.publishCaseEvent, event)).toEqual({
      eventId: event.id,
      deliveries: 0,
      subscribedTypes: ['case.completed'],
    });
    expect(events.published).toEqual([event]);
  });

  it('publishCaseEvent: an event the publisher refuses fails once, not retryable (a retry would hold the case open)', async () => {
    const refusing = {
      async publish(): Promise<never> {
        throw new EventPublishError('INVALID_EVENT', 'case x does not belong to tenant GM0363');
      },
    };
    const acts = testActivities({ events: refusing });
    const event = {
      id: 'x:0:0:case.started',
      type: 'case.started' as const,
      tenant: 'GM0363',
      caseId: 'x',
      processId: 'huisvesting-statushouder',
      occurredAt: '2026-03-10T09:00:00.000Z',
    };
    const failure = await new MockActivityEnvironment().run(acts.publishCaseEvent, event).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'INVALID_EVENT', nonRetryable: true });
    // A store that is down is not the event's fault: that error stays retryable.
    const down = testActivities({ events: { publish: () => Promise.reject(new Error('SQLITE_BUSY')) } });
    await expect(new MockActivityEnvironment().run(down.publishCaseEvent, event)).rejects.toThrow('SQLITE_BUSY');
  });

  it('issueBesluit always goes to the issuer (no issuer, no worker)', async () => {
    const besluiten = recordingBesluitIssuer();
    const acts = testActivities({ besluiten });
    const req = {
      tenant: 'GM0363',
      caseId: 'GM0363-x-1',
      caseRef: 'ref-1',
      processId: 'huisvesting-statushouder',
      decision: { nodeId: 'voorrangsbesluit' } as never,
    };
    expect(await new MockActivityEnvironment().run(acts.issueBesluit, req)).toMatchObject({ id: 'besluit-1' });
    expect(besluiten.issued).toEqual([req]);
  });
});

describe('the activity registry', () => {
  it('holds every activity a workflow calls, each name once', () => {
    expect(Object.keys(testActivities()).sort()).toEqual([
      'applyNotificationMapping',
      'deliverWebhook',
      'evaluateDecision',
      'issueBesluit',
      'markWebhookFailed',
      'notify',
      'publishCaseEvent',
      'readNotificationZaak',
      'recordNotificationOutcome',
      'recordPlacement',
      'resolveDefinition',
      'sendDeadlineDigest',
      'zgwCloseZaak',
      'zgwEnsureZaak',
      'zgwRegisterBesluit',
      'zgwSetStatus',
    ]);
  });

  it('a registry without one of its activities does not compile', () => {
    const { notify, ...rest } = testActivities();
    // @ts-expect-error notify is missing
    const incomplete: ActivityRegistry = rest;
    expect(typeof notify).toBe('function');
    expect(incomplete).not.toHaveProperty('notify');
  });
});
