import { randomUUID } from 'node:crypto';
import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';
import { sha256 } from './tokens';

/**
 * Limits on failed logins, kept in the store so every replica sees the same counts (sliding
 * windows over the `login_attempts` rows). There is no hard lock a stranger can set off:
 * - per client address: at most `perAddress` failures in the window, whatever the usernames
 *   (password spraying from one address);
 * - per username and address: after `pairFreeFailures` failures each next try waits twice as long
 *   (1 s, 2 s, 4 s … up to `pairMaxDelayMs`); only that address waits, the real user elsewhere not;
 * - per username over all addresses: past `perUsername` failures in the window (a distributed
 *   attack) an address that already failed for this username waits for the window; an address
 *   without failures still gets its try, so the user at their own desk can sign in.
 * Unknown usernames are counted like known ones: a throttled answer says nothing about existence.
 */
export interface LoginLimits {
  windowMs: number;
  perAddress: number;
  perUsername: number;
  pairFreeFailures: number;
  pairMaxDelayMs: number;
  /** Concurrent logins per address in one replica (each costs a memory-hard hash). */
  inFlightPerAddress: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * 60_000,
  perAddress: 30,
  perUsername: 50,
  pairFreeFailures: 3,
  pairMaxDelayMs: 5 * 60_000,
  inFlightPerAddress: 3,
};

export interface LoginKeys {
  user: string;
  addr: string;
  pair: string;
}

export function loginKeys(tenant: string, username: string, address: string): LoginKeys {
  const u = `${tenant.trim().toUpperCase()}|${username.trim().toLowerCase()}`;
  return { user: sha256(`user|${u}`), addr: sha256(`addr|${address}`), pair: sha256(`pair|${u}|${address}`) };
}

export function loginThrottled(retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(
    429,
    'LOGIN_THROTTLED',
    `Te veel mislukte pogingen om in te loggen; probeer het over ${seconds} seconden opnieuw (too many failed logins; try again in ${seconds} s).`,
    undefined,
    { retryAfterSeconds: seconds },
  );
}

const at = (db: Db, scope: string, key: string, since: string) =>
  db
    .selectFrom('login_attempts')
    .select('at')
    .where('scope', '=', scope)
    .where('key_hash', '=', key)
    .where('at', '>', since)
    .orderBy('at', 'desc');

async function lastReset(db: Db, key: string): Promise<string> {
  const row = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('scope', '=', 'reset')
    .where('key_hash', '=', key)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? '';
}

const later = (a: string, b: string) => (a > b ? a : b);

/** How long this try must wait, or 0 when it may go ahead. */
export async function loginWaitMs(db: Db, keys: LoginKeys, now: Date, limits: LoginLimits): Promise<number> {
  const since = new Date(now.getTime() - limits.windowMs).toISOString();
  const byAddress = await at(db, 'addr', keys.addr, since).execute();
  if (byAddress.length >= limits.perAddress)
    return Date.parse(byAddress[byAddress.length - 1]!.at) + limits.windowMs - now.getTime();

  const userReset = await lastReset(db, keys.user);
  const pairSince = later(since, later(userReset, await lastReset(db, keys.pair)));
  const byPair = await at(db, 'pair', keys.pair, pairSince).execute();
  if (byPair.length >= limits.pairFreeFailures) {
    const delay = Math.min(limits.pairMaxDelayMs, 1000 * 2 ** (byPair.length - limits.pairFreeFailures));
    const wait = Date.parse(byPair[0]!.at) + delay - now.getTime();
    if (wait > 0) return wait;
  }
  if (byPair.length > 0) {
    const byUser = await at(db, 'user', keys.user, later(since, userReset)).execute();
    if (byUser.length >= limits.perUsername)
      return Date.parse(byUser[byUser.length - 1]!.at) + limits.windowMs - now.getTime();
  }
  return 0;
}

/** A failed try counts for the address, the username and the pair; old rows of these keys go. */
export async function recordLoginFailure(db: Db, keys: LoginKeys, now: Date): Promise<void> {
  const iso = now.getTime();
  const stamp = new Date(iso).toISOString();
  await db
    .insertInto('login_attempts')
    .values(
      (['addr', 'user', 'pair'] as const).map((scope) => ({
        id: randomUUID(),
        scope,
        key_hash: keys[scope],
        at: stamp,
      })),
    )
    .execute();
  const cutoff = new Date(iso - 24 * 3_600_000).toISOString();
  await db
    .deleteFrom('login_attempts')
    .where('key_hash', 'in', [keys.addr, keys.user, keys.pair])
    .where('at', '<', cutoff)
    .execute();
}

/** Starts counting afresh for a key: the pair after a successful login, the username when an administrator unlocks. */
export async function resetLoginFailures(db: Db, key: string, now: Date): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ id: randomUUID(), scope: 'reset', key_hash: key, at: now.toISOString() })
    .execute();
}
