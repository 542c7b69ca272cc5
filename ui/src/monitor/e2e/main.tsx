import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/theme.css';
import '@xyflow/react/dist/style.css';
import '../../styles.css';
import { currentSession, type Session } from '../../api/session';
import { i18n } from '../../i18n/i18n';
import { SessionContext } from '../../shell/session-context';
import { MonitorRoutes } from '../index';

/**
 * A minimal host for the monitor's browser test, used until the app shell mounts MonitorRoutes:
 * the session from the cookie, a header, and the routes at /monitor/*.
 */
function Host() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => void currentSession().then((s) => setSession(s ?? null)), []);
  const state = useMemo(() => (session ? { session, refresh: async () => undefined, signOut: async () => undefined } : undefined), [session]);
  if (session === undefined) return <p>Laden…</p>;
  if (!state) return <p>Niet aangemeld.</p>;
  return (
    <SessionContext.Provider value={state}>
      <BrowserRouter>
        <header className="app-header"><span className="app-name">Doorstroom</span><span className="tenant-name">{session.tenantName}</span></header>
        <main id="main">
          <Routes>
            <Route path="monitor/*" element={<MonitorRoutes />} />
            <Route path="*" element={<Navigate to="/monitor" replace />} />
          </Routes>
        </main>
      </BrowserRouter>
    </SessionContext.Provider>
  );
}

document.body.classList.add('utrecht-theme');
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode><I18nextProvider i18n={i18n}><Host /></I18nextProvider></StrictMode>,
);
