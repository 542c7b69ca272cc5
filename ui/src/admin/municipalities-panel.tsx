import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../shell/form-field';
import { adminApi } from './admin-api';
import { ErrorAlert, ReasonField, StatusMessage, Td, Th, useAction, useLoaded } from './admin-parts';

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
      {list && (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>{t('beheer.municipalities.code')}</Th>
              <Th>{t('beheer.municipalities.name')}</Th>
              <Th>{t('beheer.common.status')}</Th>
              <Th>{t('beheer.common.actions')}</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {list.map((m) => (
              <tr key={m.id} className="utrecht-table__row">
                <Td>
                  <code>{m.id}</code>
                </Td>
                <Td>{m.name}</Td>
                <Td>{m.disabled ? t('beheer.municipalities.disabled') : t('beheer.common.active')}</Td>
                <Td>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle"
                    disabled={busy}
                    aria-label={`${m.disabled ? t('beheer.municipalities.enable') : t('beheer.municipalities.disable')}: ${m.name}`}
                    onClick={() => {
                      if (m.disabled || window.confirm(t('beheer.common.confirm')))
                        void run(() => adminApi.setMunicipalityDisabled(m.id, !m.disabled, reason)).then(reload);
                    }}
                  >
                    {m.disabled ? t('beheer.municipalities.enable') : t('beheer.municipalities.disable')}
                  </button>
                </Td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="utrecht-heading-3">{t('beheer.municipalities.create')}</h3>
      <form className="stack narrow" onSubmit={(e) => void create(e)}>
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
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {t('beheer.municipalities.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
