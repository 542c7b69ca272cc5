import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { PageSuspense } from './lazy-page';
import { useSession } from './session-context';

const NAV = [
  { to: '/regels', key: 'nav.rules' },
  { to: '/processen', key: 'nav.processes' },
  { to: '/monitor', key: 'nav.monitor' },
  { to: '/beheer', key: 'nav.admin' },
] as const;

/** Header with the municipality's name, the main navigation and the signed-in user. */
export function AppShell() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const { pathname } = useLocation();
  const name = session.user.displayName ?? session.user.username;
  return (
    <div className="shell">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <span className="tenant-name" data-testid="tenant-name">
          {session.tenantName}
        </span>
        <span className="spacer" />
        <span className="user-name">
          {t('session.signedInAs', { name })} ({session.roles.map((r) => t(`roles.${r}`)).join(', ')})
        </span>
        <LanguageSwitch />
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => void signOut()}>
          {t('session.logout')}
        </button>
      </header>
      <nav aria-label={t('nav.label')} className="main-nav">
        <ul>
          {NAV.map((n) => (
            <li key={n.to}>
              <NavLink to={n.to} className={({ isActive }) => (isActive ? 'active' : '')}>
                {t(n.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <PageSuspense resetKey={pathname}>
          <Outlet />
        </PageSuspense>
      </main>
    </div>
  );
}
