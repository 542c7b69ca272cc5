import type { ByeLaw } from './municipality-profile';

/** Which rule a legal basis belongs to: its rule-set kind and the outcome (event type) it gives. */
export interface LegalBasisContext {
  kind: string;
  eventType: string;
}

export interface UnfilledPlaceholder {
  placeholder: string;
  /** The profile key that would fill it, e.g. `housing-priority` or `artikel-medisch`. */
  key: string;
}

export interface FilledLegalBasis {
  text: string;
  unfilled: UnfilledPlaceholder[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w-]*)\s*\}\}/g;

/** Profile keys that may hold the article for a placeholder, most specific first. */
export function articleKeys(placeholder: string, ctx: LegalBasisContext): string[] {
  const general = [`${ctx.kind}:${ctx.eventType}`, ctx.kind];
  return placeholder === 'artikel' ? general : [placeholder, ...general];
}

/** "2.6.1", "art. 2.6.1" and "artikel 2.6.1" all print as "art. 2.6.1". */
export function formatArticle(value: string): string {
  return `art. ${value.trim().replace(/^(artikel|art\.?)\s*/i, '')}`;
}

/**
 * Fills a rule's legal basis from the municipality's profile: "Huisvestingsverordening
 * {{gemeente}} {{jaar}}, art. {{artikel}}" becomes "Huisvestingsverordening Amsterdam 2024,
 * art. 2.6.1". The bye-law's own name replaces "Huisvestingsverordening {{gemeente}}", so a
 * municipality whose bye-law has another name is cited correctly. A legal basis without
 * placeholders is the municipality's own text and stays as it is.
 */
export function fillLegalBasis(
  template: string,
  municipalityName: string,
  byeLaw: ByeLaw | null,
  ctx: LegalBasisContext,
): FilledLegalBasis {
  const unfilled: UnfilledPlaceholder[] = [];
  let text = template;
  if (byeLaw) text = text.replace(/Huisvestingsverordening\s+\{\{\s*gemeente\s*\}\}/g, byeLaw.name);
  text = text.replace(
    /(art\.\s*)?\{\{\s*(artikel[\w-]*)\s*\}\}/g,
    (whole, _prefix: string | undefined, name: string) => {
      const keys = articleKeys(name, ctx);
      const value = keys
        .map((k) => byeLaw?.articles[k])
        .find((v): v is string => typeof v === 'string' && v.trim() !== '');
      if (value === undefined) {
        // Suggest the key most profiles use: one article per kind, or the rule's own placeholder name.
        unfilled.push({ placeholder: name, key: name === 'artikel' ? ctx.kind : name });
        return whole;
      }
      return formatArticle(value);
    },
  );
  text = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'gemeente') return municipalityName;
    if (name === 'jaar' && byeLaw) return String(byeLaw.year);
    if (!name.startsWith('artikel')) unfilled.push({ placeholder: name, key: name === 'jaar' ? 'byeLaw' : name });
    return whole;
  });
  return { text, unfilled };
}
