import type { SecretBox } from '../../platform/codec/secret-box';
import type { EgressGuard } from '../../platform/egress/egress-guard';
import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';
import { egressFetch } from '../auth/oidc/egress-fetch';
import { createZgwClient, type ZgwClient, type ZgwFetch } from './zgw-client';
import { findZgwSettingsRow, ZGW_SECRET_PURPOSE } from './zgw-settings';

export interface ZgwConnectionDeps {
  db: Db;
  /**
   * The box the settings sealed the client secret with. Today that is the identity providers'
   * box (`deps.oidc.box`, server/routes/zgw.ts); in `npm start` it holds the same key ring as
   * `store.secrets` (both DOORSTROOM_CODEC_KEYS), so a worker may pass either.
   */
  box: SecretBox;
  /** Every ZGW request goes out through it (the municipality's internal hosts allowed). */
  egress: EgressGuard;
  clock?: () => Date;
  /** Tests only: a fetch in place of the guarded one. */
  fetch?: (tenant: string) => ZgwFetch;
}

/** The ZGW client of one municipality, or a coded refusal when its link is not usable. */
export type ZgwClientFor = (tenant: string) => Promise<ZgwClient>;

const notConfigured = (message: string) => new ApiError(404, 'ZGW_NOT_CONFIGURED', message);

/**
 * Resolves a municipality's ZGW client from its settings (migration 0010): base URLs, client id
 * and the sealed secret, opened only here and only for the JWT. Read per call, so a changed
 * setting counts from the next request on. A link that is absent, switched off or without a
 * secret that opens answers ZGW_NOT_CONFIGURED: retrying will not help until an administrator acts.
 */
export function createZgwConnections(deps: ZgwConnectionDeps): { zgwClientFor: ZgwClientFor } {
  return {
    async zgwClientFor(tenant) {
      const row = await findZgwSettingsRow(deps.db, tenant);
      if (!row || row.enabled !== 1)
        throw notConfigured(
          'De koppeling met de ZGW API’s staat voor deze gemeente niet aan (the ZGW link is not set up or switched off).',
        );
      if (row.client_secret_enc === null)
        throw notConfigured('De ZGW-koppeling heeft geen client secret (the ZGW link has no client secret).');
      let secret: string;
      try {
        secret = deps.box.open(row.client_secret_enc, ZGW_SECRET_PURPOSE, tenant);
      } catch {
        throw notConfigured(
          'Het client secret van de ZGW-koppeling is met deze sleutelring niet te openen; sla het opnieuw op (the sealed secret does not open with this key ring).',
        );
      }
      const fetch = deps.fetch ? deps.fetch(tenant) : egressFetch(deps.egress, tenant);
      return createZgwClient(
        {
          bases: {
            zaken: row.zaken_url,
            catalogi: row.catalogi_url,
            besluiten: row.besluiten_url,
            documenten: row.documenten_url,
          },
          clientId: row.client_id,
          secret,
        },
        fetch,
        deps.clock,
      );
    },
  };
}
