import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { templateRuleSetSource } from '../services/rule-sets/rule-set-source';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { CaseInput, EventContext } from '../workflows/case-state';
import type { processInterpreter } from '../workflows/interpreter';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../workflows/messages';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForState,
  waitForStep,
} from '../test/support/temporal';
import {
  dateOf,
  harCaseInput,
  harDefinition,
  hotelCaseInput,
  hotelDefinitionV1,
  housingCaseInput,
  inburgeringCaseInput,
  pipRuleSets,
  urgencyApplicationInput,
} from '../test/support/factories';
import { transitionCaseInput } from '../test/support/transition-factory';

/**
 * Records the replay fixtures in test/fixtures/histories. Run it only to ADD a fixture for new
 * behaviour; it never overwrites an existing file — an existing fixture exists to prove old
 * cases keep replaying after a code change (use patched() instead of re-recording).
 */
type Handle = WorkflowHandle<typeof processInterpreter>;
interface Scenario {
  file: string;
  input: (env: TestWorkflowEnvironment) => CaseInput | Promise<CaseInput>;
  drive: (env: TestWorkflowEnvironment, handle: Handle) => Promise<Handle | void>;
}

const today = async (env: TestWorkflowEnvironment) => dateOf(await env.currentTimeMs());
const send = (handle: Handle, name: string, payload: Record<string, unknown> = {}, context?: EventContext) =>
  handle.executeUpdate(sendEventUpdate, { args: context ? [{ name, payload }, context] : [{ name, payload }] });

const hotelV1 = (scenario: 'gehuisvest' | 'har-overdracht'): Scenario => ({
  file: `nareiziger-hotelverblijf-v1-${scenario}`,
  input: () => hotelCaseInput({ caseRef: `ZAAK-FIXTURE-${scenario}`, definition: hotelDefinitionV1() }),
  async drive(env, handle) {
    await send(handle, 'hotel-geplaatst', { placementDate: await today(env), hotelMunicipality: 'GM0363' });
    if (scenario === 'gehuisvest') {
      await env.sleep('100 days');
      await send(handle, 'woning-gevonden', { tenancyStartDate: await today(env) });
    }
  },
});

/**
 * A version-4 housing case (maxRent 800) along the v3 path; `subscriptions`: it starts knowing there
 * are none; `told`: each event comes with the server's EventContext (none subscribed, as of now).
 */
const housingV4 = (file: string, caseRef: string, subscriptions = false, told = false): Scenario => ({
  file,
  input: async (env) => {
    const input = housingCaseInput(await today(env), {
      caseRef,
      ...(subscriptions ? { caseEvents: { types: [], asOf: new Date(await env.currentTimeMs()).toISOString() } } : {}),
    });
    (input.definition.parameters as { passendToewijzen: { maxRent: number | null } }).passendToewijzen.maxRent = 800;
    return input;
  },
  async drive(env, handle) {
    await confirmProposal(handle, 'voorrangsbesluit');
    await waitForStep(handle, 'wacht-op-aanbod');
    const context = async () =>
      told ? { caseEvents: { types: [], asOf: new Date(await env.currentTimeMs()).toISOString() } } : undefined;
    await send(handle, 'woning-aangeboden', { offerId: 'A-1', rooms: 3, rent: 700 }, await context());
    await send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today(env) }, await context());
    await env.sleep('1 week');
    await send(handle, 'verhuisd', { moveDate: await today(env) }, await context());
  },
});

const scenarios: Scenario[] = [
  hotelV1('gehuisvest'),
  hotelV1('har-overdracht'),
  {
    file: 'huisvesting-statushouder-v1-gehuisvest',
    input: async (env) => housingCaseInput(await today(env), { caseRef: 'ZAAK-FIXTURE-huisvesting' }),
    async drive(env, handle) {
      await waitForStep(handle, 'wacht-op-aanbod');
      await send(handle, 'woning-aangeboden', { offerId: 'A-1' });
      await send(handle, 'passend-aanbod-geweigerd', {});
      await send(handle, 'woning-aangeboden', { offerId: 'A-2' });
      await send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today(env) });
      await env.sleep('11 weeks'); // 10-week norm met, 12-week norm and move window missed
      await send(handle, 'verhuisd', { moveDate: await today(env) });
    },
  },
  {
    // Decisions as proposals: the date of birth is missing (onvolledig), supplied; the case handler
    // deviates with a reason; ending the priority after a refused offer is confirmed as proposed.
    file: 'huisvesting-statushouder-v2-bevestigd',
    input: async (env) => {
      const input = housingCaseInput(await today(env), { caseRef: 'ZAAK-FIXTURE-bevestigd' });
      return { ...input, data: { ...input.data, statushouder: {} } };
    },
    async drive(env, handle) {
      await waitForState(handle, (s) => s.pendingDecision?.phase === 'facts');
      await send(handle, 'gegevens-aanvullen', { facts: { dateOfBirth: '1990-05-01' } });
      await confirmProposal(handle, 'voorrangsbesluit', {
        branch: 'priority',
        reason: 'Voorstel gevolgd na aanvullen geboortedatum.',
      });
      await waitForStep(handle, 'wacht-op-aanbod');
      await send(handle, 'woning-aangeboden', { offerId: 'A-1' });
      await send(handle, 'passend-aanbod-geweigerd', {});
      await confirmProposal(handle, 'voorrang-na-weigering');
      await send(handle, 'woning-aangeboden', { offerId: 'A-2' });
      await send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today(env) });
      await send(handle, 'verhuisd', { moveDate: await today(env) });
    },
  },
  {
    file: 'huisvesting-statushouder-v1-terugval-har',
    input: async (env) => housingCaseInput(await today(env), { caseRef: 'ZAAK-FIXTURE-terugval' }),
    async drive(env, handle) {
      await waitForStep(handle, 'wacht-op-aanbod');
      await send(handle, 'tijdelijke-huisvesting', {});
      await waitForState(handle, (s) => s.children.length > 0);
      const child = env.client.workflow.getHandle<typeof processInterpreter>(`${handle.workflowId}-terugval-har-1`);
      await waitForStep(child, 'wacht-op-plaatsing');
      await send(child, 'plaatsing-bevestigd', { scheme: 'HAR', placementDate: await today(env) });
      await env.sleep('200 days'); // the HAR limit passes while the parent's norms are missed
      await send(child, 'woning-gevonden', { tenancyStartDate: await today(env) });
      return child;
    },
  },
  {
    file: 'har-overdracht-v1-termijn-verstreken',
    input: () => harCaseInput({ caseRef: 'ZAAK-FIXTURE-har' }),
    async drive(env, handle) {
      await env.sleep('8 days');
      await send(handle, 'plaatsing-bevestigd', { scheme: 'HAR+', placementDate: await today(env) });
      await env.sleep('190 days');
      await send(handle, 'woning-gevonden', { tenancyStartDate: await today(env) });
    },
  },
  {
    file: 'nareiziger-hotelverblijf-v2-har-overdracht',
    input: () => hotelCaseInput({ caseRef: 'ZAAK-FIXTURE-hotel-v2' }),
    async drive(env, handle) {
      await send(handle, 'hotel-geplaatst', { placementDate: await today(env), hotelMunicipality: 'GM0363' });
      await env.sleep('190 days');
      await waitForState(handle, (s) => s.children.length > 0);
      const child = env.client.workflow.getHandle<typeof processInterpreter>(`${handle.workflowId}-overdracht-har-1`);
      await waitForStep(child, 'wacht-op-plaatsing');
      await send(child, 'woning-gevonden', { tenancyStartDate: await today(env) });
      return child;
    },
  },
  {
    // An urgency application: the proposal confirmed, the besluit sent, an objection within the term.
    file: 'urgentie-aanvraag-v1-bezwaar',
    input: async (env) => urgencyApplicationInput(await today(env), { caseRef: 'ZAAK-FIXTURE-urgentie' }),
    async drive(env, handle) {
      await confirmProposal(handle, 'urgentiebesluit');
      await waitForStep(handle, 'afwijzing-verzenden');
      await send(handle, 'besluit-verzonden', { sentOn: await today(env) });
      await env.sleep('3 weeks');
      await send(handle, 'bezwaar-ingediend', { receivedOn: await today(env) });
    },
  },
  {
    // Version 3: the nareiziger moves in with the referent during the hotel stay (no tenancy date).
    file: 'nareiziger-hotelverblijf-v3-inwoning',
    input: () => hotelCaseInput({ caseRef: 'ZAAK-FIXTURE-hotel-v3' }),
    async drive(env, handle) {
      await send(handle, 'hotel-geplaatst', { placementDate: await today(env), hotelMunicipality: 'GM0363' });
      await env.sleep('100 days');
      await send(handle, 'intrek-bij-referent', { moveInDate: await today(env) });
    },
  },
  {
    // Version 2: the scheme's amount per person recorded with the placement, then housed.
    file: 'har-overdracht-v2-bedrag',
    input: () => {
      const definition = harDefinition();
      (definition.parameters as { schemes: Record<string, Record<string, unknown>> }).schemes.HAR!.amountPerPerson =
        12_500;
      return harCaseInput({ caseRef: 'ZAAK-FIXTURE-har-v2', definition });
    },
    async drive(env, handle) {
      await send(handle, 'plaatsing-bevestigd', { scheme: 'HAR', placementDate: await today(env) });
      await env.sleep('60 days');
      await send(handle, 'woning-gevonden', { tenancyStartDate: await today(env) });
    },
  },
  {
    // Version 2: re-linked to another municipality after an offer; ends with that reason, not counted.
    file: 'huisvesting-statushouder-v2-herkoppeld',
    input: async (env) => housingCaseInput(await today(env), { caseRef: 'ZAAK-FIXTURE-herkoppeld' }),
    async drive(env, handle) {
      await confirmProposal(handle, 'voorrangsbesluit');
      await waitForStep(handle, 'wacht-op-aanbod');
      await send(handle, 'woning-aangeboden', { offerId: 'A-1' });
      await env.sleep('3 weeks');
      await send(handle, 'herkoppeld', { newMunicipality: 'GM0599' });
    },
  },
  {
    // Version 2 (sources on its norms): a refusal sent, the objection term passes without objection.
    file: 'urgentie-aanvraag-v2-afgewezen',
    input: async (env) => urgencyApplicationInput(await today(env), { caseRef: 'ZAAK-FIXTURE-urgentie-v2' }),
    async drive(env, handle) {
      await confirmProposal(handle, 'urgentiebesluit');
      await waitForStep(handle, 'afwijzing-verzenden');
      await send(handle, 'besluit-verzonden', { sentOn: await today(env) });
      await env.sleep('7 weeks');
    },
  },
  {
    // A household of displaced persons from Ukraine: housing priority decided by a person, the five
    // domains side by side (registration after its term, so one case deadline is missed), all done.
    file: 'overgang-oekraine-v1-afgerond',
    input: async (env) => transitionCaseInput(await today(env), { caseRef: 'ZAAK-FIXTURE-overgang' }),
    async drive(env, handle) {
      await confirmProposal(handle, 'woonvoorrang');
      await waitForStep(handle, 'domeinen');
      await send(handle, 'zorg-geregeld', { route: 'psychosociale-zorg', date: await today(env) });
      await send(handle, 'huisvesting-geregeld', { route: 'blijven', date: await today(env) });
      await env.sleep('5 weeks');
      await send(handle, 'inschrijving-geregeld', { date: await today(env) });
      await send(handle, 'participatie-geregeld', { vorm: 'school', date: await today(env) });
      await send(handle, 'uitkering-aangevraagd', { regeling: 'participatiewet', date: await today(env) });
    },
  },
  {
    // Version 3: decided by the municipality's urgency scheme (kind urgency-scheme), not the
    // status-holder rule: medical urgency granted, the besluit sent, housed within the search period.
    file: 'urgentie-aanvraag-v3-urgentieregeling',
    input: async (env) => urgencyApplicationInput(await today(env), { caseRef: 'ZAAK-FIXTURE-urgentie-v3' }),
    async drive(env, handle) {
      await confirmProposal(handle, 'urgentiebesluit');
      await waitForStep(handle, 'toekenning-verzenden');
      await send(handle, 'besluit-verzonden', { sentOn: await today(env) });
      await waitForStep(handle, 'zoekperiode');
      await env.sleep('8 weeks');
      await send(handle, 'woning-geaccepteerd', { tenancyStartDate: await today(env) });
    },
  },
  {
    // Version 2: housing priority from the urgency scheme (medical urgency), confirmed; all domains done.
    file: 'overgang-oekraine-v2-urgentieregeling',
    input: async (env) =>
      transitionCaseInput(await today(env), { caseRef: 'ZAAK-FIXTURE-overgang-v2', data: { medicalUrgency: true } }),
    async drive(env, handle) {
      await confirmProposal(handle, 'woonvoorrang');
      await waitForStep(handle, 'domeinen');
      await send(handle, 'zorg-geregeld', { route: 'psychosociale-zorg', date: await today(env) });
      await send(handle, 'huisvesting-geregeld', { route: 'regulier', date: await today(env) });
      await send(handle, 'inschrijving-geregeld', { date: await today(env) });
      await send(handle, 'participatie-geregeld', { vorm: 'werk', date: await today(env) });
      await send(handle, 'uitkering-aangevraagd', { regeling: 'participatiewet', date: await today(env) });
    },
  },
  {
    // Start patch 6: the same transition case started at 23:30 UTC, the next day in the Netherlands — its
    // decision's peildatum is the Dutch day; confirmed; all domains done.
    file: 'overgang-oekraine-v2-patches-at-start-6',
    input: async (env) => {
      const now = await env.currentTimeMs();
      const d = new Date(now);
      let at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 30);
      if (at <= now) at += 86_400_000;
      await env.sleep(at - now);
      return transitionCaseInput(await today(env), {
        caseRef: 'ZAAK-FIXTURE-overgang-v2-nacht',
        data: { medicalUrgency: true },
      });
    },
    async drive(env, handle) {
      await confirmProposal(handle, 'woonvoorrang');
      await waitForStep(handle, 'domeinen');
      await send(handle, 'zorg-geregeld', { route: 'psychosociale-zorg', date: await today(env) });
      await send(handle, 'huisvesting-geregeld', { route: 'regulier', date: await today(env) });
      await send(handle, 'inschrijving-geregeld', { date: await today(env) });
      await send(handle, 'participatie-geregeld', { vorm: 'werk', date: await today(env) });
      await send(handle, 'uitkering-aangevraagd', { regeling: 'participatiewet', date: await today(env) });
    },
  },
  {
    // Version 3: an offer with too few rooms is held by the fit check; a case handler overrides with a reason.
    file: 'huisvesting-statushouder-v3-aanbodtoets',
    input: async (env) => {
      const input = housingCaseInput(await today(env), { caseRef: 'ZAAK-FIXTURE-aanbodtoets' });
      (input.definition.parameters as { passendToewijzen: { maxRent: number | null } }).passendToewijzen.maxRent = 800;
      return input;
    },
    async drive(env, handle) {
      await confirmProposal(handle, 'voorrangsbesluit');
      await waitForStep(handle, 'wacht-op-aanbod');
      await send(handle, 'woning-aangeboden', { offerId: 'A-1', rooms: 2, rent: 700 });
      await send(handle, 'passendheid-afwijking', { reason: 'Gezin kiest zelf voor deze woning; tijdelijk krap.' });
      await send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today(env) });
      await env.sleep('1 week');
      await send(handle, 'verhuisd', { moveDate: await today(env) });
    },
  },
  // Version 4: at the koppeling the housing case starts its linked inburgering case (not waited for),
  // then the v3 path: priority confirmed, a fitting offer accepted, moved.
  housingV4('huisvesting-statushouder-v4-inburgering-gestart', 'ZAAK-FIXTURE-v4-inburgering'),
  // The same case after the engine asks its patches in the first workflow task (doorstroom-patches-at-start).
  housingV4('huisvesting-statushouder-v4-patches-at-start', 'ZAAK-FIXTURE-v4-patches'),
  // The same case after start patch 3 (issue 13): its look-ups as local activities, one patch marker
  // at the start, the linked case started knowing the municipality's subscriptions (none, as of the start).
  housingV4('huisvesting-statushouder-v4-patches-at-start-3', 'ZAAK-FIXTURE-v4-patches-3', true),
  // The same case after start patch 4 (issue 13): its case-deadline timer kept while the earliest deadline stays.
  housingV4('huisvesting-statushouder-v4-patches-at-start-4', 'ZAAK-FIXTURE-v4-patches-4', true),
  // The same case after start patch 5 (issue 13): each event tells the case the municipality's subscriptions (none),
  // so the step after the week's wait publishes nothing and asks nothing (before it: a publishCaseEvent local activity).
  housingV4('huisvesting-statushouder-v4-patches-at-start-5', 'ZAAK-FIXTURE-v4-patches-5', true, true),
  {
    // Civic integration: the PIP's route confirmed and sent, assistance started, the term extended, the obligation met.
    file: 'inburgering-v1-voldaan',
    input: async (env) => inburgeringCaseInput(await today(env), { caseRef: 'ZAAK-FIXTURE-inburgering' }),
    async drive(env, handle) {
      await env.sleep('3 weeks');
      await send(handle, 'brede-intake-afgerond', { completedOn: await today(env), advisedRoute: 'b1' });
      await confirmProposal(handle, 'pip-besluit');
      await waitForStep(handle, 'pip-verzenden');
      await send(handle, 'pip-vastgesteld', { issuedOn: await today(env) });
      await send(handle, 'bijstand-gestart', { startDate: await today(env) });
      await env.sleep('200 days'); // ontzorgen not ended: its deadline is missed
      await send(handle, 'termijn-verlengd', {
        extendedUntil: dateOf((await env.currentTimeMs()) + 1200 * 86_400_000),
        reason: 'Ziekte tijdens de leerroute, aantoonbaar.',
      });
      await env.sleep('1000 days');
      await send(handle, 'inburgering-voldaan', { completedOn: await today(env) });
    },
  },
];

async function main(): Promise<void> {
  const env = await createTimeSkippingEnv();
  // The PIP's rule set beside the default source (housing priority, which the older fixtures used, and the urgency scheme).
  const pip = pipRuleSets('GM0363');
  const { worker } = await createRecordingWorker(
    env,
    'record',
    {},
    {
      ruleSets: {
        published: (tenant, kind) =>
          kind === 'inburgering-pip' ? pip.published(tenant, kind) : templateRuleSetSource.published(tenant, kind),
      },
    },
  );
  const out = path.join(__dirname, '..', 'test', 'fixtures', 'histories');
  await worker.runUntil(async () => {
    for (const scenario of scenarios) {
      const file = path.join(out, `${scenario.file}.json`);
      if (existsSync(file)) {
        console.log(`kept ${file}`);
        continue;
      }
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue: 'record',
        workflowId: `GM0363-fixture-${scenario.file}`,
        args: [await scenario.input(env)],
      });
      const child = await scenario.drive(env, handle);
      await handle.result();
      writeFileSync(file, historyToJSON(await handle.fetchHistory()));
      console.log(`recorded ${file}`);
      if (child) {
        const childFile = path.join(out, `${scenario.file}-child.json`);
        writeFileSync(childFile, historyToJSON(await child.fetchHistory()));
        console.log(`recorded ${childFile}`);
      }
    }
  });
  await env.teardown();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
