import { execFile } from 'node:child_process';

/**
 * `npm audit` of the production dependencies, as part of `npm test` (issue 17: no high or critical
 * advisory in what a municipality runs). Exit 0: none; 1: high or critical found; 2: no report —
 * an audit that could not ask the registry must never count as a clean one.
 */
const ARGS = ['audit', '--omit=dev', '--audit-level=high', '--json'];
const TIMEOUT_MS = 120_000;
const BLOCKING = new Set(['high', 'critical']);

interface Advisory {
  title?: string;
  url?: string;
  severity?: string;
}
interface Vulnerability {
  name: string;
  severity: string;
  isDirect?: boolean;
  range?: string;
  via?: Array<string | Advisory>;
  fixAvailable?: boolean | { name: string; version: string; isSemVerMajor?: boolean };
}
interface AuditReport {
  vulnerabilities?: Record<string, Vulnerability>;
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number; total?: number } };
}
interface AuditFailure {
  message?: string;
  statusCode?: number;
  uri?: string;
  error?: { code?: string; summary?: string; detail?: string };
}

class AuditUnavailableError extends Error {}

function runNpmAudit(): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // npm exits 1 both for "found something" and for "could not ask": the JSON tells which.
    execFile('npm', ARGS, { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { killed?: boolean }) | null;
      if (e?.killed) reject(new AuditUnavailableError(`npm audit gave no answer within ${TIMEOUT_MS / 1000} s`));
      else if (e?.code === 'ENOENT') reject(new AuditUnavailableError('npm is not on PATH'));
      else resolve({ stdout, stderr });
    });
  });
}

function parseReport(stdout: string, stderr: string): AuditReport {
  let json: AuditReport & AuditFailure;
  try {
    json = JSON.parse(stdout) as AuditReport & AuditFailure;
  } catch {
    throw new AuditUnavailableError(
      `npm audit printed no JSON report. ${stderr.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
  if (!json.metadata?.vulnerabilities) {
    const why =
      json.statusCode !== undefined
        ? `the registry answered ${json.statusCode} to ${json.uri ?? 'the advisory request'}`
        : (json.error?.summary ?? json.message ?? 'no vulnerability counts in the report');
    throw new AuditUnavailableError(`npm audit could not ask the advisory database: ${why}`);
  }
  return json;
}

function fixOf(v: Vulnerability): string {
  const fix = v.fixAvailable;
  if (fix === true) return 'fix: npm audit fix --omit=dev';
  if (fix && typeof fix === 'object')
    return `fix: ${fix.name}@${fix.version}${fix.isSemVerMajor ? ' (semver-major: check the changelog)' : ''}`;
  return 'no fix released yet';
}

function describe(v: Vulnerability): string {
  const advisories = (v.via ?? [])
    .map((via) => (typeof via === 'string' ? `through ${via}` : `${via.title ?? 'advisory'} ${via.url ?? ''}`.trim()))
    .join('; ');
  return `  ${v.severity.toUpperCase()} ${v.name} ${v.range ?? ''}${v.isDirect ? ' (direct)' : ''} — ${advisories} — ${fixOf(v)}`;
}

async function main(): Promise<void> {
  const { stdout, stderr } = await runNpmAudit();
  const report = parseReport(stdout, stderr);
  const counts = report.metadata?.vulnerabilities ?? {};
  const blocking = Object.values(report.vulnerabilities ?? {}).filter((v) => BLOCKING.has(v.severity));
  const summary = ['critical', 'high', 'moderate', 'low'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ');
  const deps = report.metadata?.dependencies?.prod;
  console.log(`audit-prod: ${deps !== undefined ? `${deps} production packages; ` : ''}${summary}`);
  if (blocking.length === 0) return;
  console.error(`audit-prod: ${blocking.length} package(s) with a high or critical advisory:`);
  for (const v of blocking) console.error(describe(v));
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof AuditUnavailableError) {
    console.error(
      `audit-prod: FAILED — ${error.message}. Not a clean audit: run it again where the registry's advisory endpoint answers.`,
    );
    process.exit(2);
  }
  console.error(error);
  process.exit(2);
});
