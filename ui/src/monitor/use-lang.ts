import { useTranslation } from 'react-i18next';
import type { Text } from './api';
import { MONITOR_NS } from './i18n';

/** The monitor's translator plus a picker for the server's {nl, en} texts. */
export function useMonitorT() {
  const { t, i18n } = useTranslation(MONITOR_NS);
  const en = i18n.language === 'en';
  const pick = (text: Text | null | undefined, fallback = ''): string => (text ? (en ? text.en : text.nl) : fallback);
  const locale = en ? 'en-GB' : 'nl-NL';
  const dateTime = (iso?: string | null) =>
    iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  const date = (iso?: string | null) =>
    iso
      ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString(locale, { dateStyle: 'medium' })
      : '—';
  // Dates in words ("1 februari 2026", "1 februari 2026 om 14:05") where a person reads them, not in tables.
  const longDate = (iso?: string | null) =>
    iso
      ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString(locale, {
          dateStyle: 'long',
          ...(iso.length === 10 ? { timeZone: 'UTC' } : {}),
        })
      : '—';
  const longDateTime = (iso?: string | null) =>
    iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' }) : '—';
  return { t, pick, dateTime, date, longDate, longDateTime, en, lang: (en ? 'en' : 'nl') as 'nl' | 'en' };
}
