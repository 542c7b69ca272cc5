import { useEffect, useRef, useState } from 'react';
import type { MonitorChange } from '../../../contract/monitor';

/** One `changed` event of the stream (contract/monitor.ts). */
export type ChangeMessage = MonitorChange;

/**
 * Listens to the monitor's server-sent events. `watch` names the cases on screen (the server
 * compares them every second); the callback runs on each change. EventSource reconnects by itself.
 */
export function useLive(watch: readonly string[], onChange: (msg: ChangeMessage) => void): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onChange);
  handler.current = onChange;
  const key = watch.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const url = `/api/v1/monitor/events${key ? `?watch=${encodeURIComponent(key)}` : ''}`;
    const source = new EventSource(url, { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('changed', (e) => {
      try {
        handler.current(JSON.parse((e as MessageEvent<string>).data) as ChangeMessage);
      } catch {
        // a malformed message is ignored; the next one refreshes anyway
      }
    });
    return () => source.close();
  }, [key]);
  return connected;
}
