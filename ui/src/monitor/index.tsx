import { NavLink, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { lazyPage, PageSuspense } from '../shell/lazy-page';
import { useHasRole } from '../shell/session-context';
import { useMonitorT } from './use-monitor-t';
import './monitor.css';

// Each screen its own chunk: the charts come with the overview, the case graph with the case page.
const DashboardPage = lazyPage(() => import('./dashboard-page'), 'DashboardPage');
const CaseListPage = lazyPage(() => import('./case-list-page'), 'CaseListPage');
const CasePage = lazyPage(() => import('./case-page'), 'CasePage');
const QuotaSetupPage = lazyPage(() => import('./quota-setup-page'), 'QuotaSetupPage');
const AlertsPage = lazyPage(() => import('./alerts-page'), 'AlertsPage');
const TransitionPage = lazyPage(() => import('./transition-page'), 'TransitionPage');

function MonitorNav() {
  const { t, lang } = useMonitorT();
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
        <li>
          <NavLink to={`${base}/overgang-oekraine`} className={cls}>
            {lang === 'en' ? 'Ukraine transition' : 'Overgang Oekraïne'}
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
  return (
    <div className="monitor">
      <MonitorNav />
      <PageSuspense>
        <Routes>
          <Route index element={<DashboardPage />} />
          <Route path="zaken" element={<CaseListPage />} />
          <Route path="zaken/:caseId" element={<CasePage />} />
          <Route path="taakstelling" element={<QuotaSetupPage />} />
          <Route path="meldingen" element={<AlertsPage />} />
          <Route path="overgang-oekraine" element={<TransitionPage />} />
        </Routes>
      </PageSuspense>
    </div>
  );
}
