import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AdminPage } from './admin/admin-page';
import { currentSession, logout, type Session } from './api/session';
import { CasesPage } from './cases/cases-page';
import { ProcessDesignerPage } from './processes/process-designer-page';
import { ProcessListPage } from './processes/process-list-page';
import { RuleSetEditorPage } from './rulesets/editor/ruleset-editor-page';
import { RuleSetListPage } from './rulesets/ruleset-list-page';
import { AppShell } from './shell/app-shell';
import { ChangePasswordPage } from './shell/change-password-page';
import { LoginPage } from './shell/login-page';
import { MonitorRoutes } from './monitor';
import { SessionContext, type SessionState } from './shell/session-context';

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
              <Route path="zaken" element={<CasesPage />} />
              <Route path="beheer" element={<AdminPage />} />
              <Route path="*" element={<Navigate to="/regels" replace />} />
            </Route>
          </Routes>
        )}
      </BrowserRouter>
    </SessionContext.Provider>
  );
}
