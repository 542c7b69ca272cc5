import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_EVENT_TYPES } from '../../../workflows/case-event';
import { FormField } from '../shell/form-field';
import { formatDateTime } from '../shell/format';
import { adminApi } from './admin-api';
import { ErrorAlert, SecretOnce, StatusMessage, Td, Th, useAction, useLoaded } from './admin-parts';

/** Webhook subscriptions: create (secret shown once), signed test delivery, delete, and the delivery log. */
export function WebhooksPanel() {
  const { t } = useTranslation();
  const { data: subs, error, setError, reload } = useLoaded(adminApi.subscriptions);
  const deliveries = useLoaded(adminApi.deliveries);
  const { run, busy } = useAction(setError);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['case.started', 'case.completed']);
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<{ url: string; secret: string }>();
  const [message, setMessage] = useState<string>();

  async function create(e: FormEvent) {
    e.preventDefault();
    const res = await run(() => adminApi.createSubscription(url.trim(), events, description.trim()));
    if (!res) return;
    setCreated({ url: res.subscription.url, secret: res.secret });
    setUrl('');
    setDescription('');
    await reload();
  }

  async function test(id: string) {
    setMessage(undefined);
    const res = await run(() => adminApi.testSubscription(id));
    if (!res) return;
    setMessage(
      res.ok
        ? t('beheer.webhooks.testOk', { status: res.statusCode })
        : t('beheer.webhooks.testFailed', { error: res.error ?? `HTTP ${res.statusCode}` }),
    );
  }

  return (
    <div className="stack">
      <h2 className="utrecht-heading-2">{t('beheer.webhooks.title')}</h2>
      <p className="utrecht-paragraph">{t('beheer.webhooks.intro')}</p>
      <ErrorAlert message={error} />
      <StatusMessage>{message}</StatusMessage>
      {created && <SecretOnce intro={created.url} secret={created.secret} onDone={() => setCreated(undefined)} />}
      {subs && subs.length === 0 && <p className="utrecht-paragraph">{t('beheer.common.none')}</p>}
      {subs && subs.length > 0 && (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>{t('beheer.webhooks.url')}</Th>
              <Th>{t('beheer.webhooks.events')}</Th>
              <Th>{t('beheer.webhooks.description')}</Th>
              <Th>{t('beheer.common.status')}</Th>
              <Th>{t('beheer.common.actions')}</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {subs.map((s) => (
              <tr key={s.id} className="utrecht-table__row">
                <Td>
                  <code>{s.url}</code>
                </Td>
                <Td>{s.eventTypes.join(', ')}</Td>
                <Td>{s.description ?? '—'}</Td>
                <Td>{s.active ? t('beheer.common.active') : t('beheer.common.inactive')}</Td>
                <Td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      disabled={busy}
                      aria-label={`${t('beheer.webhooks.test')}: ${s.url}`}
                      onClick={() => void test(s.id)}
                    >
                      {t('beheer.webhooks.test')}
                    </button>
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      disabled={busy}
                      aria-label={`${t('beheer.webhooks.remove')}: ${s.url}`}
                      onClick={() => {
                        if (window.confirm(t('beheer.common.confirm')))
                          void run(() => adminApi.deleteSubscription(s.id)).then(reload);
                      }}
                    >
                      {t('beheer.webhooks.remove')}
                    </button>
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="utrecht-heading-3">{t('beheer.webhooks.create')}</h3>
      <form className="stack narrow" onSubmit={(e) => void create(e)}>
        <FormField label={t('beheer.webhooks.url')}>
          {({ id }) => (
            <input
              id={id}
              type="url"
              className="utrecht-textbox utrecht-textbox--html-input"
              required
              placeholder="https://"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </FormField>
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('beheer.webhooks.events')}</legend>
          {CASE_EVENT_TYPES.map((ev) => (
            <label key={ev} className="checkbox-label">
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={events.includes(ev)}
                onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))}
              />{' '}
              <code>{ev}</code>
            </label>
          ))}
        </fieldset>
        <FormField label={t('beheer.webhooks.description')}>
          {({ id }) => (
            <input
              id={id}
              className="utrecht-textbox utrecht-textbox--html-input"
              maxLength={500}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </FormField>
        <div>
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={busy || events.length === 0}
          >
            {t('beheer.webhooks.create')}
          </button>
        </div>
      </form>
      <h3 className="utrecht-heading-3">{t('beheer.webhooks.deliveries')}</h3>
      <p className="utrecht-paragraph">{t('beheer.webhooks.deliveriesIntro')}</p>
      <ErrorAlert message={deliveries.error} />
      {deliveries.data && deliveries.data.length === 0 && (
        <p className="utrecht-paragraph">{t('beheer.common.none')}</p>
      )}
      {deliveries.data && deliveries.data.length > 0 && (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>{t('beheer.webhooks.event')}</Th>
              <Th>{t('beheer.webhooks.case')}</Th>
              <Th>{t('beheer.common.status')}</Th>
              <Th>{t('beheer.webhooks.attempts')}</Th>
              <Th>{t('beheer.webhooks.lastResult')}</Th>
              <Th>{t('beheer.webhooks.updated')}</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {deliveries.data.map((d) => (
              <tr key={d.id} className="utrecht-table__row">
                <Td>
                  <code>{d.eventType}</code>
                </Td>
                <Td>
                  <code>{d.caseId}</code>
                </Td>
                <Td>{t(`beheer.webhooks.delivery.${d.status}`)}</Td>
                <Td>{d.attempts}</Td>
                <Td>{d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—')}</Td>
                <Td>{formatDateTime(d.updatedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
