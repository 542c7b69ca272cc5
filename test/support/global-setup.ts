import { findTemporalBinaries } from '../../platform/temporal/binaries';

// Fails the whole run early, with the setup's own message, when no Temporal binary is available.
export default async function globalSetup(): Promise<void> {
  const found = findTemporalBinaries({ install: true });
  process.env.TEMPORAL_CLI_PATH = found.cli;
  process.env.TEMPORAL_TEST_SERVER_PATH = found.testServer;
}
