import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shell/format';
import { adminApi } from './admin-api';
import { ErrorAlert, Td, Th, useAction, useLoaded } from './admin-parts';

/** Live sessions of the municipality; an administrator ends one (audited). */
export function SessionsPanel() {
  const { t } = useTranslation();
  const { data: sessions, error, setError, reload } = useLoaded(adminApi.sessions);
  const { run, busy } = useAction(setError);
  return (
    <div className="stack">
      <h2 className="utrecht-heading-2">{t('beheer.sessions.title')}</h2>
      <p className="utrecht-paragraph">{t('beheer.sessions.intro')}</p>
      <ErrorAlert message={error} />
      {sessions && (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>{t('beheer.sessions.user')}</Th>
              <Th>{t('beheer.sessions.started')}</Th>
              <Th>{t('beheer.sessions.lastSeen')}</Th>
              <Th>{t('beheer.sessions.expires')}</Th>
              <Th>{t('beheer.sessions.via')}</Th>
              <Th>{t('beheer.common.actions')}</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {sessions.map((s) => (
              <tr key={s.id} className="utrecht-table__row">
                <Td>{s.username}</Td>
                <Td>{formatDateTime(s.createdAt)}</Td>
                <Td>{formatDateTime(s.lastSeenAt)}</Td>
                <Td>{formatDateTime(s.expiresAt)}</Td>
                <Td>{s.identityProvider ? t('beheer.users.idp') : t('beheer.users.local')}</Td>
                <Td>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle"
                    disabled={busy}
                    aria-label={`${t('beheer.sessions.end')}: ${s.username}, ${formatDateTime(s.createdAt)}`}
                    onClick={() => void run(() => adminApi.endSession(s.id)).then(reload)}
                  >
                    {t('beheer.sessions.end')}
                  </button>
                </Td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
