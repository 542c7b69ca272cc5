import { appendAudit } from '../../audit/audit';
import { ApiError } from '../../../platform/errors';
import type { Db, Store } from '../../../platform/store/create-store';
import { parseJson, toJson } from '../../../platform/store/json';
import type { SecretBox } from '../../../platform/codec/secret-box';
import { oidcDb, type IdentityProviderTable } from './oidc-tables';
import { MAPPABLE_ROLES, type RoleMapping } from './role-mapping';

/** The municipality's identity provider as the API shows it: never the client secret. */
export interface IdentityProviderSettings {
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  scopes: string[];
  roleClaim: string;
  roleMap: RoleMapping[];
  enabled: boolean;
  localLogin: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface IdentityProviderInput {
  issuer: string;
  clientId: string;
  /** Absent: keep the stored secret. Empty string: remove it (a public client). */
  clientSecret?: string;
  scopes: string[];
  roleClaim: string;
  roleMap: RoleMapping[];
  enabled: boolean;
  localLogin: boolean;
}

export const CLIENT_SECRET_PURPOSE = 'oidc-client-secret';

export function toSettings(row: IdentityProviderTable): IdentityProviderSettings {
  return {
    issuer: row.issuer,
    clientId: row.client_id,
    hasClientSecret: row.client_secret_enc !== null,
    scopes: row.scopes.split(' ').filter(Boolean),
    roleClaim: row.role_claim,
    roleMap: parseJson<RoleMapping[]>(row.role_map, []),
    enabled: row.enabled === 1,
    localLogin: row.local_login === 1,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export async function findIdentityProviderRow(db: Db, tenant: string): Promise<IdentityProviderTable | undefined> {
  return oidcDb(db).selectFrom('identity_providers').selectAll().where('tenant_id', '=', tenant).executeTakeFirst();
}

/** Local usernames and passwords work unless the municipality switched them off. */
export async function localLoginAllowed(db: Db, tenant: string): Promise<boolean> {
  const row = await findIdentityProviderRow(db, tenant);
  return !row || row.local_login === 1;
}

const invalid = (message: string, path: string) => new ApiError(400, 'INVALID_IDENTITY_PROVIDER', message, path);

function validate(input: IdentityProviderInput): void {
  let url: URL;
  try {
    url = new URL(input.issuer);
  } catch {
    throw invalid('De issuer is geen absolute URL (issuer is not an absolute URL).', '/body/issuer');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid('De issuer moet een https-adres zijn (issuer must be https).', '/body/issuer');
  if (url.username || url.password || url.search || url.hash)
    throw invalid(
      'De issuer bevat geen inloggegevens, query of fragment (no credentials, query or fragment).',
      '/body/issuer',
    );
  if (!input.scopes.includes('openid'))
    throw invalid('De scopes bevatten altijd `openid` (scopes must include openid).', '/body/scopes');
  input.roleMap.forEach((line, i) => {
    const wrong = line.roles.find((r) => !MAPPABLE_ROLES.includes(r));
    if (wrong)
      throw invalid(
        `Rol ${wrong} kan niet uit een groep komen; landelijk beheer nooit (role cannot be mapped from a group).`,
        `/body/roleMap/${i}/roles`,
      );
  });
  if (!input.localLogin && !input.enabled)
    throw invalid(
      'Lokaal inloggen kan alleen uit als inloggen via de identiteitsprovider aan staat (local sign-in can be switched off only with the identity provider enabled).',
      '/body/localLogin',
    );
}

interface SaveDeps {
  store: Store;
  box: SecretBox;
}

/** Replaces the settings; audited with before and after (never the secret, only whether it changed). */
export async function saveIdentityProvider(
  deps: SaveDeps,
  tenant: string,
  input: IdentityProviderInput,
  actor: { kind: 'user' | 'apiKey' | 'system'; id: string },
  reason: string | undefined,
  now: string,
): Promise<IdentityProviderSettings> {
  validate(input);
  return deps.store.transaction(async (trx) => {
    const before = await findIdentityProviderRow(trx, tenant);
    const secret =
      input.clientSecret === undefined
        ? (before?.client_secret_enc ?? null)
        : input.clientSecret === ''
          ? null
          : deps.box.seal(input.clientSecret, CLIENT_SECRET_PURPOSE, tenant);
    const row: IdentityProviderTable = {
      tenant_id: tenant,
      issuer: input.issuer.replace(/\/$/, ''),
      client_id: input.clientId,
      client_secret_enc: secret,
      scopes: [...new Set(input.scopes)].join(' '),
      role_claim: input.roleClaim,
      role_map: toJson(input.roleMap),
      enabled: input.enabled ? 1 : 0,
      local_login: input.localLogin ? 1 : 0,
      updated_by: actor.id,
      updated_at: now,
    };
    const db = oidcDb(trx);
    if (before) await db.updateTable('identity_providers').set(row).where('tenant_id', '=', tenant).execute();
    else await db.insertInto('identity_providers').values(row).execute();
    const view = ({ client_secret_enc: _s, updated_at: _u, updated_by: _b, ...rest }: IdentityProviderTable) => rest;
    await appendAudit(
      trx,
      {
        tenantId: tenant,
        actor,
        action: 'identityProvider.update',
        target: { type: 'identityProvider', id: tenant },
        reason: reason ?? null,
        details: {
          before: before ? view(before) : null,
          after: view(row),
          clientSecretChanged: input.clientSecret !== undefined,
        },
      },
      now,
    );
    return toSettings(row);
  });
}
