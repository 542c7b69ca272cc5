import { createHash } from 'node:crypto';
import type { NotificatieBody } from '../../contract/notificaties';

/**
 * The key of one notification in one municipality: a hash of the fields the Notificaties API
 * sends, so the same notification delivered again gets the same key (one workflow, one log
 * entry) and the key itself shows no URL, zaak or person.
 */
export function notificationKey(tenant: string, n: NotificatieBody): string {
  const parts = [tenant, n.kanaal, n.resource, n.actie, n.hoofdObject, n.resourceUrl, n.aanmaakdatum];
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40);
}

/** `zgw-notificatie-<tenant>-<hash>`: the workflow that reads the zaak behind the notification. */
export function notificationWorkflowId(tenant: string, key: string): string {
  return `zgw-notificatie-${tenant}-${key}`;
}
