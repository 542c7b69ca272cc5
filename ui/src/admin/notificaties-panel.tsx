import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../shell/form-field';
import { adminApi, type Mapping } from './admin-api';
import { ErrorAlert, Td, Th, useAction, useLoaded } from './admin-parts';
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
      {mappings && mappings.length === 0 && <p className="utrecht-paragraph">{t('beheer.common.none')}</p>}
      {mappings && mappings.length > 0 && (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>{t('beheer.notificaties.name')}</Th>
              <Th>{t('beheer.notificaties.channel')}</Th>
              <Th>{t('beheer.notificaties.action')}</Th>
              <Th>{t('beheer.common.status')}</Th>
              <Th>{t('beheer.common.actions')}</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {mappings.map((m) => (
              <tr key={m.id} className="utrecht-table__row">
                <Td>{m.name}</Td>
                <Td>
                  <code>
                    {m.kanaal} / {m.resource} / {m.actie}
                  </code>
                </Td>
                <Td>
                  {m.action.kind === 'start-case'
                    ? t('beheer.notificaties.startCase', { process: m.action.processId })
                    : t('beheer.notificaties.sendEvent', { event: m.action.eventName, process: m.action.processId })}
                </Td>
                <Td>{m.active ? t('beheer.common.active') : t('beheer.common.inactive')}</Td>
                <Td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      disabled={busy}
                      aria-label={`${m.active ? t('beheer.notificaties.deactivate') : t('beheer.notificaties.activate')}: ${m.name}`}
                      onClick={() => void toggle(m)}
                    >
                      {m.active ? t('beheer.notificaties.deactivate') : t('beheer.notificaties.activate')}
                    </button>
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      disabled={busy}
                      aria-label={`${t('beheer.notificaties.remove')}: ${m.name}`}
                      onClick={() => {
                        if (window.confirm(t('beheer.common.confirm')))
                          void run(() => adminApi.deleteMapping(m.id)).then(reload);
                      }}
                    >
                      {t('beheer.notificaties.remove')}
                    </button>
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="utrecht-heading-3">{t('beheer.notificaties.create')}</h3>
      <form className="stack" onSubmit={(e) => void create(e)}>
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
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {t('beheer.notificaties.create')}
          </button>
        </div>
      </form>
      <NotificatiesLog />
    </div>
  );
}
