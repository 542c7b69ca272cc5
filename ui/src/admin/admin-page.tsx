import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../api/session';
import { users } from '../api/users';
import { FormField } from '../shell/form-field';
import { useHasRole } from '../shell/session-context';

const ROLES: Role[] = ['designer', 'approver', 'supervisor', 'behandelaar', 'admin'];

/** Beheer: the municipality's users; a new user gets a one-time password shown once. */
export function AdminPage() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const [list, setList] = useState<User[]>();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['designer']);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  const load = useCallback(() => users.list().then(setList, (e: Error) => setError(e.message)), []);
  useEffect(() => void (isAdmin && load()), [isAdmin, load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      const res = await users.create(username, displayName, roles);
      setMessage(t('admin.created', { username: res.user.username, password: res.oneTimePassword }));
      setUsername('');
      setDisplayName('');
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title" className="utrecht-heading-1">
        {t('admin.title')}
      </h1>
      {!isAdmin && <p className="utrecht-paragraph">{t('admin.noAccess')}</p>}
      {error && (
        <div role="alert" className="utrecht-alert utrecht-alert--error">
          {t('app.error', { message: error })}
        </div>
      )}
      {message && (
        <div role="status" className="utrecht-alert utrecht-alert--ok">
          {message}
        </div>
      )}
      {isAdmin && list && (
        <>
          <h2 className="utrecht-heading-2">{t('admin.users')}</h2>
          <table className="utrecht-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.username')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.displayName')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.roles')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('admin.status')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {list.map((u) => (
                <tr key={u.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{u.username}</td>
                  <td className="utrecht-table__cell">{u.displayName ?? '—'}</td>
                  <td className="utrecht-table__cell">{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                  <td className="utrecht-table__cell">
                    {u.mustChangePassword ? t('admin.mustChange') : t('admin.active')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="utrecht-heading-2">{t('admin.create')}</h2>
          <form className="stack narrow" onSubmit={(e) => void create(e)}>
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
            <fieldset className="utrecht-form-fieldset">
              <legend className="utrecht-form-fieldset__legend">{t('admin.roles')}</legend>
              {ROLES.map((r) => (
                <label key={r} className="checkbox-label">
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    checked={roles.includes(r)}
                    onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                  />{' '}
                  {t(`roles.${r}`)}
                </label>
              ))}
            </fieldset>
            <div>
              <button type="submit" className="utrecht-button utrecht-button--primary-action">
                {t('admin.create')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
