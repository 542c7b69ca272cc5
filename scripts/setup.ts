import { findTemporalBinaries, TemporalBinariesError } from '../platform/temporal/binaries';

function main(): void {
  const found = findTemporalBinaries({ install: true, log: (line) => console.log(line) });
  console.log(`Doorstroom setup: Temporal CLI ${found.cli ?? '(SDK download on first use)'} [${found.cliSource}]`);
  console.log(
    `Doorstroom setup: Temporal test server ${found.testServer ?? '(SDK download on first use)'} [${found.testServerSource}]`,
  );
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof TemporalBinariesError ? error.message : error);
  process.exit(1);
}
