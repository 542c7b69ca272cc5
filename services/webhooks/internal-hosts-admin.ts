import net from 'node:net';
import { ApiError } from '../../platform/errors';
import { normalHost } from '../../platform/egress/egress-guard';
import { listInternalHosts } from '../../platform/egress/internal-hosts';
import type { Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import { appendAudit } from '../audit/audit';
import type { AuthContext } from '../auth/auth-context';

/** More would be a network map, not a list of receivers. */
export const MAX_INTERNAL_HOSTS = 50;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Replaces the list (audited with before and after). Names only: an IP address or `localhost`
 * is refused, and a named host still never reaches loopback, link-local (cloud metadata) or
 * reserved addresses; the allowance covers private ranges only.
 */
export async function putInternalHosts(
  deps: { store: Store; clock: Clock },
  auth: AuthContext,
  hosts: string[],
  reason?: string,
): Promise<string[]> {
  hosts.map(normalHost).forEach((h, i) => {
    if (net.isIP(h) || !HOST_NAME.test(h) || h === 'localhost' || h.endsWith('.localhost') || !h.includes('.')) {
      throw new ApiError(
        400,
        'WEBHOOK_URL_NOT_ALLOWED',
        `${h}: alleen een volledige hostnaam, geen IP-adres of localhost (a fully qualified host name only, no IP address).`,
        `/body/hosts/${i}`,
      );
    }
  });
  const wanted = [...new Set(hosts.map(normalHost))].sort();
  if (wanted.length > MAX_INTERNAL_HOSTS) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `Ten hoogste ${MAX_INTERNAL_HOSTS} interne hosts (at most ${MAX_INTERNAL_HOSTS}).`,
      '/body/hosts',
    );
  }
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (trx) => {
    const before = await listInternalHosts(trx, auth.tenant);
    await trx.deleteFrom('egress_internal_hosts').where('tenant_id', '=', auth.tenant).execute();
    if (wanted.length) {
      await trx
        .insertInto('egress_internal_hosts')
        .values(wanted.map((host) => ({ tenant_id: auth.tenant, host, added_by: auth.actor.id, added_at: now })))
        .execute();
    }
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: { kind: auth.actor.kind, id: auth.actor.id },
        action: 'egress.internalHosts',
        target: { type: 'egressInternalHosts', id: auth.tenant },
        before: before.join(',') || null,
        after: wanted.join(',') || null,
        reason: reason ?? null,
        details: { hosts: wanted },
      },
      now,
    );
    return wanted;
  });
}
