import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { HALF_YEAR_PATTERN, htmlPattern, TENANT_ID_PATTERN } from '../../../contract/id-patterns';
import { ApiProblem } from '../api/http';
import { useHasRole, useSession } from '../shell/session-context';
import { quota, type QuotaTarget } from '../api/quota';
import { useMonitorT } from './use-monitor-t';
import { formatDateTime } from '../shell/format';

const thisHalfYear = () => {
  const d = new Date();
  return `${d.getFullYear()}-H${d.getMonth() < 6 ? 1 : 2}`;
};
const optional = (v: string) => (v.trim() === '' ? null : Number(v));

/** Administrators enter or import each half-year's taakstelling; everyone else reads it. */
export function QuotaSetupPage() {
  const { t } = useMonitorT();
  const isAdmin = useHasRole('admin');
  const { session } = useSession();
  const [targets, setTargets] = useState<QuotaTarget[]>([]);
  const [form, setForm] = useState({
    municipality: session.tenant,
    halfYear: thisHalfYear(),
    target: '',
    backlog: '',
    surplus: '',
    reason: '',
  });
  const [csv, setCsv] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    void quota
      .targets()
      .then(setTargets)
      .catch(() => undefined);
  }, []);
  useEffect(load, [load]);
  const run = async (fn: () => Promise<string>) => {
    try {
      setNotice(await fn());
      load();
    } catch (e) {
      setNotice(e instanceof ApiProblem ? t('error', { message: e.message }) : String(e));
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await quota.setTarget(form.municipality, form.halfYear, {
        target: Number(form.target),
        backlog: optional(form.backlog),
        surplus: optional(form.surplus),
        ...(form.reason ? { reason: form.reason } : {}),
      });
      return t('quota.saved');
    });
  };
  const importCsv = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => t('quota.imported', { count: (await quota.importTargets(csv)).imported }));
  };
  const field = (key: keyof typeof form, label: string, props: Record<string, unknown> = {}) => (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={`q-${key}`}>
        {label}
      </label>
      <input
        id={`q-${key}`}
        className="utrecht-textbox"
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        {...props}
      />
    </div>
  );

  return (
    <section aria-labelledby="quota-title">
      <h1 id="quota-title" className="utrecht-heading-1">
        {t('quota.title')}
      </h1>
      <p className="utrecht-paragraph narrow">{t('quota.intro')}</p>
      {notice && (
        <p className="utrecht-paragraph monitor-notice" role="status">
          {notice}
        </p>
      )}
      {!isAdmin ? (
        <p className="utrecht-paragraph">{t('quota.onlyAdmins')}</p>
      ) : (
        <div className="monitor-grid">
          <form className="stack monitor-card" onSubmit={save}>
            {field('municipality', t('quota.municipality'), {
              required: true,
              pattern: htmlPattern(TENANT_ID_PATTERN),
            })}
            {field('halfYear', t('quota.halfYear'), { required: true, pattern: htmlPattern(HALF_YEAR_PATTERN) })}
            {field('target', t('quota.target'), { required: true, type: 'number', min: 0 })}
            {field('backlog', t('quota.backlog'), { type: 'number', min: 0 })}
            {field('surplus', t('quota.surplus'), { type: 'number', min: 0 })}
            {field('reason', t('quota.reason'), { maxLength: 2000 })}
            <div>
              <button type="submit" className="utrecht-button utrecht-button--primary-action">
                {t('quota.save')}
              </button>
            </div>
          </form>
          <form className="stack monitor-card" onSubmit={importCsv}>
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor="q-csv">
                {t('quota.csv')}
              </label>
              <textarea
                id="q-csv"
                className="utrecht-textarea monitor-csv"
                rows={8}
                required
                value={csv}
                onChange={(e) => setCsv(e.target.value)}
                placeholder={'gemeente;halfjaar;taakstelling;achterstand;voorsprong\nGM0363;2026-H2;540;12;0'}
              />
            </div>
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor="q-file">
                CSV-bestand
              </label>
              <input
                id="q-file"
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)}
              />
            </div>
            <div>
              <button type="submit" className="utrecht-button utrecht-button--primary-action">
                {t('quota.import')}
              </button>
            </div>
          </form>
        </div>
      )}
      <table className="utrecht-table">
        <caption className="utrecht-table__caption">{t('quota.existing')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('quota.municipality')}</th>
            <th scope="col">{t('quota.halfYear')}</th>
            <th scope="col">{t('quota.target')}</th>
            <th scope="col">{t('quota.backlog')}</th>
            <th scope="col">{t('quota.surplus')}</th>
            <th scope="col">{t('quota.source')}</th>
            <th scope="col">{t('quota.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((q) => (
            <tr key={`${q.municipality}-${q.halfYear}`}>
              <th scope="row">{q.municipality}</th>
              <td>{q.halfYear}</td>
              <td>{q.target}</td>
              <td>{q.backlog ?? '—'}</td>
              <td>{q.surplus ?? '—'}</td>
              <td>{q.source}</td>
              <td>{formatDateTime(q.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
