import { useMonitorT } from './use-monitor-t';

/** Says whether live updates flow; polite, so a screen reader hears a lost connection. */
export function LiveStatus({ connected, updated }: { connected: boolean; updated?: string }) {
  const { t } = useMonitorT();
  return (
    <p
      className={`monitor-live${connected ? ' monitor-live--on' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="live-status"
    >
      <span aria-hidden="true" className="monitor-live-dot" />
      {connected ? t('live.on') : t('live.off')}
      {updated ? ` · ${t('live.updated', { time: updated })}` : ''}
    </p>
  );
}
