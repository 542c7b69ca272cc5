import type { LocalizedText } from '../../../rules/localized-text';
import type { Lang } from './i18n';

/** The server's words come as {nl, en} (rules/localized-text.ts): one type for the whole UI. */
export type { LocalizedText };

/** The text in the reader's language; Dutch where the English is missing, `fallback` where there is none. */
export function pickText(text: Partial<LocalizedText> | null | undefined, lang: Lang, fallback = ''): string {
  return (text?.[lang] || text?.nl) ?? fallback;
}
