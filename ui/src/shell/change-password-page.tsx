import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/session';
import { FormField } from './form-field';

/** A user with a one-time password must choose their own before anything else. */
export function ChangePasswordPage({ onChanged }: { onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) return setError(t('password.mismatch'));
    try {
      await changePassword(current, next);
      await onChanged();
    } catch (err) {
      setError(t('password.failed', { message: (err as Error).message }));
    }
  }

  return (
    <section aria-labelledby="pw-title" className="narrow">
      <h1 id="pw-title" className="utrecht-heading-1">
        {t('password.title')}
      </h1>
      <p className="utrecht-paragraph">{t('password.intro')}</p>
      {error && (
        <div role="alert" className="utrecht-alert utrecht-alert--error">
          <p className="utrecht-paragraph">{error}</p>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} className="stack">
        <FormField label={t('password.current')}>
          {({ id }) => (
            <input
              id={id}
              type="password"
              className="utrecht-textbox utrecht-textbox--html-input"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('password.next')} help={t('password.help')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="password"
              minLength={12}
              className="utrecht-textbox utrecht-textbox--html-input"
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('password.repeat')}>
          {({ id }) => (
            <input
              id={id}
              type="password"
              className="utrecht-textbox utrecht-textbox--html-input"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </FormField>
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
