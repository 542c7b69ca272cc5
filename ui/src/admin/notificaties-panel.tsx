import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../shell/form-field';
import { adminApi, type Mapping } from './admin-api';
import { AdminCreateForm, AdminTable, RowAction } from './admin-list';
import { ErrorAlert, useAction, useLoaded } from './admin-parts';
import { NotificatiesLog } from './notificaties-log';

const EXAMPLE = {
  name: 'Hotelplaatsing gemeld',
  kanaal: 'zaken',
  resource: 'zaak',
  actie: 'create',
  kenmerken: { zaaktype: 'https://catalogi.example.nl/api/v1/zaaktypen/hotel' },
  action: {
    kind: 'send-event',
    processId: 'nareiziger-hotelverblijf',
    eventName: 'hotel-geplaatst',
    payload: { placementDate: { from: '$aanmaakdatum' } },
  },
};

/** The Notificaties channel: where the Notificaties API delivers, and which notification does what. */
export function NotificatiesPanel() {
  const { t } = useTranslation();
  const { data: mappings, error, setError, reload } = useLoaded(adminApi.mappings);
  const { run, busy } = useAction(setError);
  const [json, setJson] = useState(JSON.stringify(EXAMPLE, null, 2));
  const [jsonError, setJsonError] = useState<string>();
  const callback = `${window.location.origin}/api/v1/notificaties`;

  async function create(e: FormEvent) {
    e.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(json);
      setJsonError(undefined);
    } catch {
      setJsonError(t('beheer.notificaties.invalidJson'));
      return;
    }
    if (await run(() => adminApi.createMapping(body))) await reload();
  }

  async function toggle(m: Mapping) {
    await run(async () => {
      const {
        id: _id,
        tenantId: _t,
        createdBy: _c,
        createdAt: _a,
        updatedAt: _u,
        ...body
      } = await adminApi.getMapping(m.id);
      return adminApi.putMapping(m.id, { ...body, active: !m.active });
    });
    await reload();
  }

  return (
    <div className="stack">
      <h2 className="utrecht-heading-2">{t('beheer.notificaties.title')}</h2>
      <p className="utrecht-paragraph">{t('beheer.notificaties.intro')}</p>
      <FormField label={t('beheer.notificaties.callback')}>
        {({ id }) => (
          <input id={id} readOnly className="utrecht-textbox utrecht-textbox--html-input" value={callback} />
        )}
      </FormField>
      <ErrorAlert message={error} />
      <h3 className="utrecht-heading-3">{t('beheer.notificaties.mappings')}</h3>
      <AdminTable
        rows={mappings}
        rowKey={(m) => m.id}
        emptyText={t('beheer.common.none')}
        columns={[
          { header: t('beheer.notificaties.name'), cell: (m) => m.name },
          {
            header: t('beheer.notificaties.channel'),
            cell: (m) => (
              <code>
                {m.kanaal} / {m.resource} / {m.actie}
              </code>
            ),
          },
          {
            header: t('beheer.notificaties.action'),
            cell: (m) =>
              m.action.kind === 'start-case'
                ? t('beheer.notificaties.startCase', { process: m.action.processId })
                : t('beheer.notificaties.sendEvent', { event: m.action.eventName, process: m.action.processId }),
          },
          {
            header: t('beheer.common.status'),
            cell: (m) => (m.active ? t('beheer.common.active') : t('beheer.common.inactive')),
          },
          {
            header: t('beheer.common.actions'),
            cell: (m) => (
              <div className="button-row">
                <RowAction
                  label={m.active ? t('beheer.notificaties.deactivate') : t('beheer.notificaties.activate')}
                  of={m.name}
                  disabled={busy}
                  onClick={() => void toggle(m)}
                />
                <RowAction
                  label={t('beheer.notificaties.remove')}
                  of={m.name}
                  disabled={busy}
                  confirm
                  onClick={() => void run(() => adminApi.deleteMapping(m.id)).then(reload)}
                />
              </div>
            ),
          },
        ]}
      />
      <AdminCreateForm title={t('beheer.notificaties.create')} onSubmit={(e) => void create(e)} disabled={busy} wide>
        <FormField label={t('beheer.notificaties.json')} help={t('beheer.notificaties.jsonHelp')} error={jsonError}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className="utrecht-textarea utrecht-textarea--html-textarea code-textarea"
              rows={14}
              value={json}
              onChange={(e) => setJson(e.target.value)}
            />
          )}
        </FormField>
      </AdminCreateForm>
      <NotificatiesLog />
    </div>
  );
}
