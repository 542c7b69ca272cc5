import type { ZgwProcessLink } from '../../contract/zgw';
import { ApiError } from '../../platform/errors';
import type { Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import { appendAudit } from '../audit/audit';
import type { ZgwClient } from './zgw-client';
import type { ZgwClientFor } from './zgw-connection';
import { ZgwError } from './zgw-error';
import { findZgwSettingsRow, toZgwSettings } from './zgw-settings';
import {
  doneZgwWrite,
  hasZgwNote,
  recordZgwDone,
  recordZgwFailing,
  recordZgwNote,
  type ZgwWriteKind,
  type ZgwWriteRef,
} from './zgw-sync-store';
import type {
  ZgwBesluitInput,
  ZgwCloseInput,
  ZgwStatusInput,
  ZgwWriteResult,
  ZgwZaakInput,
} from '../../workflows/zgw-sync-input';

export interface ZgwWriteBackDeps {
  store: Pick<Store, 'db'>;
  clock: Clock;
  /** The tenant's client (services/zgw/zgw-connection.ts); throws ZGW_NOT_CONFIGURED when it cannot sign. */
  clientFor: ZgwClientFor;
  /** The caller's case reference (`zgw-<uuid>` for a case started from a zaak). */
  caseRefOf: (tenant: string, caseId: string) => Promise<string | undefined>;
  /** The besluit's PDF and its decision time (the sealed store, opened). */
  besluitPdf: (
    tenant: string,
    caseId: string,
    besluitId: string,
  ) => Promise<{ pdf: Buffer; decidedAt: string } | undefined>;
}

/**
 * The resultaat's toelichting of a cancelled case: a fixed text. The cancellation's reason is free
 * text (POST /cases/{id}/cancel) that may name a person, so it never leaves Doorstroom.
 */
export const CANCELLED_TOELICHTING =
  'Geannuleerd in Doorstroom: de behandeling is gestopt voordat de zaak een uitkomst had.';

/** A case started from a zaak (Notificaties intake) carries the zaak's uuid in its reference. */
const FROM_ZAAK = /^zgw-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The day of an instant in the Netherlands (ZGW dates are calendar dates). */
function dutchDate(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

const notLinked = (what: string) =>
  new ZgwError('ZGW_REFUSED', `${what}: de zaak is niet aangemaakt of gekoppeld (no zaak to write to).`, false, {
    api: 'zaken',
    operation: what,
  });

/**
 * What Doorstroom writes to the municipality's ZGW APIs for one case, one step at a time. Each
 * write is looked up first by its key in the store (migration 0018): a retry or replay returns the
 * URL created before and sends nothing. Each write is audited with references only (kind, key,
 * URL), never case data. A failed attempt is recorded as failing with its code and thrown again,
 * so the activity's retry policy decides.
 */
export function createZgwWriteBack(deps: ZgwWriteBackDeps) {
  const db = () => deps.store.db;
  const now = () => deps.clock().toISOString();

  /** The process's link, read per write: a link removed or switched off stops the writes. */
  async function linkOf(tenant: string, processId: string) {
    const row = await findZgwSettingsRow(db(), tenant);
    if (!row || row.enabled !== 1) return undefined;
    const settings = toZgwSettings(row);
    const link = settings.processLinks.find((l) => l.processId === processId);
    // The client only inside a write: a secret that does not open shows as that write failing.
    let client: Promise<ZgwClient> | undefined;
    return link ? { settings, link, client: () => (client ??= deps.clientFor(tenant)) } : undefined;
  }

  /** Does one write once: the stored URL if it was done, else the call, recorded and audited. */
  async function once(ref: ZgwWriteRef, write: () => Promise<string>): Promise<string> {
    const before = await doneZgwWrite(db(), ref.tenant, ref.caseId, ref.key);
    if (before) return before;
    let url: string;
    try {
      url = await write();
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'ZGW_UNAVAILABLE';
      await recordZgwFailing(db(), ref, code, now());
      throw err;
    }
    const at = now();
    await recordZgwDone(db(), ref, url, at);
    await appendAudit(
      db(),
      {
        tenantId: ref.tenant,
        actor: { kind: 'system', id: 'zgw-sync' },
        action: `zgw.${ref.kind}`,
        target: { type: 'case', id: ref.caseId },
        details: { key: ref.key, url, ...(ref.nodeId ? { nodeId: ref.nodeId } : {}) },
      },
      at,
    );
    return url;
  }

  /** Records (once) and audits something the write-back did not write, with its reason in the timeline. */
  async function note(r: ZgwWriteRef): Promise<void> {
    if (await hasZgwNote(db(), r.tenant, r.caseId, r.key)) return;
    const at = now();
    await recordZgwNote(db(), r, at);
    await appendAudit(
      db(),
      {
        tenantId: r.tenant,
        actor: { kind: 'system', id: 'zgw-sync' },
        action: `zgw.${r.kind}`,
        target: { type: 'case', id: r.caseId },
        details: { key: r.key },
      },
      at,
    );
  }

  /** The zaak's URL: from the workflow's state, else from the store (a new run after a long silence). */
  const zaakOf = async (input: { tenant: string; caseId: string; zaakUrl?: string }) =>
    input.zaakUrl ?? (await doneZgwWrite(db(), input.tenant, input.caseId, 'zaak'));

  const ref = (tenant: string, caseId: string, key: string, kind: ZgwWriteKind, nodeId?: string): ZgwWriteRef => ({
    tenant,
    caseId,
    key,
    kind,
    nodeId: nodeId ?? null,
  });

  return {
    /** case.started: create the zaak, or link the one the case came from after reading it. */
    async ensureZaak(input: ZgwZaakInput): Promise<ZgwWriteResult> {
      const linked = await linkOf(input.tenant, input.processId);
      if (!linked) return { skipped: 'not-linked' };
      const { client, settings, link } = linked;
      const caseRef = await deps.caseRefOf(input.tenant, input.caseId);
      const fromZaak = caseRef ? FROM_ZAAK.exec(caseRef)?.[1] : undefined;
      if (fromZaak) {
        const url = await once(ref(input.tenant, input.caseId, 'zaak', 'zaak-linked'), async () => {
          const zgw = await client();
          const zaak = await zgw.getZaak(`${zgw.bases.zaken}/zaken/${fromZaak.toLowerCase()}`);
          return zaak.url;
        });
        return { url };
      }
      const url = await once(ref(input.tenant, input.caseId, 'zaak', 'zaak-created'), async () => {
        const zaak = await (
          await client()
        ).createZaak({
          zaaktype: link.zaaktype,
          bronorganisatie: settings.bronorganisatie,
          verantwoordelijkeOrganisatie: settings.bronorganisatie,
          startdatum: dutchDate(input.startedAt),
          // The process, never the person: the zaak's omschrijving is visible to every ZGW reader.
          omschrijving: `Doorstroom: ${input.processId}`.slice(0, 80),
        });
        return zaak.url;
      });
      return { url };
    },

    /** case.step-entered: the status of the step's statustype, if the step is mapped. */
    async setStatus(input: ZgwStatusInput): Promise<ZgwWriteResult> {
      const linked = await linkOf(input.tenant, input.processId);
      if (!linked) return { skipped: 'not-linked' };
      const statustype = linked.link.statustypen.find((s) => s.step === input.step)?.statustype;
      if (!statustype) return { skipped: 'not-mapped' };
      const zaakUrl = await zaakOf(input);
      const key = `status:${input.eventId}`;
      const url = await once(ref(input.tenant, input.caseId, key, 'status-set', input.step), async () => {
        if (!zaakUrl) throw notLinked('status zetten');
        const status = await (
          await linked.client()
        ).createStatus({
          zaak: zaakUrl,
          statustype,
          datumStatusGezet: input.at,
        });
        return status.url;
      });
      return { url };
    },

    /** besluit.created: the besluit, its PDF as informatieobject, linked to besluit and zaak. */
    async registerBesluit(input: ZgwBesluitInput): Promise<ZgwWriteResult> {
      const linked = await linkOf(input.tenant, input.processId);
      if (!linked) return { skipped: 'not-linked' };
      const { client, settings, link } = linked;
      const besluittype = besluittypeOf(link, input.nodeId);
      if (!besluittype || !link.informatieobjecttype) return { skipped: 'not-mapped' };
      const informatieobjecttype = link.informatieobjecttype;
      const zaakUrl = await zaakOf(input);
      const w = (key: string, kind: ZgwWriteKind) =>
        ref(input.tenant, input.caseId, `${key}:${input.besluitId}`, kind, input.nodeId);
      const stored = await deps.besluitPdf(input.tenant, input.caseId, input.besluitId);
      if (!stored)
        throw new ZgwError(
          'ZGW_REFUSED',
          'besluit registreren: het besluit is niet gevonden (besluit not found).',
          false,
          {
            api: 'besluiten',
            operation: 'besluit registreren',
          },
        );
      const day = dutchDate(stored.decidedAt);
      const besluit = await once(w('besluit', 'besluit-registered'), async () => {
        if (!zaakUrl) throw notLinked('besluit registreren');
        const b = await (
          await client()
        ).createBesluit({
          besluittype,
          verantwoordelijkeOrganisatie: settings.bronorganisatie,
          datum: day,
          ingangsdatum: day,
          zaak: zaakUrl,
        });
        return b.url;
      });
      const document = await once(w('document', 'document-stored'), async () => {
        const d = await (
          await client()
        ).createInformatieobject({
          bronorganisatie: settings.bronorganisatie,
          creatiedatum: day,
          titel: `Besluit ${day}`,
          auteur: 'Doorstroom',
          taal: 'nld',
          informatieobjecttype,
          formaat: 'application/pdf',
          bestandsnaam: `besluit-${input.besluitId}.pdf`,
          inhoud: stored.pdf.toString('base64'),
          // A besluit is addressed to a person: never less than confidential.
          vertrouwelijkheidaanduiding: 'vertrouwelijk',
          // The municipality's own letter: no use rights beyond consulting it. Set, because Open Zaak
          // refuses a zaak's eindstatus while a document of the zaak leaves it unspecified.
          indicatieGebruiksrecht: false,
        });
        return d.url;
      });
      await once(w('besluit-document', 'document-linked'), async () => {
        const l = await (await client()).linkBesluitInformatieobject({ besluit, informatieobject: document });
        return l.url;
      });
      await once(w('zaak-document', 'document-linked'), async () => {
        if (!zaakUrl) throw notLinked('document aan zaak koppelen');
        const l = await (await client()).linkZaakInformatieobject({ zaak: zaakUrl, informatieobject: document });
        return l.url;
      });
      return { url: besluit, documentUrl: document };
    },

    /**
     * case.completed: the resultaat of the outcome, then the eindstatus (which closes the zaak).
     * case.cancelled: the link's resultaattype for a cancelled case with a fixed toelichting (the
     * cancellation's reason is free text and may name a person: it stays in Doorstroom's audit
     * trail), then the eindstatus; without that resultaattype the zaak stays open, and the case
     * timeline says so and why.
     */
    async closeZaak(input: ZgwCloseInput): Promise<ZgwWriteResult> {
      const linked = await linkOf(input.tenant, input.processId);
      if (!linked) return { skipped: 'not-linked' };
      const { client, link } = linked;
      if (input.cancelled && (!link.cancelledResultaattype || !link.eindstatustype)) {
        // A note, not a write: done at once, no URL; the timeline shows why the zaak stays open.
        await note(ref(input.tenant, input.caseId, 'zaak-open', 'zaak-left-open'));
        return { skipped: 'left-open' };
      }
      const resultaattype = input.cancelled ? link.cancelledResultaattype : resultaattypeOf(link, input.outcome);
      if (!resultaattype && !link.eindstatustype) return { skipped: 'not-mapped' };
      const zaakUrl = await zaakOf(input);
      const nodeId = input.cancelled ? undefined : input.outcome;
      if (resultaattype)
        await once(ref(input.tenant, input.caseId, 'resultaat', 'resultaat-set', nodeId), async () => {
          if (!zaakUrl) throw notLinked('resultaat zetten');
          const r = await (
            await client()
          ).createResultaat({
            zaak: zaakUrl,
            resultaattype,
            ...(input.cancelled ? { toelichting: CANCELLED_TOELICHTING } : {}),
          });
          return r.url;
        });
      if (!link.eindstatustype) return { skipped: 'not-mapped' };
      const eindstatustype = link.eindstatustype;
      const kind: ZgwWriteKind = input.cancelled ? 'zaak-cancelled' : 'zaak-closed';
      const url = await once(ref(input.tenant, input.caseId, 'eindstatus', kind, nodeId), async () => {
        if (!zaakUrl) throw notLinked('zaak afsluiten');
        const s = await (
          await client()
        ).createStatus({ zaak: zaakUrl, statustype: eindstatustype, datumStatusGezet: input.at });
        return s.url;
      });
      return { url };
    },
  };
}

/** The besluittype of a decision step: its own mapping, else the process's one. */
export function besluittypeOf(link: ZgwProcessLink, nodeId: string): string | undefined {
  return link.besluittypen?.find((b) => b.decision === nodeId)?.besluittype ?? link.besluittype;
}

/** The resultaattype of an outcome: its own mapping, else the process's one. */
export function resultaattypeOf(link: ZgwProcessLink, outcome: string | undefined): string | undefined {
  return (outcome && link.resultaattypen?.find((r) => r.outcome === outcome)?.resultaattype) || link.resultaattype;
}

export type ZgwWriteBack = ReturnType<typeof createZgwWriteBack>;
