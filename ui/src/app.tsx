import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { currentSession, logout, type Session } from './api/session';
import { AppShell } from './shell/app-shell';
import { lazyPage } from './shell/lazy-page';
import { LoginPage } from './shell/login-page';
import { SessionContext, type SessionState } from './shell/session-context';

const RuleSetListPage = lazyPage(() => import('./rulesets/ruleset-list-page'), 'RuleSetListPage');
const RuleSetEditorPage = lazyPage(() => import('./rulesets/editor/ruleset-editor-page'), 'RuleSetEditorPage');
const ProcessListPage = lazyPage(() => import('./processes/process-list-page'), 'ProcessListPage');
const ProcessDesignerPage = lazyPage(() => import('./processes/process-designer-page'), 'ProcessDesignerPage');
const MonitorRoutes = lazyPage(() => import('./monitor'), 'MonitorRoutes');
const AdminPage = lazyPage(() => import('./admin/admin-page'), 'AdminPage');
const ChangePasswordPage = lazyPage(() => import('./shell/change-password-page'), 'ChangePasswordPage');

/** The case list moved into the monitor: old links (/zaken, /zaken/…?filter) land on the same place there. */
function ToMonitorCases() {
  const { pathname, search } = useLocation();
  return <Navigate to={`/monitor${pathname}${search}`} replace />;
}

/** Signed out: the login page. One-time password: change it first. Otherwise the shell and its routes. */
export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  const refresh = useCallback(async () => setSession((await currentSession()) ?? null), []);
  useEffect(() => void refresh(), [refresh]);
  const state = useMemo<SessionState | undefined>(
    () =>
      session
        ? {
            session,
            refresh,
            signOut: async () => {
              await logout().catch(() => undefined);
              setSession(null);
            },
          }
        : undefined,
    [session, refresh],
  );

  if (session === undefined) return <p className="loading">{t('app.loading')}</p>;
  if (!state) return <LoginPage onSignedIn={setSession} />;
  return (
    <SessionContext.Provider value={state}>
      <BrowserRouter>
        {state.session.mustChangePassword ? (
          <Routes>
            <Route element={<AppShell />}>
              <Route path="*" element={<ChangePasswordPage onChanged={refresh} />} />
            </Route>
          </Routes>
        ) : (
          <Routes>
            <Route element={<AppShell />}>
              <Route index element={<Navigate to="/regels" replace />} />
              <Route path="regels" element={<RuleSetListPage />} />
              <Route path="regels/:key" element={<RuleSetEditorPage />} />
              <Route path="processen" element={<ProcessListPage />} />
              <Route path="processen/:key" element={<ProcessDesignerPage />} />
              <Route path="monitor/*" element={<MonitorRoutes />} />
              <Route path="zaken/*" element={<ToMonitorCases />} />
              <Route path="beheer" element={<AdminPage />} />
              <Route path="*" element={<Navigate to="/regels" replace />} />
            </Route>
          </Routes>
        )}
      </BrowserRouter>
    </SessionContext.Provider>
  );
}
