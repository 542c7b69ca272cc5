import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { artifacts, type ArtifactType, type FieldChange, type VersionDiff } from '../api/artifacts';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The structural diff of two versions as a list: per rule or step, what was added, removed, changed or moved. */
export function DiffView({
  type,
  artifactKey,
  from,
  to,
}: {
  type: ArtifactType;
  artifactKey: string;
  from: number;
  to: number;
}) {
  const { t } = useTranslation();
  const [diff, setDiff] = useState<VersionDiff>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    artifacts.diff(type, artifactKey, from, to).then(setDiff, (e: Error) => setError(e.message));
  }, [type, artifactKey, from, to]);
  if (error) return <p className="error">{t('app.error', { message: error })}</p>;
  if (!diff) return <p>{t('app.loading')}</p>;
  const rows: Array<{ item: string; change: string; field: FieldChange }> = [
    ...diff.items.flatMap((i) =>
      (i.fields?.length ? i.fields : [{ path: '' }]).map((f) => ({ item: i.key, change: i.change, field: f })),
    ),
    ...diff.other.map((f) => ({ item: '', change: 'changed', field: f })),
  ];
  return (
    <div className="diff">
      <h3 className="utrecht-heading-3">{t('review.diff', { from })}</h3>
      {rows.length === 0 ? (
        <p>{t('review.noDiff')}</p>
      ) : (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t('review.field')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('review.status')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('review.before')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('review.after')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r, i) => (
              <tr key={i} className={`utrecht-table__row diff--${r.change}`}>
                <td className="utrecht-table__cell">
                  <code>
                    {r.item}
                    {r.field.path}
                  </code>
                </td>
                <td className="utrecht-table__cell">{t(`review.${r.change as 'added'}`)}</td>
                <td className="utrecht-table__cell diff-before">
                  {r.field.path === '' && r.change === 'added' ? '—' : show(r.field.before)}
                </td>
                <td className="utrecht-table__cell diff-after">
                  {r.field.path === '' && r.change === 'added' ? '—' : show(r.field.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
