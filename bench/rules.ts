import { Engine as ReferenceEngine } from 'json-rules-engine';
import { compileRuleSet } from '../rules/compiler/compile-rule-set';
import { toEngineRules } from '../rules/engine-rules';
import { deriveFacts } from '../rules/facts/derive-facts';
import { factCatalogFor } from '../rules/facts/fact-catalogs';
import { Engine } from '../rules/jre';
import { customOperatorNames, operators } from '../rules/operators/operators';
import { createReferenceEngine } from '../rules/reference-engine';
import { loadTemplate } from '../rules/templates/templates';
import { generateApplicants } from './rules-applicants';
import { urgencySchemeByHand } from './rules-hand-written';
import { urgencySchemeJdm } from './rules-zen-decision';

// npm run bench:rules — the complete urgency scheme over 10,000 generated applicants, six ways, in one
// process: the machine is shared and noisy, so only ratios measured side by side mean anything.
// The peers: json-rules-engine itself, our Engine running the same raw json-rules-engine rules, and
// GoRules zen-engine running the same decision as a JDM decision table.

/** The part of @gorules/zen-engine's API this benchmark uses. */
interface ZenModule {
  ZenEngine: new () => {
    createDecision(content: unknown): { evaluate(input: unknown): Promise<{ result: unknown }> };
    dispose(): void;
  };
}

const APPLICANTS = 10_000;
const PEILDATUM = '2026-02-01';
const MIN_MS = 1_500;

type Facts = Record<string, unknown>;
interface Timing {
  label: string;
  perSecond: number;
}

function timeSync(label: string, applicants: Facts[], run: (facts: Facts) => unknown): Timing {
  for (const facts of applicants) run(facts); // warm-up, lets V8 optimise
  let evaluations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (const facts of applicants) run(facts);
    evaluations += applicants.length;
    elapsed = performance.now() - start;
  }
  return { label, perSecond: (evaluations / elapsed) * 1000 };
}

/** One evaluation at a time, each awaited: how a caller of an async API uses it. */
async function timeAsync(
  label: string,
  applicants: Facts[],
  run: (facts: Facts) => Promise<unknown>,
  minMs = MIN_MS,
): Promise<Timing> {
  for (const facts of applicants.slice(0, 1000)) await run(facts);
  let evaluations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || evaluations < applicants.length) {
    for (const facts of applicants) await run(facts);
    evaluations += applicants.length;
    elapsed = performance.now() - start;
  }
  return { label, perSecond: (evaluations / elapsed) * 1000 };
}

/** Many evaluations in flight at once: zen-engine's native binding may work on them in parallel. */
async function timeBatched(
  label: string,
  applicants: Facts[],
  run: (facts: Facts) => Promise<unknown>,
  inFlight = 64,
): Promise<Timing> {
  const batches: Facts[][] = [];
  for (let i = 0; i < applicants.length; i += inFlight) batches.push(applicants.slice(i, i + inFlight));
  let evaluations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS || evaluations < applicants.length) {
    for (const batch of batches) await Promise.all(batch.map(run));
    evaluations += applicants.length;
    elapsed = performance.now() - start;
  }
  return { label, perSecond: (evaluations / elapsed) * 1000 };
}

async function main(): Promise<void> {
  const ruleSet = loadTemplate('urgency-scheme', { tenant: 'GM0363' });
  if (ruleSet.parameters?.gemeentecode) ruleSet.parameters.gemeentecode.value = 'GM0363';
  const applicants = generateApplicants(APPLICANTS);
  const reference = createReferenceEngine(ruleSet, { peildatum: PEILDATUM });
  const compiled = compileRuleSet(ruleSet);

  // The raw path: json-rules-engine's own rules, options and custom operators, unchanged, in our Engine.
  const catalog = factCatalogFor(ruleSet.kind);
  const raw = toEngineRules(ruleSet);
  const engine = new Engine(raw.rules, { allowUndefinedFacts: true });
  for (const [name, c] of Object.entries(raw.conditions)) engine.setCondition(name, c);
  for (const name of customOperatorNames)
    engine.addOperator(name, (a, b) => operators[name].evaluate(a, b, { peildatum: PEILDATUM }));
  const runRaw = async (facts: Facts) => (await engine.run(facts)).events;

  // Not a dependency (see scripts/ensure-zen-engine.js, run by prebench:rules): loaded by name, typed here;
  // the specifier is cast to string so that tsc does not try to resolve the module.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const { ZenEngine } = (await import('@gorules/zen-engine' as string)) as ZenModule;
  const zen = new ZenEngine();
  const decision = zen.createDecision(urgencySchemeJdm());
  const runZen = async (facts: Facts) => (await decision.evaluate(facts)).result as unknown[];

  // The raw rules name derived facts (age); the three engines that take raw facts get them derived
  // beforehand, so their timings are the engines alone. The compiled path derives its own (its API).
  const derived = applicants.map((facts) => deriveFacts(catalog, facts, PEILDATUM));
  const jreRaw = new ReferenceEngine(structuredClone(raw.rules), { allowUndefinedFacts: true });
  for (const [name, c] of Object.entries(structuredClone(raw.conditions))) jreRaw.setCondition(name, c);
  for (const name of customOperatorNames)
    jreRaw.addOperator(name, (a: unknown, b: unknown) => operators[name].evaluate(a, b, { peildatum: PEILDATUM }));

  // Same answers first: a fast wrong answer is worth nothing.
  const sorted = (_key: string, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v;
  const canonical = (events: unknown[]) =>
    events
      .map((e) => JSON.stringify(e, sorted))
      .sort()
      .join('|');
  let fired = 0;
  const checkStart = performance.now();
  for (const [i, facts] of applicants.entries()) {
    const input = derived[i] as Facts;
    const expected = canonical((await reference.run(facts)).events);
    if (expected !== canonical((await jreRaw.run(input)).events))
      throw new Error(`bench: json-rules-engine on raw rules differs for ${JSON.stringify(facts)}`);
    const actual = compiled.evaluate(facts, { peildatum: PEILDATUM }).events;
    fired += actual.length;
    if (expected !== canonical(actual))
      throw new Error(`bench: compiled differs from json-rules-engine for ${JSON.stringify(facts)}`);
    if (JSON.stringify(urgencySchemeByHand(facts, PEILDATUM)) !== JSON.stringify(actual))
      throw new Error(`bench: hand-written differs for ${JSON.stringify(facts)}`);
    if (expected !== canonical(await runRaw(input)))
      throw new Error(`bench: Engine on raw rules differs from json-rules-engine for ${JSON.stringify(facts)}`);
    if (expected !== canonical(await runZen(input)))
      throw new Error(`bench: zen-engine differs from json-rules-engine for ${JSON.stringify(facts)}`);
  }
  const checkMs = performance.now() - checkStart;

  const jre = await timeAsync(
    'json-rules-engine 7 (raw rules)',
    derived,
    (f) => jreRaw.run(f),
    Math.max(MIN_MS, checkMs / 4),
  );
  const results = [
    jre,
    timeSync('compiled (product format)', applicants, (f) => compiled.evaluate(f, { peildatum: PEILDATUM })),
    timeSync('compiled + explanation', applicants, (f) =>
      compiled.evaluate(f, { peildatum: PEILDATUM, explain: true }),
    ),
    await timeAsync('Engine (raw json-rules-engine rules)', derived, runRaw),
    await timeAsync('Engine, rule results read too', derived, async (f) => (await engine.run(f)).results),
    await timeAsync('GoRules zen-engine (JDM decision table)', derived, runZen),
    await timeBatched('GoRules zen-engine, 64 in flight', derived, runZen),
    timeSync('hand-written function', applicants, (f) => urgencySchemeByHand(f, PEILDATUM)),
  ];
  zen.dispose();

  console.log(
    `Urgency scheme (${ruleSet.rules.length} rules, ${Object.keys(ruleSet.namedConditions ?? {}).length} named conditions), ${APPLICANTS} applicants, ${fired} events; all paths agree.`,
  );
  console.log(`Node ${process.version}, ${process.arch}\n`);
  console.log('| path | evaluations/s | × json-rules-engine |');
  console.log('|---|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.label} | ${Math.round(r.perSecond).toLocaleString('en-US')} | ${(r.perSecond / jre.perSecond).toFixed(1)} |`,
    );
  const [, fast, explained, rawEngine, , zenOne, zenMany] = results as [
    Timing,
    Timing,
    Timing,
    Timing,
    Timing,
    Timing,
    Timing,
  ];
  const zenEngine = zenOne.perSecond > zenMany.perSecond ? zenOne : zenMany;
  const targets: Array<[string, boolean]> = [
    ['compiled ≥ 100× json-rules-engine', fast.perSecond >= 100 * jre.perSecond],
    ['compiled ≥ 500,000/s', fast.perSecond >= 500_000],
    ['compiled with explanation ≥ 20×', explained.perSecond >= 20 * jre.perSecond],
    ['Engine on raw rules ≥ 100×', rawEngine.perSecond >= 100 * jre.perSecond],
    [
      'compiled and Engine ahead of zen-engine',
      fast.perSecond > zenEngine.perSecond && rawEngine.perSecond > zenEngine.perSecond,
    ],
  ];
  console.log('');
  for (const [target, met] of targets) console.log(`${met ? 'met' : 'NOT met'}: ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
