import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../shell/form-field';
import { formatDateTime } from '../shell/format';
import { adminApi, auditQuery, type AuditEvent, type AuditFilter } from './admin-api';
import { ErrorAlert, Td, Th, useAction, useLoaded } from './admin-parts';

const FILTERS: { key: keyof AuditFilter; label: string; type?: string }[] = [
  { key: 'action', label: 'beheer.audit.action' },
  { key: 'actorId', label: 'beheer.audit.actor' },
  { key: 'targetType', label: 'beheer.audit.targetType' },
  { key: 'from', label: 'beheer.audit.from', type: 'date' },
  { key: 'to', label: 'beheer.audit.to', type: 'date' },
];

/** The audit trail of the municipality: search, page back, export what is found as CSV. */
export function AuditPanel() {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const { run, busy } = useAction(setError);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [applied, setApplied] = useState<AuditFilter>({});
  const [items, setItems] = useState<AuditEvent[]>();
  const [next, setNext] = useState<number | null>(null);
  // The trail keeps ids; people read names.
  const users = useLoaded(adminApi.users);
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.username;

  async function load(f: AuditFilter, before?: number) {
    const page = await run(() => adminApi.audit(f, before));
    if (!page) return;
    setItems((prev) => (before !== undefined ? [...(prev ?? []), ...page.items] : page.items));
    setNext(page.nextBefore);
  }
  useEffect(() => void load({}), []); // eslint-disable-line react-hooks/exhaustive-deps -- first page once

  function search(e: FormEvent) {
    e.preventDefault();
    setApplied(filter);
    void load(filter);
  }

  return (
    <div className="stack">
      <h2 className="utrecht-heading-2">{t('beheer.audit.title')}</h2>
      <p className="utrecht-paragraph">{t('beheer.audit.intro')}</p>
      <form className="audit-filters" role="search" onSubmit={search}>
        {FILTERS.map((f) => (
          <FormField key={f.key} label={t(f.label)}>
            {({ id }) => (
              <input
                id={id}
                type={f.type ?? 'text'}
                className="utrecht-textbox utrecht-textbox--html-input"
                value={filter[f.key] ?? ''}
                onChange={(e) => setFilter({ ...filter, [f.key]: e.target.value })}
              />
            )}
          </FormField>
        ))}
        <div className="button-row">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {t('beheer.audit.search')}
          </button>
          <a
            className="utrecht-button utrecht-button--secondary-action"
            href={`/api/v1/audit/export.csv?${auditQuery(applied)}`}
            download
          >
            {t('beheer.audit.export')}
          </a>
        </div>
      </form>
      <ErrorAlert message={error} />
      {items && items.length === 0 && <p className="utrecht-paragraph">{t('beheer.common.none')}</p>}
      {items && items.length > 0 && (
        <table className="utrecht-table">
          <caption className="utrecht-table__caption">{t('beheer.audit.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>{t('beheer.audit.at')}</Th>
              <Th>{t('beheer.audit.who')}</Th>
              <Th>{t('beheer.audit.what')}</Th>
              <Th>{t('beheer.audit.target')}</Th>
              <Th>{t('beheer.audit.why')}</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {items.map((e) => (
              <tr key={e.seq} className="utrecht-table__row">
                <Td>{formatDateTime(e.at)}</Td>
                <Td>
                  {e.actor.kind === 'user' && nameOf(e.actor.id) ? (
                    <span title={e.actor.id}>{nameOf(e.actor.id)}</span>
                  ) : (
                    <>
                      {e.actor.kind}: <code>{e.actor.id}</code>
                    </>
                  )}
                </Td>
                <Td>
                  <code>{e.action}</code>
                </Td>
                <Td>
                  {e.target.type}
                  {e.target.id ? (
                    <>
                      {' '}
                      <code>{e.target.id}</code>
                    </>
                  ) : null}
                </Td>
                <Td>{e.reason ?? '—'}</Td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <div>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={busy}
            onClick={() => void load(applied, next)}
          >
            {t('beheer.audit.more')}
          </button>
        </div>
      )}
    </div>
  );
}
