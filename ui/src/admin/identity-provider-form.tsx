import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/session';
import { FormField } from '../shell/form-field';
import { adminApi, type IdpSettings, type RoleMapping } from './admin-api';
import { ErrorAlert, ReasonField, StatusMessage, useAction, useLoaded } from './admin-parts';

const ROLES: Role[] = ['designer', 'approver', 'supervisor', 'behandelaar', 'admin'];

const EMPTY: Omit<IdpSettings, 'hasClientSecret'> = {
  issuer: '',
  clientId: '',
  scopes: ['openid', 'profile', 'email'],
  roleClaim: 'groups',
  roleMap: [{ value: '', roles: ['designer'] }],
  enabled: false,
  localLogin: true,
};

/** The municipality's identity provider: issuer, client, scopes, which group gives which role, local sign-in on or off. */
export function IdentityProviderForm() {
  const { t } = useTranslation();
  const { data, error, setError, reload } = useLoaded(adminApi.identityProvider);
  const { run, busy } = useAction(setError);
  const [form, setForm] = useState(EMPTY);
  const [scopes, setScopes] = useState(EMPTY.scopes.join(' '));
  const [secret, setSecret] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data?.settings) {
      const { hasClientSecret: _h, ...rest } = data.settings;
      setForm(rest);
      setScopes(rest.scopes.join(' '));
    }
  }, [data]);

  const setLine = (i: number, line: RoleMapping) =>
    setForm({ ...form, roleMap: form.roleMap.map((l, j) => (j === i ? line : l)) });

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const body = {
      ...form,
      scopes: scopes.split(/\s+/).filter(Boolean),
      roleMap: form.roleMap.filter((l) => l.value.trim() && l.roles.length > 0),
      ...(secret ? { clientSecret: secret } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    if (await run(() => adminApi.saveIdentityProvider(body))) {
      setSecret('');
      setSaved(true);
      await reload();
    }
  }

  const text = (key: 'issuer' | 'clientId' | 'roleClaim', label: string, help?: string, type = 'text') => (
    <FormField label={label} help={help}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type={type}
          aria-describedby={describedBy}
          className="utrecht-textbox utrecht-textbox--html-input"
          required
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <section aria-labelledby="idp-title" className="stack">
      <h2 id="idp-title" className="utrecht-heading-2">
        {t('beheer.municipality.idpTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('beheer.municipality.idpIntro')}</p>
      <ErrorAlert message={error} />
      {saved && <StatusMessage>{t('beheer.common.saved')}</StatusMessage>}
      {data && (
        <form className="stack narrow" onSubmit={(e) => void save(e)}>
          <FormField label={t('beheer.municipality.redirectUri')}>
            {({ id }) => (
              <input
                id={id}
                readOnly
                className="utrecht-textbox utrecht-textbox--html-input"
                value={data.redirectUri}
              />
            )}
          </FormField>
          <FormField label={t('beheer.municipality.postLogoutUri')}>
            {({ id }) => (
              <input
                id={id}
                readOnly
                className="utrecht-textbox utrecht-textbox--html-input"
                value={data.postLogoutRedirectUri}
              />
            )}
          </FormField>
          <FormField label={t('beheer.municipality.backchannelLogoutUri')}>
            {({ id }) => (
              <input
                id={id}
                readOnly
                className="utrecht-textbox utrecht-textbox--html-input"
                value={data.backchannelLogoutUri}
              />
            )}
          </FormField>
          {text('issuer', t('beheer.municipality.issuer'), undefined, 'url')}
          {text('clientId', t('beheer.municipality.clientId'))}
          <FormField
            label={t('beheer.municipality.clientSecret')}
            help={`${t('beheer.municipality.clientSecretHelp')}${data.settings?.hasClientSecret ? ` ${t('beheer.municipality.clientSecretStored')}` : ''}`}
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                type="password"
                autoComplete="off"
                aria-describedby={describedBy}
                className="utrecht-textbox utrecht-textbox--html-input"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('beheer.municipality.scopes')}>
            {({ id }) => (
              <input
                id={id}
                className="utrecht-textbox utrecht-textbox--html-input"
                value={scopes}
                onChange={(e) => setScopes(e.target.value)}
              />
            )}
          </FormField>
          {text('roleClaim', t('beheer.municipality.roleClaim'), t('beheer.municipality.roleClaimHelp'))}
          <fieldset className="utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">{t('beheer.municipality.roleMap')}</legend>
            {form.roleMap.map((line, i) => (
              <div key={i} className="role-map-line stack">
                <FormField label={`${t('beheer.municipality.group')} ${i + 1}`}>
                  {({ id }) => (
                    <input
                      id={id}
                      className="utrecht-textbox utrecht-textbox--html-input"
                      value={line.value}
                      onChange={(e) => setLine(i, { ...line, value: e.target.value })}
                    />
                  )}
                </FormField>
                <div role="group" aria-label={`${t('admin.roles')} ${i + 1}`}>
                  {ROLES.map((r) => (
                    <label key={r} className="checkbox-label">
                      <input
                        type="checkbox"
                        className="utrecht-checkbox utrecht-checkbox--html-input"
                        checked={line.roles.includes(r)}
                        onChange={(e) =>
                          setLine(i, {
                            ...line,
                            roles: e.target.checked ? [...line.roles, r] : line.roles.filter((x) => x !== r),
                          })
                        }
                      />{' '}
                      {t(`roles.${r}`)}
                    </label>
                  ))}
                </div>
                <div>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle"
                    onClick={() => setForm({ ...form, roleMap: form.roleMap.filter((_, j) => j !== i) })}
                  >
                    {t('beheer.municipality.removeMapping', { group: line.value || i + 1 })}
                  </button>
                </div>
              </div>
            ))}
            <div>
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() => setForm({ ...form, roleMap: [...form.roleMap, { value: '', roles: [] }] })}
              >
                {t('beheer.municipality.addMapping')}
              </button>
            </div>
          </fieldset>
          <label className="checkbox-label">
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={form.enabled}
              onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
            />{' '}
            {t('beheer.municipality.enabled')}
          </label>
          <FormField label={t('beheer.municipality.localLogin')} help={t('beheer.municipality.localLoginHelp')}>
            {({ id, describedBy }) => (
              <input
                id={id}
                type="checkbox"
                aria-describedby={describedBy}
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={form.localLogin}
                onChange={(e) => setForm({ ...form, localLogin: e.target.checked })}
              />
            )}
          </FormField>
          <ReasonField value={reason} onChange={setReason} />
          <div>
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              {t('beheer.municipality.saveIdp')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
