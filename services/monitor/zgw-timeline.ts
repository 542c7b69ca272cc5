import type { ZgwWrite, ZgwWriteKind } from '../zgw/zgw-sync-store';

type Text = { nl: string; en: string };

export interface TimelineEntry {
  at: string;
  type: string;
  nodeId: string | null;
  text: Text;
}

/** What each write-back did, in words; the links of a document to zaak and besluit are part of storing it. */
const DONE: Record<Exclude<ZgwWriteKind, 'document-linked'>, (step: Text) => Text> = {
  'zaak-created': () => ({ nl: 'Zaak aangemaakt in het zaaksysteem', en: 'Zaak created in the case system' }),
  'zaak-linked': () => ({
    nl: 'Gekoppeld aan de zaak in het zaaksysteem',
    en: 'Linked to the zaak in the case system',
  }),
  'status-set': (step) => ({
    nl: `Status gezet in het zaaksysteem: “${step.nl}”`,
    en: `Status set in the case system: “${step.en}”`,
  }),
  'besluit-registered': () => ({
    nl: 'Besluit geregistreerd in het zaaksysteem',
    en: 'Besluit registered in the case system',
  }),
  'document-stored': () => ({
    nl: 'Besluit-PDF opgeslagen in het zaaksysteem',
    en: 'Besluit PDF stored in the case system',
  }),
  'resultaat-set': () => ({ nl: 'Resultaat gezet in het zaaksysteem', en: 'Resultaat set in the case system' }),
  'zaak-closed': () => ({ nl: 'Zaak afgesloten in het zaaksysteem', en: 'Zaak closed in the case system' }),
  'zaak-cancelled': () => ({
    nl: 'Zaak afgesloten in het zaaksysteem als geannuleerd',
    en: 'Zaak closed in the case system as cancelled',
  }),
  'zaak-left-open': () => ({
    nl: 'Zaak blijft open in het zaaksysteem: voor een geannuleerde zaak is geen resultaattype ingesteld (Beheer → ZGW-koppeling)',
    en: 'Zaak stays open in the case system: no resultaattype is set for a cancelled case (Beheer → ZGW-koppeling)',
  }),
};

/**
 * The ZGW write-back's rows (migration 0018) as entries of the case timeline: done in words, a
 * failing write with its code and the attempts so far — a refusal (ZGW_REFUSED) is not tried
 * again, an unreachable system (ZGW_UNAVAILABLE) is.
 */
export function zgwTimeline(writes: ZgwWrite[], stepLabel: (nodeId: string) => Text): TimelineEntry[] {
  return writes.flatMap((w): TimelineEntry[] => {
    if (w.kind === 'document-linked') return [];
    const text = DONE[w.kind](stepLabel(w.nodeId ?? ''));
    if (w.state === 'done') return [{ at: w.at, type: `zgw-${w.kind}`, nodeId: w.nodeId, text }];
    const retried = w.errorCode !== 'ZGW_REFUSED';
    return [
      {
        at: w.at,
        type: `zgw-${w.kind}-failing`,
        nodeId: w.nodeId,
        text: {
          nl: `Mislukt: ${lower(text.nl)} (${w.errorCode ?? 'onbekend'}, ${w.attempts} ${w.attempts === 1 ? 'poging' : 'pogingen'}${retried ? '; wordt opnieuw geprobeerd' : '; geweigerd, wordt niet opnieuw geprobeerd'})`,
          en: `Failed: ${lower(text.en)} (${w.errorCode ?? 'unknown'}, ${w.attempts} ${w.attempts === 1 ? 'attempt' : 'attempts'}${retried ? '; retrying' : '; refused, not retried'})`,
        },
      },
    ];
  });
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Merges entries by time; of equal times the case's own entry comes first. */
export function mergeTimeline(own: TimelineEntry[], zgw: TimelineEntry[]): TimelineEntry[] {
  if (zgw.length === 0) return own;
  return [...own.map((e, i) => ({ e, k: 0, i })), ...zgw.map((e, i) => ({ e, k: 1, i }))]
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.k - b.k || a.i - b.i))
    .map((x) => x.e);
}
