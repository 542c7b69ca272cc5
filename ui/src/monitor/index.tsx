import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { useHasRole } from '../shell/session-context';
import { AlertsPage } from './alerts-page';
import { CaseListPage } from './case-list-page';
import { CasePage } from './case-page';
import { DashboardPage } from './dashboard-page';
import { registerMonitorTranslations } from './i18n';
import { QuotaSetupPage } from './quota-setup-page';
import { useMonitorT } from './use-lang';
import './monitor.css';

export { monitorResources, registerMonitorTranslations } from './i18n';

function MonitorNav() {
  const { t } = useMonitorT();
  const isAdmin = useHasRole('admin');
  // Links from the mount point (e.g. /monitor), wherever below it the user is.
  const splat = useParams()['*'] ?? '';
  const { pathname } = useLocation();
  const base = pathname.slice(0, pathname.length - splat.length).replace(/\/$/, '');
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? 'active' : '');
  return (
    <nav className="monitor-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to={base} end className={cls}>
            {t('nav.dashboard')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/zaken`} className={cls}>
            {t('nav.cases')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/taakstelling`} className={cls}>
            {t('nav.quota')}
          </NavLink>
        </li>
        {isAdmin && (
          <li>
            <NavLink to={`${base}/meldingen`} className={cls}>
              {t('nav.alerts')}
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}

/**
 * The supervisor's monitor, to mount at `monitor/*` inside the signed-in shell:
 * overview, case list (zaken), case page (zaken/:caseId), taakstelling set-up and, for
 * administrators, the deadline digest (meldingen).
 */
export function MonitorRoutes() {
  const { i18n } = useTranslation();
  registerMonitorTranslations(i18n);
  return (
    <div className="monitor">
      <MonitorNav />
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="zaken" element={<CaseListPage />} />
        <Route path="zaken/:caseId" element={<CasePage />} />
        <Route path="taakstelling" element={<QuotaSetupPage />} />
        <Route path="meldingen" element={<AlertsPage />} />
      </Routes>
    </div>
  );
}
