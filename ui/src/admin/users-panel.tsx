import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/session';
import { FormField } from '../shell/form-field';
import { adminApi, type AdminUser } from './admin-api';
import { AdminCreateForm, AdminTable, CheckboxGroup, RowAction } from './admin-list';
import { ErrorAlert, ReasonField, StatusMessage, useAction, useLoaded } from './admin-parts';

const ROLES: Role[] = ['designer', 'approver', 'supervisor', 'behandelaar', 'admin'];

function RoleBoxes({ value, onChange, legend }: { value: Role[]; onChange: (r: Role[]) => void; legend: string }) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup legend={legend} options={ROLES} value={value} onChange={onChange} label={(r) => t(`roles.${r}`)} />
  );
}

/** Users of the municipality: create (one-time password), roles, disable, reset, unblock. */
export function UsersPanel() {
  const { t } = useTranslation();
  const { data: list, error, setError, reload } = useLoaded(adminApi.users);
  const { run, busy } = useAction(setError);
  const [message, setMessage] = useState<string>();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['designer']);
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState<{ user: AdminUser; roles: Role[] }>();

  async function create(e: FormEvent) {
    e.preventDefault();
    const res = await run(() => adminApi.createUser(username.trim(), displayName.trim(), roles, reason));
    if (!res) return;
    setMessage(t('admin.created', { username: res.user.username, password: res.oneTimePassword }));
    setUsername('');
    setDisplayName('');
    setReason('');
    await reload();
  }

  async function act(fn: () => Promise<unknown>, done?: string) {
    setMessage(undefined);
    if ((await run(fn)) !== undefined || done) {
      if (done) setMessage(done);
      await reload();
    }
  }

  return (
    <div className="stack">
      <h2 className="utrecht-heading-2">{t('beheer.users.title')}</h2>
      <ErrorAlert message={error} />
      <StatusMessage>{message}</StatusMessage>
      <AdminTable
        rows={list}
        rowKey={(u) => u.id}
        columns={[
          { header: t('admin.username'), cell: (u) => u.username },
          { header: t('admin.displayName'), cell: (u) => u.displayName ?? '—' },
          { header: t('admin.roles'), cell: (u) => u.roles.map((r) => t(`roles.${r}`)).join(', ') },
          {
            header: t('beheer.users.source'),
            cell: (u) => (u.identityProvider ? t('beheer.users.idp') : t('beheer.users.local')),
          },
          {
            header: t('admin.status'),
            cell: (u) =>
              u.disabled ? t('admin.disabled') : u.mustChangePassword ? t('admin.mustChange') : t('admin.active'),
          },
          {
            header: t('beheer.common.actions'),
            cell: (u) => (
              <div className="button-row">
                <RowAction
                  label={t('beheer.users.editRoles')}
                  of={u.username}
                  onClick={() => setEditing({ user: u, roles: u.roles.filter((r) => r !== 'national-admin') })}
                />
                <RowAction
                  label={u.disabled ? t('beheer.users.enable') : t('beheer.users.disable')}
                  of={u.username}
                  disabled={busy}
                  onClick={() => void act(() => adminApi.patchUser(u.id, { disabled: !u.disabled }))}
                />
                {!u.identityProvider && (
                  <RowAction
                    label={t('beheer.users.reset')}
                    of={u.username}
                    disabled={busy}
                    onClick={() =>
                      void run(() => adminApi.resetPassword(u.id)).then((r) => {
                        if (r)
                          setMessage(
                            t('beheer.users.resetDone', { username: u.username, password: r.oneTimePassword }),
                          );
                        return reload();
                      })
                    }
                  />
                )}
                {u.lockedUntil && (
                  <RowAction
                    label={t('beheer.users.unlock')}
                    onClick={() => void act(() => adminApi.patchUser(u.id, { unlock: true }))}
                  />
                )}
              </div>
            ),
          },
        ]}
      />
      {editing && (
        <form
          className="stack narrow"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => adminApi.patchUser(editing.user.id, { roles: editing.roles }, reason)).then(() =>
              setEditing(undefined),
            );
          }}
        >
          <RoleBoxes
            legend={t('beheer.users.rolesOf', { username: editing.user.username })}
            value={editing.roles}
            onChange={(r) => setEditing({ ...editing, roles: r })}
          />
          <div className="button-row">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              {t('beheer.users.saveRoles')}
            </button>
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => setEditing(undefined)}
            >
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
      <AdminCreateForm title={t('admin.create')} onSubmit={(e) => void create(e)} disabled={busy}>
        <FormField label={t('admin.username')}>
          {({ id }) => (
            <input
              id={id}
              className="utrecht-textbox utrecht-textbox--html-input"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('admin.displayName')}>
          {({ id }) => (
            <input
              id={id}
              className="utrecht-textbox utrecht-textbox--html-input"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </FormField>
        <RoleBoxes legend={t('admin.roles')} value={roles} onChange={setRoles} />
        <ReasonField value={reason} onChange={setReason} />
      </AdminCreateForm>
    </div>
  );
}
