import { currentLang, type Lang } from '../i18n/i18n';

/**
 * The one way the UI writes dates and times: in words ("29 november 2026", "29 november 2026 om
 * 14:05"), always on the clock of the Netherlands. Municipal deadlines, peildata and effective
 * dates are Dutch days; a supervisor abroad or a browser set to UTC must see the same day and hour.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, kind: 'date' | 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}/${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { dateStyle: 'long' }
        : kind === 'dateTime'
          ? { dateStyle: 'long', timeStyle: 'short' }
          : { timeStyle: 'short' };
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

/** A calendar day (YYYY-MM-DD) is that day everywhere: noon UTC falls on the same day in Amsterdam. */
const toDate = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);

/** "29 november 2026"; an instant is shown as its day in the Netherlands. */
export function formatDate(iso?: string | null, lang: Lang = currentLang()): string {
  return iso ? formatter(lang, 'date').format(toDate(iso)) : '—';
}

/** "29 november 2026 om 14:05" (Dutch time). */
export function formatDateTime(iso?: string | null, lang: Lang = currentLang()): string {
  return iso ? formatter(lang, 'dateTime').format(new Date(iso)) : '—';
}

/** "14:05" (Dutch time), for "updated at" within the same day. */
export function formatTime(iso?: string | null, lang: Lang = currentLang()): string {
  return iso ? formatter(lang, 'time').format(new Date(iso)) : '—';
}

export function formatNumber(n: number, lang: Lang = currentLang()): string {
  return n.toLocaleString(LOCALES[lang]);
}

/** Today in the Netherlands as YYYY-MM-DD (the peildatum and effective dates are Dutch days). */
export function todayInNl(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}
