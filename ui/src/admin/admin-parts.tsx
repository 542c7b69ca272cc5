import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../shell/form-field';

/** Small pieces every administration panel uses: messages, a secret shown once, a reason field, loading a list. */

export function ErrorAlert({ message }: { message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <div role="alert" className="utrecht-alert utrecht-alert--error">
      <p className="utrecht-paragraph">{t('app.error', { message })}</p>
    </div>
  );
}

export function StatusMessage({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div role="status" className="utrecht-alert utrecht-alert--ok">
      <p className="utrecht-paragraph">{children}</p>
    </div>
  );
}

/** The one moment a secret is visible: a labelled read-only field to copy from, and a button to close it. */
export function SecretOnce({ intro, secret, onDone }: { intro: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="utrecht-alert utrecht-alert--ok secret-once">
      <p className="utrecht-paragraph">{intro}</p>
      <p className="utrecht-paragraph">
        <strong>{t('beheer.common.secretOnce')}</strong>
      </p>
      <FormField label={t('beheer.common.secretLabel')}>
        {({ id }) => (
          <input
            id={id}
            readOnly
            className="utrecht-textbox utrecht-textbox--html-input secret-value"
            value={secret}
            onFocus={(e) => e.target.select()}
            data-testid="secret-once"
          />
        )}
      </FormField>
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onDone}>
        {t('beheer.common.done')}
      </button>
    </div>
  );
}

export function ReasonField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <FormField label={t('beheer.common.reason')}>
      {({ id }) => (
        <input
          id={id}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={value}
          maxLength={2000}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

/** A list from the API, reloadable; errors as text for ErrorAlert. */
export function useLoaded<T>(load: () => Promise<T>): {
  data: T | undefined;
  error: string | undefined;
  setError: (e: string | undefined) => void;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const reload = useCallback(
    () =>
      load().then(
        (d) => setData(d),
        (e: Error) => setError(e.message),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the loader is a stable module function
    [],
  );
  useEffect(() => void reload(), [reload]);
  return { data, error, setError, reload };
}

/** Runs an action, shows its failure, and reports success. */
export function useAction(setError: (e: string | undefined) => void) {
  const [busy, setBusy] = useState(false);
  return {
    busy,
    run: async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        return await fn();
      } catch (e) {
        setError((e as Error).message);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
  };
}

export function Th({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="utrecht-table__header-cell">
      {children}
    </th>
  );
}

export function Td({ children }: { children?: ReactNode }) {
  return <td className="utrecht-table__cell">{children}</td>;
}
