import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/http';

export interface SignInMethods {
  local: boolean;
  oidc: boolean;
}

const TENANT = /^GM\d{4}$/;

/** Which ways of signing in a municipality offers; local only until a valid code is typed. */
export function useSignInMethods(tenant: string): SignInMethods {
  const [methods, setMethods] = useState<SignInMethods>({ local: true, oidc: false });
  const code = tenant.trim().toUpperCase();
  useEffect(() => {
    if (!TENANT.test(code)) {
      setMethods({ local: true, oidc: false });
      return;
    }
    let live = true;
    api<SignInMethods>('GET', `/api/v1/auth/methods?tenant=${code}`).then(
      (m) => live && setMethods({ local: m.local, oidc: m.oidc }),
      () => live && setMethods({ local: true, oidc: false }),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return methods;
}

/** The refusal the provider's callback sent the browser back with (`?signinError=CODE`), in the user's language. */
export function SignInError() {
  const { t, i18n } = useTranslation();
  const code = new URLSearchParams(window.location.search).get('signinError');
  if (!code || !/^[A-Z_]{3,40}$/.test(code)) return null;
  const key = `signin.errors.${code}`;
  return (
    <div role="alert" className="utrecht-alert utrecht-alert--error">
      <p className="utrecht-paragraph">{i18n.exists(key) ? t(key) : t('signin.errors.OIDC_PROVIDER_ERROR')}</p>
    </div>
  );
}

/** The way in through the municipality's identity provider: a plain link, the server redirects on. */
export function ProviderSignIn({ tenant, methods }: { tenant: string; methods: SignInMethods }) {
  const { t } = useTranslation();
  if (!methods.oidc) return null;
  const returnTo = window.location.pathname === '/' ? '/' : window.location.pathname;
  const href = `/api/v1/auth/oidc/start?tenant=${encodeURIComponent(tenant.trim().toUpperCase())}&returnTo=${encodeURIComponent(returnTo)}`;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">{t('signin.withIdpHelp')}</p>
      <div>
        <a className="utrecht-button utrecht-button--primary-action" href={href}>
          {t('signin.withIdp')}
        </a>
      </div>
      <p className="utrecht-paragraph">{methods.local ? t('signin.orLocal') : t('signin.localOff')}</p>
    </div>
  );
}
