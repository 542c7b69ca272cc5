import { currentLang } from '../i18n/i18n';

const locale = () => (currentLang() === 'en' ? 'en-GB' : 'nl-NL');

export function formatDateTime(iso?: string | null): string {
  return iso
    ? new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' })
    : '—';
}

export function formatDate(iso?: string | null): string {
  return iso
    ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString(locale(), {
        dateStyle: 'long',
        timeZone: 'Europe/Amsterdam',
      })
    : '—';
}

export function formatNumber(n: number): string {
  return n.toLocaleString(locale());
}

/** Today in the Netherlands as YYYY-MM-DD (the peildatum and effective dates are Dutch days). */
export function todayInNl(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}
