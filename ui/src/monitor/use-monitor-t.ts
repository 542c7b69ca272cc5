import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/i18n';
import { pickText, type LocalizedText } from '../i18n/localized-text';

/** The app's translator below the monitor's keys (`monitor.*` in i18n/nl.ts), plus a picker for the server's {nl, en} texts. */
export function useMonitorT() {
  const { t, i18n } = useTranslation('translation', { keyPrefix: 'monitor' });
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return useMemo(
    () => ({
      t,
      lang,
      pick: (text: LocalizedText | null | undefined, fallback = '') => pickText(text, lang, fallback),
    }),
    [t, lang],
  );
}
