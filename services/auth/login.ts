import { appendAudit } from '../audit/audit';
import { ApiError } from '../../platform/errors';
import type { UserRow } from '../../platform/store/schema';
import type { AuthDeps } from './deps';
import { loginKeys, loginThrottled, loginWaitMs, recordLoginFailure, resetLoginFailures } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { createSession, type NewSession } from './sessions';
import { toUser, findUserRowByUsername, type User } from './users';
import { findTenant } from '../../platform/store/tenants';
import { parseJson } from '../../platform/store/json';
import { localLoginAllowed } from './oidc/identity-provider-settings';
import { NATIONAL_ADMIN } from './roles';
import { tenantDisabled } from './tenant-status';

export interface LoginInput {
  tenant: string;
  username: string;
  password: string;
  /** The client's address (req.ip): failures are limited per address too. */
  clientAddress?: string;
}

/**
 * One answer for every failure (unknown municipality or user, wrong password, disabled or
 * locked account), so the response does not tell an attacker which usernames exist.
 */
export const LOGIN_FAILED = new ApiError(
  401,
  'LOGIN_FAILED',
  'Inloggen mislukt: onjuiste gegevens, of het account is tijdelijk geblokkeerd (login failed: wrong credentials, or the account is temporarily locked).',
);

/** The municipality signs in through its identity provider only; national administrators keep their password. */
export const LOCAL_LOGIN_OFF = new ApiError(
  403,
  'LOCAL_LOGIN_DISABLED',
  'Inloggen met gebruikersnaam en wachtwoord staat uit in deze gemeente: log in via uw organisatie (local sign-in is switched off for this municipality; sign in through your organisation).',
);

export const MUNICIPALITY_OFF = new ApiError(
  403,
  'MUNICIPALITY_DISABLED',
  'Deze gemeente is uitgeschakeld door het landelijk beheer (this municipality has been disabled).',
);

const dummyHashes = new Map<string, Promise<string>>();
/** A throw-away hash with the configured cost: checked whenever there is no real one, so every answer costs one hash. */
function dummyHash(deps: AuthDeps): Promise<string> {
  const key = JSON.stringify(deps.config.scrypt);
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword('not-a-password', deps.config.scrypt);
    dummyHashes.set(key, hash);
  }
  return hash;
}

/** Logins under way per client address in this replica: each costs a memory-hard hash. */
const inFlight = new Map<string, number>();

export async function login(deps: AuthDeps, input: LoginInput): Promise<{ user: User; session: NewSession }> {
  const address = input.clientAddress ?? 'unknown';
  const limits = deps.config.loginLimits;
  const running = inFlight.get(address) ?? 0;
  if (running >= limits.inFlightPerAddress) throw loginThrottled(1000);
  inFlight.set(address, running + 1);
  try {
    return await attempt(deps, input, address);
  } finally {
    const left = (inFlight.get(address) ?? 1) - 1;
    if (left > 0) inFlight.set(address, left);
    else inFlight.delete(address);
  }
}

async function attempt(
  deps: AuthDeps,
  input: LoginInput,
  address: string,
): Promise<{ user: User; session: NewSession }> {
  const { db } = deps.store;
  const now = deps.clock();
  const keys = loginKeys(input.tenant, input.username, address);
  const wait = await loginWaitMs(db, keys, now, deps.config.loginLimits);
  if (wait > 0) throw loginThrottled(wait);

  const tenant = await findTenant(db, input.tenant);
  const row = tenant ? await findUserRowByUsername(db, tenant.id, input.username) : undefined;
  const usable = row && row.password_hash && row.disabled_at === null;
  const locked = row?.locked_until != null && Date.parse(row.locked_until) > now.getTime();
  // Always exactly one hash check, against the real hash or the dummy: unknown, disabled and
  // locked accounts take as long as a wrong password does.
  const matches = await verifyPassword(input.password, usable ? row.password_hash! : await dummyHash(deps));
  // A municipality switched off (by the national administrator) or without local sign-in (its
  // identity provider instead) answers the same whether the password was right or not: no oracle
  // for passwords that can no longer be used. Only a national administrator's right password passes.
  const disabled = tenant ? await tenantDisabled(db, tenant.id) : false;
  const localOff = tenant && !disabled ? !(await localLoginAllowed(db, tenant.id)) : false;
  const national = row ? parseJson<string[]>(row.roles, []).includes(NATIONAL_ADMIN) : false;
  const refusal = disabled ? MUNICIPALITY_OFF : localOff ? LOCAL_LOGIN_OFF : LOGIN_FAILED;
  if (!usable || locked || !matches) {
    await recordLoginFailure(db, keys, now);
    if (tenant)
      await auditFailure(
        deps,
        tenant.id,
        row,
        input.username,
        !row
          ? 'unknown user'
          : !usable
            ? 'account disabled or without password'
            : locked
              ? 'account locked'
              : 'wrong password',
      );
    throw refusal;
  }
  if (disabled || (localOff && !national)) {
    await auditFailure(
      deps,
      tenant!.id,
      row,
      input.username,
      disabled ? 'municipality disabled' : 'local sign-in switched off',
    );
    throw refusal;
  }
  const session = await deps.store.transaction(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', row.id).execute();
    await resetLoginFailures(trx, keys.pair, now);
    const created = await createSession(trx, row, deps.config, now);
    await appendAudit(
      trx,
      {
        tenantId: row.tenant_id,
        actor: { kind: 'user', id: row.id },
        action: 'auth.login',
        target: { type: 'user', id: row.id },
      },
      now.toISOString(),
    );
    return created;
  });
  return { user: toUser({ ...row, failed_logins: 0 }), session };
}

async function auditFailure(
  deps: AuthDeps,
  tenantId: string,
  row: UserRow | undefined,
  username: string,
  why: string,
): Promise<void> {
  await appendAudit(
    deps.store.db,
    {
      tenantId,
      actor: row ? { kind: 'user', id: row.id } : { kind: 'system', id: 'login' },
      action: 'auth.login_failed',
      target: { type: 'user', id: row?.id ?? null },
      details: { reason: why, ...(row ? {} : { username }) },
    },
    deps.clock().toISOString(),
  );
}
