import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export type Lang = 'nl' | 'en';
const STORAGE_KEY = 'doorstroom.lang';

function initialLanguage(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** Dutch by default; the choice of English is remembered in this browser only. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function setLanguage(lang: Lang): void {
  void i18n.changeLanguage(lang);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export const currentLang = (): Lang => (i18n.language === 'en' ? 'en' : 'nl');
