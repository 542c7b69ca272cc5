import { useTranslation } from 'react-i18next';
import type { ArtifactVersion } from '../api/artifacts';

const TONE = {
  draft: 'neutral',
  in_review: 'warning',
  published: 'success',
  rejected: 'danger',
  retired: 'inactive',
} as const;

export function StatusBadge({ version }: { version: Pick<ArtifactVersion, 'status' | 'scheduled'> }) {
  const { t } = useTranslation();
  const key = version.status === 'published' && version.scheduled ? 'scheduled' : version.status;
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${TONE[version.status]} status-${version.status}`}>
      {t(`status.${key}`)}
    </span>
  );
}
