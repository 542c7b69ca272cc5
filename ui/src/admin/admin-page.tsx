import type { ComponentType } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../shell/tabs';
import { useHasRole } from '../shell/session-context';
import { ApiKeysPanel } from './api-keys-panel';
import { AuditPanel } from './audit-panel';
import { IdentityProviderForm } from './identity-provider-form';
import { MunicipalitiesPanel } from './municipalities-panel';
import { NotificatiesPanel } from './notificaties-panel';
import { ProfileForm } from './profile-form';
import { SessionsPanel } from './sessions-panel';
import { UsersPanel } from './users-panel';
import { WebhooksPanel } from './webhooks-panel';
import { ZgwSettingsForm } from './zgw-settings-form';
import './admin.css';

type TabKey =
  'users' | 'sessions' | 'apiKeys' | 'webhooks' | 'notificaties' | 'municipality' | 'audit' | 'municipalities';

const PANELS: Record<TabKey, ComponentType> = {
  users: UsersPanel,
  sessions: SessionsPanel,
  apiKeys: ApiKeysPanel,
  webhooks: WebhooksPanel,
  notificaties: () => (
    <div className="stack">
      <NotificatiesPanel />
      <ZgwSettingsForm />
    </div>
  ),
  municipality: () => (
    <div className="stack">
      <ProfileForm />
      <IdentityProviderForm />
    </div>
  ),
  audit: AuditPanel,
  municipalities: MunicipalitiesPanel,
};

/**
 * Beheer: everything an administrator of the municipality keeps, one tab each (the tab is in the
 * address, `?tab=apiKeys`, so a link opens it); municipalities for the national administrator.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const isNational = useHasRole('national-admin');
  const [params, setParams] = useSearchParams();
  const keys: TabKey[] = [
    ...(isAdmin
      ? (['users', 'sessions', 'apiKeys', 'webhooks', 'notificaties', 'municipality', 'audit'] as const)
      : []),
    ...(isNational ? (['municipalities'] as const) : []),
  ];
  const wanted = params.get('tab') as TabKey | null;
  const active = wanted && keys.includes(wanted) ? wanted : keys[0];
  const Panel = active ? PANELS[active] : undefined;

  return (
    <section aria-labelledby="admin-title" className="stack">
      <h1 id="admin-title" className="utrecht-heading-1">
        {t('admin.title')}
      </h1>
      {!Panel || !active ? (
        <p className="utrecht-paragraph">{t('admin.noAccess')}</p>
      ) : (
        <Tabs
          idPrefix="beheer"
          tabs={keys.map((k) => ({ key: k, label: t(`beheer.tabs.${k}`) }))}
          active={active}
          onChange={(k) => setParams({ tab: k })}
        >
          <Panel />
        </Tabs>
      )}
    </section>
  );
}
