import type { DigestLogEntry } from '../api/alerts';
import { useMonitorT } from './use-monitor-t';
import { formatDateTime } from '../shell/format';

/** The digests sent, newest first: status, counts and the receiver's answer or error. */
export function DigestLogTable({ items }: { items: DigestLogEntry[] }) {
  const { t } = useMonitorT();
  return (
    <table className="utrecht-table monitor-compact" data-testid="digest-log">
      <caption className="utrecht-table__caption">{t('alerts.log')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('alerts.when')}</th>
          <th scope="col">{t('alerts.trigger')}</th>
          <th scope="col">{t('alerts.statusCol')}</th>
          <th scope="col">{t('alerts.counts')}</th>
          <th scope="col">{t('alerts.attempts')}</th>
          <th scope="col">{t('alerts.target')}</th>
          <th scope="col">{t('alerts.errorCol')}</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && (
          <tr>
            <td colSpan={7}>{t('alerts.logEmpty')}</td>
          </tr>
        )}
        {items.map((d) => (
          <tr key={d.id} data-digest-id={d.id}>
            <th scope="row" className="monitor-plain-th">
              {formatDateTime(d.sentAt ?? d.createdAt)}
            </th>
            <td>{t(`alerts.triggers.${d.trigger}`)}</td>
            <td>
              <span className={`monitor-digest-status monitor-digest-status--${d.status}`}>
                {t(`alerts.statuses.${d.status}`)}
              </span>
            </td>
            <td>
              {d.caseCount} / {d.deadlineCount}
            </td>
            <td>{d.attempts}</td>
            <td className="monitor-break">
              {d.target}
              {d.statusCode !== null ? ` (HTTP ${d.statusCode})` : ''}
            </td>
            <td className="monitor-break">{d.error ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
