import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { dutchDay, loadTemplate, type RuleSet } from '../../../rules';
import type { RuleSetSource } from '../../../services/rule-sets/rule-set-source';
import type { processInterpreter } from '../../../workflows/interpreter';
import { INTERPRETER_WORKFLOW } from '../../../workflows/messages';
import { createRecordingWorker, createTimeSkippingEnv, waitForState } from '../../support/temporal';
import { dateOf, uniqueId } from '../../support/factories';
import { transitionCaseInput } from '../../support/transition-factory';

const HOUR = 3_600_000;

/**
 * The municipality's urgency scheme in two versions: the VNG model in force since 2000, and a
 * second one in force from `from` (a Dutch calendar day, as the store hands published versions on).
 */
function twoVersions(tenant: string, from: string): RuleSetSource {
  const version = (v: number, effectiveFrom: string): RuleSet => {
    const ruleSet: RuleSet = {
      ...loadTemplate('urgency-scheme', { tenant, id: `urgentie-${tenant.toLowerCase()}`, effectiveFrom }),
      version: v,
      status: 'published',
    };
    const code = ruleSet.parameters?.gemeentecode;
    if (code) code.value = tenant;
    return ruleSet;
  };
  const versions = [version(1, '2000-01-01'), version(2, from)];
  return { published: async (t, kind) => (t === tenant && kind === 'urgency-scheme' ? versions : []) };
}

/**
 * Start patch 6: a case reads the calendar day of an instant as the day in the Netherlands. The
 * transition case's decision takes its peildatum from the case's start (an instant): started at
 * 23:30 UTC in winter it started on the next day in the Netherlands, and the rule set version in
 * force from that day decides — before the patch the UTC day gave the version before it (or, with
 * no version before it, no version at all: the decision waited, as the e2e test found at 23:34 UTC).
 */
describe('Dutch calendar days in a case (start patch 6, time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('a case started at 23:30 UTC takes the next day, the Dutch one, as its peildatum and the rule set in force from it', async () => {
    // Move the server's clock to the next 23:30 UTC: 00:30 or 01:30 the next day in the Netherlands.
    const now = await env.currentTimeMs();
    const d = new Date(now);
    let target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 30);
    if (target <= now) target += 24 * HOUR;
    await env.sleep(target - now);
    const startedAt = await env.currentTimeMs();
    const utcDay = dateOf(startedAt);
    const nlDay = dutchDay(new Date(startedAt)) as string;
    expect(nlDay > utcDay).toBe(true);

    const taskQueue = uniqueId('dutch-days');
    const rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: twoVersions('GM0363', nlDay) });
    await rec.worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-overgang-nacht'),
        args: [transitionCaseInput(utcDay, { data: { medicalUrgency: true } })],
      });
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.dates.caseStarted?.slice(0, 10)).toBe(utcDay);
      expect(proposed.decisions[0]).toMatchObject({ nodeId: 'woonvoorrang', peildatum: nlDay, ruleSetVersion: 2 });
    });
  });
});
