import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../api/http';
import { useHasRole } from '../shell/session-context';
import { AlertForm, fieldOfPath, type FieldErrors } from './alert-form';
import { alerts, type AlertConfig, type AlertConfigInput, type DigestLogEntry } from '../api/alerts';
import { DigestLogTable } from './digest-log-table';
import { useMonitorT } from './use-monitor-t';

type Notice = { ok: boolean; text: string };

/** Administrators set up the deadline digest (docs/alerts.md), send one now and read the log; the API refuses everyone else. */
export function AlertsPage() {
  const { t } = useMonitorT();
  const isAdmin = useHasRole('admin');
  const [config, setConfig] = useState<AlertConfig | null | undefined>(undefined);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<DigestLogEntry[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sending, setSending] = useState(false);

  const problem = (e: unknown): string => (e instanceof ApiProblem ? t('error', { message: e.message }) : String(e));
  const loadLog = useCallback(() => {
    void alerts
      .digests()
      .then(setLog)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    if (!isAdmin) return;
    alerts.config().then(setConfig, (e: unknown) => {
      setConfig(null);
      if (!(e instanceof ApiProblem && e.status === 404)) setNotice({ ok: false, text: problem(e) });
    });
    loadLog();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per visit
  }, [isAdmin, loadLog]);

  const save = async (input: AlertConfigInput) => {
    setErrors({});
    try {
      const out = await alerts.saveConfig(input);
      setConfig(out.config);
      if (out.secret) setSecret(out.secret);
      setNotice({ ok: true, text: t('alerts.saved') });
    } catch (e) {
      const field = e instanceof ApiProblem ? fieldOfPath(e.path) : undefined;
      if (field && e instanceof ApiProblem) {
        setErrors({ [field]: e.message });
        setNotice(null);
      } else setNotice({ ok: false, text: problem(e) });
    }
  };
  const rotate = async () => {
    try {
      setSecret((await alerts.rotateSecret()).secret ?? null);
      setNotice({ ok: true, text: t('alerts.rotated') });
    } catch (e) {
      setNotice({ ok: false, text: problem(e) });
    }
  };
  const sendNow = async () => {
    setSending(true);
    setNotice({ ok: true, text: t('alerts.sending') });
    try {
      const { entry } = await alerts.sendNow();
      if (!entry || entry.status === 'pending') setNotice({ ok: true, text: t('alerts.sendPending') });
      else if (entry.status === 'sent')
        setNotice({ ok: true, text: t('alerts.sentNow', { cases: entry.caseCount, deadlines: entry.deadlineCount }) });
      else
        setNotice({
          ok: false,
          text: t('alerts.sendFailed', { error: entry.error ?? t(`alerts.statuses.${entry.status}`) }),
        });
    } catch (e) {
      setNotice({ ok: false, text: problem(e) });
    } finally {
      setSending(false);
      loadLog();
    }
  };

  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title" className="utrecht-heading-1">
        {t('alerts.title')}
      </h1>
      <p className="utrecht-paragraph narrow">{t('alerts.intro')}</p>
      {!isAdmin ? (
        <p className="utrecht-paragraph monitor-notice" role="status" data-testid="alerts-admins-only">
          {t('alerts.onlyAdmins')}
        </p>
      ) : (
        <>
          {notice && (
            <p
              className={`utrecht-paragraph ${notice.ok ? 'monitor-notice' : 'monitor-error'}`}
              role={notice.ok ? 'status' : 'alert'}
            >
              {notice.text}
            </p>
          )}
          {secret && (
            <div
              className="monitor-secret"
              role="region"
              aria-labelledby="alert-secret-title"
              data-testid="alert-secret"
            >
              <p className="utrecht-paragraph" id="alert-secret-title">
                <strong>{t('alerts.secret')}</strong> — {t('alerts.secretOnce')}
              </p>
              <p className="utrecht-paragraph">
                <code>{secret}</code>
              </p>
            </div>
          )}
          {config === undefined ? (
            <p className="utrecht-paragraph">{t('loading')}</p>
          ) : (
            <div className="monitor-grid monitor-grid--top">
              <AlertForm
                key={config?.updatedAt ?? 'new'}
                config={config}
                errors={errors}
                onSave={(input) => void save(input)}
              />
              <div className="stack monitor-card">
                <h2 className="utrecht-heading-2">{t('alerts.sendNow')}</h2>
                {config === null && <p className="utrecht-paragraph">{t('alerts.notConfigured')}</p>}
                <div className="monitor-buttons">
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--primary-action"
                    disabled={!config || sending}
                    onClick={() => void sendNow()}
                  >
                    {t('alerts.sendNow')}
                  </button>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    disabled={!config}
                    onClick={() => void rotate()}
                  >
                    {t('alerts.rotate')}
                  </button>
                  <button type="button" className="utrecht-button utrecht-button--subtle" onClick={loadLog}>
                    {t('alerts.refresh')}
                  </button>
                </div>
              </div>
            </div>
          )}
          <DigestLogTable items={log} />
        </>
      )}
    </section>
  );
}
