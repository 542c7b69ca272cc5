import { useTranslation } from 'react-i18next';
import { ArtifactList } from '../review/artifact-list';

export function RuleSetListPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rs-title">
      <h1 id="rs-title" className="utrecht-heading-1">
        {t('rulesets.title')}
      </h1>
      <p className="utrecht-paragraph">{t('rulesets.intro')}</p>
      <ArtifactList type="rulesets" base="/regels" caption={t('rulesets.caption')} nameHeader={t('rulesets.name')} />
    </section>
  );
}
