import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A case id is a keyed hash of (tenant, process, caller's reference): the same reference always
 * gives the same workflow id — Temporal then refuses a second case — and the id reveals nothing
 * about the reference, even if a caller put something personal in it.
 */
export function caseIdFor(secret: Buffer, tenant: string, processId: string, caseRef: string): string {
  const digest = createHmac('sha256', secret).update(`${tenant}\u0000${processId}\u0000${caseRef}`).digest('hex');
  return `${tenant}-${processId}-${digest.slice(0, 24)}`;
}

export function tenantOfCaseId(caseId: string): string | undefined {
  return /^(GM\d{4})-/.exec(caseId)?.[1];
}

/** The id secret from the environment, else from data/id-secret (made on first start). */
export function loadIdSecret(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = path.join(dataDir, 'id-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}
