import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '../../../contract/auth';
import { FormField } from '../shell/form-field';
import { formatDateTime } from '../shell/format';
import { adminApi } from './admin-api';
import { AdminCreateForm, AdminTable, CheckboxGroup, RowAction } from './admin-list';
import { ErrorAlert, ReasonField, SecretOnce, useAction, useLoaded } from './admin-parts';

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
      <AdminTable
        rows={keys}
        rowKey={(k) => k.id}
        emptyText={t('beheer.common.none')}
        columns={[
          { header: t('beheer.apiKeys.name'), cell: (k) => k.name },
          { header: t('beheer.apiKeys.prefix'), cell: (k) => <code>{k.prefix}…</code> },
          {
            header: t('beheer.apiKeys.permissions'),
            cell: (k) => k.permissions.map((p) => t(`beheer.permissions.${p}`, { nsSeparator: false })).join(', '),
          },
          { header: t('beheer.common.created'), cell: (k) => formatDateTime(k.createdAt) },
          {
            header: t('beheer.apiKeys.lastUsed'),
            cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('beheer.common.never')),
          },
          {
            header: t('beheer.common.status'),
            cell: (k) => (k.revokedAt ? t('beheer.apiKeys.revoked') : t('beheer.common.active')),
          },
          {
            header: t('beheer.common.actions'),
            cell: (k) =>
              !k.revokedAt && (
                <RowAction
                  label={t('beheer.apiKeys.revoke')}
                  of={k.name}
                  disabled={busy}
                  confirm
                  onClick={() => void run(() => adminApi.revokeApiKey(k.id)).then(reload)}
                />
              ),
          },
        ]}
      />
      <AdminCreateForm
        title={t('beheer.apiKeys.create')}
        onSubmit={(e) => void create(e)}
        disabled={busy || permissions.length === 0}
      >
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
        <CheckboxGroup
          legend={t('beheer.apiKeys.permissions')}
          options={PERMISSIONS}
          value={permissions}
          onChange={setPermissions}
          label={(p) => (
            <>
              {t(`beheer.permissions.${p}`, { nsSeparator: false })} <code>{p}</code>
            </>
          )}
        />
        <ReasonField value={reason} onChange={setReason} />
      </AdminCreateForm>
    </div>
  );
}
