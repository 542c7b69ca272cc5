import type { Kysely } from 'kysely';
import type { PutZgwSettingsBody, ZgwProcessLink, ZgwSettings } from '../../contract/zgw';
import type { SecretBox } from '../../platform/codec/secret-box';
import { ApiError } from '../../platform/errors';
import type { Db, Store } from '../../platform/store/create-store';
import { parseJson, toJson } from '../../platform/store/json';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { appendAudit } from '../audit/audit';
import { checkProcessLinks } from './zgw-link-check';

/** The table of migration 0010, as this module reads and writes it. */
export interface ZgwSettingsTable {
  tenant_id: string;
  zaken_url: string;
  catalogi_url: string;
  besluiten_url: string;
  documenten_url: string;
  client_id: string;
  client_secret_enc: string | null;
  bronorganisatie: string;
  process_links: string;
  enabled: number;
  updated_by: string;
  updated_at: string;
}

export const ZGW_SECRET_PURPOSE = 'zgw-client-secret';

const zgwDb = (db: Db) => db as unknown as Kysely<{ zgw_settings: ZgwSettingsTable }>;

export function toZgwSettings(row: ZgwSettingsTable): ZgwSettings {
  return {
    zakenUrl: row.zaken_url,
    catalogiUrl: row.catalogi_url,
    besluitenUrl: row.besluiten_url,
    documentenUrl: row.documenten_url,
    clientId: row.client_id,
    hasClientSecret: row.client_secret_enc !== null,
    bronorganisatie: row.bronorganisatie,
    processLinks: parseJson<ZgwProcessLink[]>(row.process_links, []),
    enabled: row.enabled === 1,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export async function findZgwSettingsRow(db: Db, tenant: string): Promise<ZgwSettingsTable | undefined> {
  return zgwDb(db).selectFrom('zgw_settings').selectAll().where('tenant_id', '=', tenant).executeTakeFirst();
}

const invalid = (message: string, path: string) => new ApiError(400, 'INVALID_ZGW_SETTINGS', message, path);

function checkUrl(value: string, path: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('Geen absolute URL (not an absolute URL).', path);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid('Alleen https (or http on a municipal network) (only https).', path);
  if (url.username || url.password || url.search || url.hash)
    throw invalid('Geen inloggegevens, query of fragment in de URL (no credentials, query or fragment).', path);
  return value.replace(/\/+$/, '');
}

type Input = Omit<PutZgwSettingsBody, 'reason'>;

function validate(input: Input): Input {
  const seen = new Set<string>();
  const processLinks = input.processLinks.map((link, i) => {
    const at = `/body/processLinks/${i}`;
    if (seen.has(link.processId))
      throw invalid(`Proces ${link.processId} staat er twee keer in (process listed twice).`, `${at}/processId`);
    seen.add(link.processId);
    const steps = new Set<string>();
    link.statustypen.forEach((s, j) => {
      if (steps.has(s.step))
        throw invalid(`Stap ${s.step} heeft twee statustypen (step mapped twice).`, `${at}/statustypen/${j}/step`);
      steps.add(s.step);
      checkUrl(s.statustype, `${at}/statustypen/${j}/statustype`);
    });
    checkUrl(link.zaaktype, `${at}/zaaktype`);
    for (const key of [
      'besluittype',
      'informatieobjecttype',
      'resultaattype',
      'eindstatustype',
      'cancelledResultaattype',
    ] as const) {
      const v = link[key];
      if (v !== undefined) checkUrl(v, `${at}/${key}`);
    }
    if (link.besluittype && !link.informatieobjecttype)
      throw invalid(
        'Bij een besluittype hoort een informatieobjecttype voor de besluit-PDF (besluittype needs an informatieobjecttype).',
        `${at}/informatieobjecttype`,
      );
    if (link.cancelledResultaattype && !link.eindstatustype)
      throw invalid(
        'Bij een resultaattype voor een geannuleerde zaak hoort een eindstatustype, anders blijft de zaak open (cancelledResultaattype needs an eindstatustype).',
        `${at}/cancelledResultaattype`,
      );
    return link;
  });
  return {
    ...input,
    zakenUrl: checkUrl(input.zakenUrl, '/body/zakenUrl'),
    catalogiUrl: checkUrl(input.catalogiUrl, '/body/catalogiUrl'),
    besluitenUrl: checkUrl(input.besluitenUrl, '/body/besluitenUrl'),
    documentenUrl: checkUrl(input.documentenUrl, '/body/documentenUrl'),
    processLinks,
  };
}

/**
 * Replaces the settings; audited with before and after (never the secret, only whether it changed).
 * With `definitionOf`, the links are checked against the published processes (zgw-link-check.ts).
 */
export async function saveZgwSettings(
  deps: { store: Store; box: SecretBox; definitionOf?: (processId: string) => Promise<ProcessDefinition | undefined> },
  tenant: string,
  raw: Input,
  actor: { kind: 'user' | 'apiKey' | 'system'; id: string },
  reason: string | undefined,
  now: string,
): Promise<ZgwSettings> {
  const input = validate(raw);
  if (deps.definitionOf) await checkProcessLinks(input.processLinks, input.catalogiUrl, deps.definitionOf);
  return deps.store.transaction(async (trx) => {
    const before = await findZgwSettingsRow(trx, tenant);
    const secret =
      input.clientSecret === undefined
        ? (before?.client_secret_enc ?? null)
        : input.clientSecret === ''
          ? null
          : deps.box.seal(input.clientSecret, ZGW_SECRET_PURPOSE, tenant);
    if (input.enabled && secret === null)
      throw invalid(
        'Zonder client secret kan Doorstroom geen JWT ondertekenen (a client secret is needed to switch the link on).',
        '/body/clientSecret',
      );
    const row: ZgwSettingsTable = {
      tenant_id: tenant,
      zaken_url: input.zakenUrl,
      catalogi_url: input.catalogiUrl,
      besluiten_url: input.besluitenUrl,
      documenten_url: input.documentenUrl,
      client_id: input.clientId,
      client_secret_enc: secret,
      bronorganisatie: input.bronorganisatie,
      process_links: toJson(input.processLinks),
      enabled: input.enabled ? 1 : 0,
      updated_by: actor.id,
      updated_at: now,
    };
    const db = zgwDb(trx);
    if (before) await db.updateTable('zgw_settings').set(row).where('tenant_id', '=', tenant).execute();
    else await db.insertInto('zgw_settings').values(row).execute();
    const view = ({ client_secret_enc: _s, updated_at: _u, updated_by: _b, ...rest }: ZgwSettingsTable) => rest;
    await appendAudit(
      trx,
      {
        tenantId: tenant,
        actor,
        action: 'zgwSettings.update',
        target: { type: 'zgwSettings', id: tenant },
        reason: reason ?? null,
        details: {
          before: before ? view(before) : null,
          after: view(row),
          clientSecretChanged: input.clientSecret !== undefined,
        },
      },
      now,
    );
    return toZgwSettings(row);
  });
}
