import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_EVENT_TYPES } from '../../../workflows/case-event';
import { FormField } from '../shell/form-field';
import { formatDateTime } from '../shell/format';
import { adminApi } from './admin-api';
import { AdminCreateForm, AdminTable, CheckboxGroup, RowAction } from './admin-list';
import { ErrorAlert, SecretOnce, StatusMessage, useAction, useLoaded } from './admin-parts';

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
      <AdminTable
        rows={subs}
        rowKey={(s) => s.id}
        emptyText={t('beheer.common.none')}
        columns={[
          { header: t('beheer.webhooks.url'), cell: (s) => <code>{s.url}</code> },
          { header: t('beheer.webhooks.events'), cell: (s) => s.eventTypes.join(', ') },
          { header: t('beheer.webhooks.description'), cell: (s) => s.description ?? '—' },
          {
            header: t('beheer.common.status'),
            cell: (s) => (s.active ? t('beheer.common.active') : t('beheer.common.inactive')),
          },
          {
            header: t('beheer.common.actions'),
            cell: (s) => (
              <div className="button-row">
                <RowAction
                  label={t('beheer.webhooks.test')}
                  of={s.url}
                  secondary
                  disabled={busy}
                  onClick={() => void test(s.id)}
                />
                <RowAction
                  label={t('beheer.webhooks.remove')}
                  of={s.url}
                  disabled={busy}
                  confirm
                  onClick={() => void run(() => adminApi.deleteSubscription(s.id)).then(reload)}
                />
              </div>
            ),
          },
        ]}
      />
      <AdminCreateForm
        title={t('beheer.webhooks.create')}
        onSubmit={(e) => void create(e)}
        disabled={busy || events.length === 0}
      >
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
        <CheckboxGroup
          legend={t('beheer.webhooks.events')}
          options={CASE_EVENT_TYPES}
          value={events}
          onChange={setEvents}
          label={(ev) => <code>{ev}</code>}
        />
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
      </AdminCreateForm>
      <h3 className="utrecht-heading-3">{t('beheer.webhooks.deliveries')}</h3>
      <p className="utrecht-paragraph">{t('beheer.webhooks.deliveriesIntro')}</p>
      <ErrorAlert message={deliveries.error} />
      <AdminTable
        rows={deliveries.data}
        rowKey={(d) => d.id}
        emptyText={t('beheer.common.none')}
        columns={[
          { header: t('beheer.webhooks.event'), cell: (d) => <code>{d.eventType}</code> },
          { header: t('beheer.webhooks.case'), cell: (d) => <code>{d.caseId}</code> },
          { header: t('beheer.common.status'), cell: (d) => t(`beheer.webhooks.delivery.${d.status}`) },
          { header: t('beheer.webhooks.attempts'), cell: (d) => d.attempts },
          {
            header: t('beheer.webhooks.lastResult'),
            cell: (d) => (d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—')),
          },
          { header: t('beheer.webhooks.updated'), cell: (d) => formatDateTime(d.updatedAt) },
        ]}
      />
    </div>
  );
}
