import { buildEngines, outcome } from './engines';
import { generateCase } from './generate-case';
import { seeded } from './random';

async function main(): Promise<void> {
  const seed = Number(process.argv[2]);
  const c = generateCase(seeded(seed), 10);
  const want = process.argv[3];
  console.log(
    JSON.stringify(
      {
        options: c.options,
        conditions: c.conditions,
        rules: c.rules,
        engineFacts: c.engineFacts,
        custom: c.customOperators,
      },
      null,
      1,
    ),
  );
  const { ours, reference } = buildEngines(c);
  for (const facts of c.runs) {
    if (want && JSON.stringify(facts) !== want) continue;
    const e = await reference.run(facts).then(outcome, (x: Error) => `THROW ${x.message}`);
    await new Promise((resolve) => setImmediate(resolve));
    const a = await ours.run(facts).then(outcome, (x: Error) => `THROW ${x.message}`);
    if (a !== e) {
      console.log('FACTS', JSON.stringify(facts), '\n--- jre\n', e, '\n--- ours\n', a);
      break;
    }
  }
}
main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
