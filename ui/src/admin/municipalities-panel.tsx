import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../shell/form-field';
import { adminApi } from './admin-api';
import { AdminCreateForm, AdminTable, RowAction } from './admin-list';
import { ErrorAlert, ReasonField, StatusMessage, useAction, useLoaded } from './admin-parts';

/** National administration: municipalities from the CBS list, disabled and enabled again. */
export function MunicipalitiesPanel() {
  const { t } = useTranslation();
  const { data: list, error, setError, reload } = useLoaded(adminApi.municipalities);
  const cbs = useLoaded(adminApi.cbsList);
  const { run, busy } = useAction(setError);
  const [code, setCode] = useState('');
  const [adminUsername, setAdminUsername] = useState('beheerder');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string>();
  const available = cbs.data?.items.filter((m) => !m.exists && !list?.some((l) => l.id === m.code)) ?? [];

  async function create(e: FormEvent) {
    e.preventDefault();
    const chosen = cbs.data?.items.find((m) => m.code === code);
    if (!chosen) return;
    const res = await run(() => adminApi.createMunicipality(chosen.code, chosen.name, adminUsername.trim()));
    if (!res) return;
    setMessage(
      res.admin?.oneTimePassword
        ? t('beheer.municipalities.createdWith', {
            name: res.tenant.name,
            username: res.admin.user.username,
            password: res.admin.oneTimePassword,
          })
        : t('beheer.municipalities.createdNoAdmin', { name: res.tenant.name }),
    );
    setCode('');
    await Promise.all([reload(), cbs.reload()]);
  }

  return (
    <div className="stack">
      <h2 className="utrecht-heading-2">{t('beheer.municipalities.title')}</h2>
      <p className="utrecht-paragraph">{t('beheer.municipalities.intro')}</p>
      <ErrorAlert message={error ?? cbs.error} />
      <StatusMessage>{message}</StatusMessage>
      <AdminTable
        rows={list}
        rowKey={(m) => m.id}
        columns={[
          { header: t('beheer.municipalities.code'), cell: (m) => <code>{m.id}</code> },
          { header: t('beheer.municipalities.name'), cell: (m) => m.name },
          {
            header: t('beheer.common.status'),
            cell: (m) => (m.disabled ? t('beheer.municipalities.disabled') : t('beheer.common.active')),
          },
          {
            header: t('beheer.common.actions'),
            cell: (m) => (
              <RowAction
                label={m.disabled ? t('beheer.municipalities.enable') : t('beheer.municipalities.disable')}
                of={m.name}
                disabled={busy}
                // Disabling asks first; enabling again does not.
                confirm={!m.disabled}
                onClick={() => void run(() => adminApi.setMunicipalityDisabled(m.id, !m.disabled, reason)).then(reload)}
              />
            ),
          },
        ]}
      />
      <AdminCreateForm title={t('beheer.municipalities.create')} onSubmit={(e) => void create(e)} disabled={busy}>
        <FormField label={t('beheer.municipalities.choose', { year: cbs.data?.year ?? '' })}>
          {({ id }) => (
            <select
              id={id}
              className="utrecht-select utrecht-select--html-select"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            >
              <option value="">—</option>
              {available.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name} ({m.code}, {m.province})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('beheer.municipalities.adminUsername')}>
          {({ id }) => (
            <input
              id={id}
              className="utrecht-textbox utrecht-textbox--html-input"
              value={adminUsername}
              onChange={(e) => setAdminUsername(e.target.value)}
            />
          )}
        </FormField>
        <ReasonField value={reason} onChange={setReason} />
      </AdminCreateForm>
    </div>
  );
}
