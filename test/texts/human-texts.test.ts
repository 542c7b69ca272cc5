import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { renderExplanation, type Explanation, type RuleSet } from '../../rules';
import { buildDigest, deadlinesInWindow } from '../../services/alerts/digest';
import { digestText } from '../../services/alerts/digest-email';
import { composeBesluit } from '../../services/besluiten/compose-besluit';
import { renderBesluit } from '../../services/besluiten/render-besluit';
import type { RuleSetSource } from '../../services/rule-sets/rule-set-source';
import type { BesluitRequest } from '../../workflows/activity-types';
import type { CaseState } from '../../workflows/case-state';
import { builtInDefinitions } from '../../workflows/definitions';
import type { processInterpreter } from '../../workflows/interpreter';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import { dateOf, housingCaseInput, uniqueId } from '../support/factories';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForState,
  waitForStep,
} from '../support/temporal';
import { amsterdamProfile } from '../services/besluiten/besluit-fixtures';
import { pdfText } from '../services/besluiten/pdf-text';
import { finishedTemplate } from '../rules/support/finished-template';

/**
 * One check for every text a person reads, applied to what a real case produces — the
 * explanations of its decision records, the besluit rendered from the confirmed record, the
 * deadline digest of its deadlines — not to hand-made fixtures: no `{{` placeholders, no English
 * outcome words, no raw step, variable, parameter or condition ids, no ISO dates, no 1970.
 */
function problems(text: string, ids: readonly string[]): string[] {
  const found: string[] = [];
  if (/\{\{|\}\}/.test(text)) found.push('placeholder');
  if (/1970/.test(text)) found.push('1970');
  if (/\b\d{4}-\d{2}-\d{2}\b/.test(text)) found.push('ISO date');
  const english = /\b(priority|no-priority|not-eligible|eligible|Outcome|undefined|null|true|false)\b/.exec(text);
  if (english) found.push(`English/raw word "${english[1]}"`);
  for (const id of ids) if (text.includes(id)) found.push(`raw id "${id}"`);
  return found;
}

describe('every text a person reads, from a real case: explanation, besluit, digest', () => {
  let env: TestWorkflowEnvironment;
  const issued: BesluitRequest[] = [];
  const ruleSet: RuleSet = {
    ...finishedTemplate('status-holder-priority', 'GM0363'),
    id: 'housing-priority',
    status: 'published',
    effectiveFrom: '2000-01-01',
  };
  const ruleSets: RuleSetSource = {
    published: async (tenant, kind) => (tenant === 'GM0363' && kind === 'housing-priority' ? [ruleSet] : []),
  };
  const definition = builtInDefinitions.get('huisvesting-statushouder');
  const ids = [
    ...(definition?.nodes.map((n) => n.id) ?? []),
    ...Object.keys(ruleSet.parameters ?? {}),
    ...Object.keys(ruleSet.namedConditions ?? {}),
    ...ruleSet.rules.map((r) => r.name),
    'permitType',
    'linkedMunicipality',
    'hasIndependentHome',
    'dateOfBirth',
    'refusedSuitableOffer',
    'housing-priority',
    'koppeling',
    'caseStarted',
  ].filter((id) => /[A-Z-]/.test(id));
  let state: CaseState;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    const taskQueue = uniqueId('texts');
    const rec = await createRecordingWorker(
      env,
      taskQueue,
      {},
      {
        ruleSets,
        besluiten: {
          issue: async (req) => (
            issued.push(req),
            { id: `b-${issued.length}`, sha256: '0'.repeat(64), createdAt: new Date().toISOString() }
          ),
        },
      },
    );
    await rec.worker.runUntil(async () => {
      const input = housingCaseInput(dateOf(await env.currentTimeMs()), {});
      input.data = { ...input.data, statushouder: {} };
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-texts'),
        args: [input],
      });
      await waitForState(handle, (s) => s.pendingDecision?.phase === 'facts');
      await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'gegevens-aanvullen', payload: { facts: { dateOfBirth: '1990-05-01' } } }],
      });
      await confirmProposal(handle, 'voorrangsbesluit', {
        branch: null,
        reason: 'De aanvrager heeft al een zelfstandige woning in de regio.',
      });
      await waitForStep(handle, 'geen-voorrang').catch(() => undefined);
      state = await handle.query(caseStateQuery);
      await handle.terminate('texts collected');
    });
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('the case produced the records the texts come from', () => {
    expect(state.decisions.map((d) => d.status)).toEqual(['incomplete', 'confirmed']);
    expect(issued).toHaveLength(1);
  });

  it('explanations of every decision record, in Dutch', () => {
    for (const record of state.decisions) {
      if (!record.explanation) continue;
      const text = renderExplanation(record.explanation as Explanation, 'nl');
      expect({ text, problems: problems(text, ids) }).toEqual({ text, problems: [] });
    }
  });

  it('the besluit rendered from the confirmed record', async () => {
    const record = issued[0]?.decision;
    if (!record) throw new Error('no besluit was issued');
    const content = composeBesluit({
      decision: record,
      caseRef: state.caseRef,
      profile: amsterdamProfile(),
      ruleSet,
      dagtekening: '2026-11-30',
    });
    const text = pdfText(await renderBesluit(content));
    expect(text).toContain('30 november 2026');
    expect(text).toContain('zelfstandige woning in de regio');
    expect({ problems: problems(text, ids) }).toEqual({ problems: [] });
  });

  it('the deadline digest of the case', () => {
    const from = new Date(Date.parse(state.dates.caseStarted ?? '') - 86_400_000);
    const to = new Date(from.getTime() + 120 * 86_400_000);
    const entries = deadlinesInWindow(state.deadlines, from, to).map((d) => ({
      caseId: state.caseId,
      processId: state.processId,
      step: state.currentStep ?? '',
      deadline: { id: d.id, kind: d.kind, label: d.label, at: d.at },
    }));
    expect(entries.length).toBeGreaterThan(0);
    const labels = {
      process: (id: string) => builtInDefinitions.get(id)?.title.nl,
      step: (id: string, step: string) => builtInDefinitions.get(id)?.nodes.find((n) => n.id === step)?.label.nl,
    };
    const text = digestText(
      buildDigest({ id: 'digest-1', tenant: 'GM0363', generatedAt: from, from, to, daysAhead: 120, entries, labels }),
    );
    // The case id is the digest's reference (pseudonymous by design); everything else is words.
    expect({ problems: problems(text.replaceAll(state.caseId, 'ZAAK'), ids) }).toEqual({ problems: [] });
  });
});
