import { compileRuleSet } from '../rules/compiler/compile-rule-set';
import { createReferenceEngine } from '../rules/reference-engine';
import { loadTemplate } from '../rules/templates/templates';
import { generateApplicants } from './rules-applicants';
import { urgencySchemeByHand } from './rules-hand-written';

// npm run bench:rules — the complete urgency scheme over 10,000 generated applicants, four ways, in
// one process: the machine is shared and noisy, so only ratios measured side by side mean anything.

const APPLICANTS = 10_000;
const PEILDATUM = '2026-02-01';
const MIN_MS = 1_500;

type Facts = Record<string, unknown>;

function timeSync(label: string, applicants: Facts[], run: (facts: Facts) => unknown): { label: string; perSecond: number } {
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

async function main(): Promise<void> {
  const ruleSet = loadTemplate('urgency-scheme', { tenant: 'GM0363' });
  if (ruleSet.parameters?.gemeentecode) ruleSet.parameters.gemeentecode.value = 'GM0363';
  const applicants = generateApplicants(APPLICANTS);
  const reference = createReferenceEngine(ruleSet, { peildatum: PEILDATUM });
  const compiled = compileRuleSet(ruleSet);

  // Same answers first: a fast wrong answer is worth nothing.
  const canonical = (events: unknown[]) => events.map((e) => JSON.stringify(e)).sort().join('|');
  let fired = 0;
  const jreStart = performance.now();
  for (const facts of applicants) {
    const expected = (await reference.run(facts)).events;
    const actual = compiled.evaluate(facts, { peildatum: PEILDATUM }).events;
    fired += actual.length;
    if (canonical(expected) !== canonical(actual)) throw new Error(`bench: compiled differs from json-rules-engine for ${JSON.stringify(facts)}`);
    if (JSON.stringify(urgencySchemeByHand(facts, PEILDATUM)) !== JSON.stringify(actual)) throw new Error(`bench: hand-written differs for ${JSON.stringify(facts)}`);
  }
  const checkMs = performance.now() - jreStart;

  let jreEvaluations = 0;
  const start = performance.now();
  while (performance.now() - start < Math.max(MIN_MS, checkMs / 2) || jreEvaluations < APPLICANTS) {
    for (const facts of applicants) await reference.run(facts);
    jreEvaluations += applicants.length;
  }
  const jre = { label: 'json-rules-engine 7', perSecond: (jreEvaluations / (performance.now() - start)) * 1000 };

  const results = [
    jre,
    timeSync('compiled', applicants, (f) => compiled.evaluate(f, { peildatum: PEILDATUM })),
    timeSync('compiled + explanation', applicants, (f) => compiled.evaluate(f, { peildatum: PEILDATUM, explain: true })),
    timeSync('hand-written function', applicants, (f) => urgencySchemeByHand(f, PEILDATUM)),
  ];

  console.log(`Urgency scheme (${ruleSet.rules.length} rules, ${Object.keys(ruleSet.namedConditions ?? {}).length} named conditions), ${APPLICANTS} applicants, ${fired} events; all paths agree.`);
  console.log(`Node ${process.version}, ${process.arch}\n`);
  console.log('| path | evaluations/s | × json-rules-engine |');
  console.log('|---|---:|---:|');
  for (const r of results) console.log(`| ${r.label} | ${Math.round(r.perSecond).toLocaleString('en-US')} | ${(r.perSecond / jre.perSecond).toFixed(1)} |`);
  const [, fast, explained] = results;
  const ok = (fast?.perSecond ?? 0) >= 100 * jre.perSecond && (fast?.perSecond ?? 0) >= 500_000 && (explained?.perSecond ?? 0) >= 20 * jre.perSecond;
  console.log(`\nTargets (compiled ≥ 100× and ≥ 500,000/s; with explanation ≥ 20×): ${ok ? 'met' : 'NOT met'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
