import { useTranslation } from 'react-i18next';

/** The route slot /monitor; the supervisors' monitor (ui/src/monitor/**) replaces this. */
export function MonitorPlaceholder() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="monitor-title">
      <h1 id="monitor-title" className="utrecht-heading-1">{t('monitor.title')}</h1>
      <p className="utrecht-paragraph">{t('monitor.placeholder')}</p>
    </section>
  );
}
