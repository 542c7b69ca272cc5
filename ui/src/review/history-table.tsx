import { useTranslation } from 'react-i18next';
import type { ArtifactVersion } from '../api/artifacts';
import { formatDate, formatDateTime } from '../shell/format';
import { personName, type People } from './person-name';
import { StatusBadge } from './status-badge';

/** Every version with who did what, when and why. */
export function HistoryTable({ versions, people, me }: { versions: ArtifactVersion[]; people: People; me: string }) {
  const { t } = useTranslation();
  const who = (id: string | null) =>
    id === null ? '—' : id === me ? `${personName(people, id)} (u)` : personName(people, id);
  return (
    <table className="utrecht-table history">
      <caption className="visually-hidden">{t('review.caption')}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">
            {t('review.version')}
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            {t('review.status')}
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            {t('review.author')}
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            {t('review.when')}
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            {t('review.comment')}
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            {t('review.effectiveFrom')}
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {[...versions]
          .sort((a, b) => b.version - a.version)
          .map((v) => (
            <tr key={v.version} className="utrecht-table__row">
              <td className="utrecht-table__cell">{v.version}</td>
              <td className="utrecht-table__cell">
                <StatusBadge version={v} />
              </td>
              <td className="utrecht-table__cell">
                {who(v.authorId)}
                {v.reviewedBy ? ` / ${who(v.reviewedBy)}` : ''}
              </td>
              <td className="utrecht-table__cell">{formatDateTime(v.reviewedAt ?? v.submittedAt ?? v.updatedAt)}</td>
              <td className="utrecht-table__cell">
                {[v.submitComment, v.reviewComment, v.retireReason].filter(Boolean).join(' — ') || '—'}
              </td>
              <td className="utrecht-table__cell">{formatDate(v.effectiveFrom)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
