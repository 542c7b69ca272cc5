import { useTranslation } from 'react-i18next';
import { ArtifactList } from '../review/artifact-list';

export function ProcessListPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="proc-title">
      <h1 id="proc-title" className="utrecht-heading-1">
        {t('processes.title')}
      </h1>
      <p className="utrecht-paragraph">{t('processes.intro')}</p>
      <ArtifactList
        type="definitions"
        base="/processen"
        caption={t('processes.caption')}
        nameHeader={t('processes.name')}
      />
    </section>
  );
}
