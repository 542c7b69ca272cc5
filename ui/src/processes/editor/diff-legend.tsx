import { useTranslation } from 'react-i18next';
import type { DefinitionDiff } from '../model/definition-diff';

/** What the colours on the graph mean, and how many steps differ from the published version. */
export function DiffLegend({ diff, publishedVersion }: { diff: DefinitionDiff; publishedVersion?: number }) {
  const { t } = useTranslation();
  const count = (m: string) => [...diff.marks.values()].filter((v) => v === m).length;
  const changed = count('changed');
  const added = count('added');
  const removed = diff.removed.length;
  return (
    <p className="pd-legend" data-testid="diff-legend">
      {changed + added + removed === 0
        ? t('designer.noDiff', { version: publishedVersion ?? '' })
        : t('designer.diffSummary', { version: publishedVersion ?? '', changed, added, removed })}{' '}
      <span className="pd-badge pd-badge--changed">{t('designer.diff.changed')}</span>{' '}
      <span className="pd-badge pd-badge--added">{t('designer.diff.added')}</span>{' '}
      <span className="pd-badge pd-badge--removed">{t('designer.diff.removed')}</span>
    </p>
  );
}
