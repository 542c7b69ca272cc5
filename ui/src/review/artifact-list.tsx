import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { artifacts, type ArtifactSummary, type ArtifactType } from '../api/artifacts';

/** Rule sets or processes with their latest and effective versions. */
export function ArtifactList({
  type,
  base,
  caption,
  nameHeader,
}: {
  type: ArtifactType;
  base: string;
  caption: string;
  nameHeader: string;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ArtifactSummary[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    artifacts.list(type).then(setItems, (e: Error) => setError(e.message));
  }, [type]);
  if (error)
    return (
      <p role="alert" className="error">
        {t('app.error', { message: error })}
      </p>
    );
  if (!items) return <p>{t('app.loading')}</p>;
  if (items.length === 0) return <p>{t('rulesets.empty')}</p>;
  return (
    <table className="utrecht-table artifact-list">
      <caption className="visually-hidden">{caption}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">
            {nameHeader}
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            {t('rulesets.effective')}
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            {t('rulesets.latest')}
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {items.map((a) => (
          <tr key={a.key} className="utrecht-table__row">
            <td className="utrecht-table__cell">
              <Link className="utrecht-link" to={`${base}/${encodeURIComponent(a.key)}`}>
                {a.name}
              </Link>{' '}
              <code className="key">{a.key}</code>
            </td>
            <td className="utrecht-table__cell">{a.effectiveVersion ?? '—'}</td>
            <td className="utrecht-table__cell">
              {a.latestVersion}
              {a.latestVersion !== a.effectiveVersion
                ? ` (${t('status.draft').toLowerCase()} / ${t('status.in_review').toLowerCase()})`
                : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
