import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login, type Session } from '../api/session';
import { ProviderSignIn, SignInError, useSignInMethods } from '../admin/provider-sign-in';
import { FormField } from './form-field';
import { LanguageSwitch } from './language-switch';

/** Sign-in: municipality code, then the municipality's identity provider and/or username and password. */
export function LoginPage({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t, i18n } = useTranslation();
  const [tenant, setTenant] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const methods = useSignInMethods(tenant);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await login(tenant.trim().toUpperCase(), username.trim(), password));
    } catch (err) {
      // A refusal with its own words (local sign-in switched off, municipality disabled); else one message for all.
      const key = `signin.errors.${(err as { code?: string }).code ?? ''}`;
      setError(i18n.exists(key) ? t(key) : t('login.failed'));
      setBusy(false);
    }
  }

  return (
    <div className="login-layout">
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <span className="app-tagline">{t('app.tagline')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main">
        <h1 className="utrecht-heading-1">{t('login.title')}</h1>
        <p className="utrecht-paragraph">{t('login.intro')}</p>
        <SignInError />
        {error && (
          <div role="alert" className="utrecht-alert utrecht-alert--error">
            <p className="utrecht-paragraph">{error}</p>
          </div>
        )}
        <form onSubmit={(e) => void submit(e)} className="stack">
          <FormField label={t('login.tenant')} help={t('login.tenantHelp')}>
            {({ id, describedBy }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                className="utrecht-textbox utrecht-textbox--html-input"
                autoComplete="organization"
                required
                value={tenant}
                onChange={(e) => setTenant(e.target.value)}
              />
            )}
          </FormField>
          <ProviderSignIn tenant={tenant} methods={methods} />
          {methods.local && (
            <>
              <FormField label={t('login.username')}>
                {({ id }) => (
                  <input
                    id={id}
                    className="utrecht-textbox utrecht-textbox--html-input"
                    autoComplete="username"
                    required
                    value={username}
                    onChange={(e) => setUsername(e.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('login.password')}>
                {({ id }) => (
                  <input
                    id={id}
                    type="password"
                    className="utrecht-textbox utrecht-textbox--html-input"
                    autoComplete="current-password"
                    required
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                )}
              </FormField>
              <div>
                <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                  {t('login.submit')}
                </button>
              </div>
            </>
          )}
        </form>
      </main>
    </div>
  );
}
