import { createLog } from '../log';
import type { Db } from '../store/create-store';
import { createEgressGuard, egressOptionsFromEnv, type EgressGuard, type EgressOptions } from './egress-guard';
import { listInternalHosts } from './internal-hosts';

let log: EgressOptions['log'];

/**
 * The guard as the server and the worker use it: allowances from the environment, each
 * municipality's internal hosts from the store, the network's answers in the server log.
 */
export function storeEgressGuard(
  db: Db,
  env: NodeJS.ProcessEnv = process.env,
  over: Partial<EgressOptions> = {},
): EgressGuard {
  log ??= createLog();
  return createEgressGuard({
    ...egressOptionsFromEnv(env),
    internalHosts: (tenant) => listInternalHosts(db, tenant),
    log,
    ...over,
  });
}
