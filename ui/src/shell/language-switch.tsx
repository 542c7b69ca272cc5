import { useTranslation } from 'react-i18next';
import { currentLang, setLanguage } from '../i18n/i18n';

/** One button to the other language, named in that language so a reader of it finds it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = currentLang() === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--subtle lang-switch"
      lang={other}
      onClick={() => setLanguage(other)}
    >
      {t('lang.switchTo')}
    </button>
  );
}
