import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '../../../contract/auth';
import { FormField } from '../shell/form-field';
import { formatDateTime } from '../shell/format';
import { adminApi } from './admin-api';
import { ErrorAlert, ReasonField, SecretOnce, Td, Th, useAction, useLoaded } from './admin-parts';

/** API keys of the municipality's systems: create with permissions (secret shown once), revoke, last use. */
export function ApiKeysPanel() {
  const { t } = useTranslation();
  const { data: keys, error, setError, reload } = useLoaded(adminApi.apiKeys);
  const { run, busy } = useAction(setError);
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<Permission[]>(['cases:start', 'cases:events', 'cases:read']);
  const [reason, setReason] = useState('');
  const [created, setCreated] = useState<{ name: string; secret: string }>();

  async function create(e: FormEvent) {
    e.preventDefault();
    const res = await run(() => adminApi.createApiKey(name.trim(), permissions, reason));
    if (!res) return;
    setCreated({ name: res.apiKey.name, secret: res.secret });
    setName('');
    setReason('');
    await reload();
  }

  return (
    <div className="stack">
      <h2 className="utrecht-heading-2">{t('beheer.apiKeys.title')}</h2>
      <p className="utrecht-paragraph">{t('beheer.apiKeys.intro')}</p>
      <ErrorAlert message={error} />
      {created && (
        <SecretOnce
          intro={t('beheer.apiKeys.createdFor', { name: created.name })}
          secret={created.secret}
          onDone={() => setCreated(undefined)}
        />
      )}
      {keys && keys.length === 0 && <p className="utrecht-paragraph">{t('beheer.common.none')}</p>}
      {keys && keys.length > 0 && (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>{t('beheer.apiKeys.name')}</Th>
              <Th>{t('beheer.apiKeys.prefix')}</Th>
              <Th>{t('beheer.apiKeys.permissions')}</Th>
              <Th>{t('beheer.common.created')}</Th>
              <Th>{t('beheer.apiKeys.lastUsed')}</Th>
              <Th>{t('beheer.common.status')}</Th>
              <Th>{t('beheer.common.actions')}</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {keys.map((k) => (
              <tr key={k.id} className="utrecht-table__row">
                <Td>{k.name}</Td>
                <Td>
                  <code>{k.prefix}…</code>
                </Td>
                <Td>{k.permissions.map((p) => t(`beheer.permissions.${p}`, { nsSeparator: false })).join(', ')}</Td>
                <Td>{formatDateTime(k.createdAt)}</Td>
                <Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('beheer.common.never')}</Td>
                <Td>{k.revokedAt ? t('beheer.apiKeys.revoked') : t('beheer.common.active')}</Td>
                <Td>
                  {!k.revokedAt && (
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      aria-label={`${t('beheer.apiKeys.revoke')}: ${k.name}`}
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm(t('beheer.common.confirm')))
                          void run(() => adminApi.revokeApiKey(k.id)).then(reload);
                      }}
                    >
                      {t('beheer.apiKeys.revoke')}
                    </button>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="utrecht-heading-3">{t('beheer.apiKeys.create')}</h3>
      <form className="stack narrow" onSubmit={(e) => void create(e)}>
        <FormField label={t('beheer.apiKeys.name')}>
          {({ id }) => (
            <input
              id={id}
              className="utrecht-textbox utrecht-textbox--html-input"
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </FormField>
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('beheer.apiKeys.permissions')}</legend>
          {PERMISSIONS.map((p) => (
            <label key={p} className="checkbox-label">
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={permissions.includes(p)}
                onChange={(e) =>
                  setPermissions(e.target.checked ? [...permissions, p] : permissions.filter((x) => x !== p))
                }
              />{' '}
              {t(`beheer.permissions.${p}`, { nsSeparator: false })} <code>{p}</code>
            </label>
          ))}
        </fieldset>
        <ReasonField value={reason} onChange={setReason} />
        <div>
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={busy || permissions.length === 0}
          >
            {t('beheer.apiKeys.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
