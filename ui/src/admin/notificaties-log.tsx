import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificatieLogEntry, NotificatieLogPage } from '../../../contract/notificaties-log';
import { api } from '../api/http';
import { formatDateTime } from '../shell/format';
import { ErrorAlert, Td, Th, useLoaded } from './admin-parts';

const page = (cursor?: string) =>
  api<NotificatieLogPage>('GET', `/api/v1/notificaties/log?limit=25${cursor ? `&cursor=${cursor}` : ''}`);

/** What happened to each received notification (GET /api/v1/notificaties/log), newest first. */
export function NotificatiesLog() {
  const { t } = useTranslation();
  const { data, error, setError, reload } = useLoaded(() => page());
  const [more, setMore] = useState<NotificatieLogEntry[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const items = [...(data?.items ?? []), ...more];
  const cursor = next === undefined ? data?.nextCursor : next;

  function result(e: NotificatieLogEntry): string {
    const text = t(`beheer.notificaties.log.result.${e.result}`);
    if (e.result === 'ignored' && e.ignoreReason)
      return `${text}: ${t(`beheer.notificaties.log.reason.${e.ignoreReason}`)}`;
    if (e.result === 'failed' && e.errorCode)
      return `${text}: ${e.errorCode}${e.httpStatus ? ` (HTTP ${e.httpStatus})` : ''}`;
    return text;
  }

  return (
    <section className="stack" aria-labelledby="notificaties-log-title">
      <h3 id="notificaties-log-title" className="utrecht-heading-3">
        {t('beheer.notificaties.log.title')}
      </h3>
      <p className="utrecht-paragraph">{t('beheer.notificaties.log.intro')}</p>
      <ErrorAlert message={error} />
      <div>
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          onClick={() => {
            setMore([]);
            setNext(undefined);
            void reload();
          }}
        >
          {t('beheer.notificaties.log.refresh')}
        </button>
      </div>
      {data && items.length === 0 && <p className="utrecht-paragraph">{t('beheer.notificaties.log.empty')}</p>}
      {items.length > 0 && (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>{t('beheer.notificaties.log.receivedAt')}</Th>
              <Th>{t('beheer.notificaties.channel')}</Th>
              <Th>{t('beheer.notificaties.log.mapping')}</Th>
              <Th>{t('beheer.notificaties.log.mode')}</Th>
              <Th>{t('beheer.notificaties.log.outcome')}</Th>
              <Th>{t('beheer.notificaties.log.case')}</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {items.map((e) => (
              <tr key={e.id} className="utrecht-table__row">
                <Td>{formatDateTime(e.receivedAt)}</Td>
                <Td>
                  <code>
                    {e.kanaal} / {e.resource} / {e.actie}
                  </code>
                </Td>
                <Td>{e.mappingName ?? (e.mappingId ? t('beheer.notificaties.log.mappingGone') : '—')}</Td>
                <Td>{t(`beheer.notificaties.log.modes.${e.mode}`)}</Td>
                <Td>{result(e)}</Td>
                <Td>{e.caseId ? <code>{e.caseId}</code> : '—'}</Td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <div>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              void page(cursor).then(
                (p) => {
                  setMore((m) => [...m, ...p.items]);
                  setNext(p.nextCursor);
                },
                (err: Error) => setError(err.message),
              )
            }
          >
            {t('beheer.notificaties.log.more')}
          </button>
        </div>
      )}
    </section>
  );
}
