// Every workflow the Doorstroom worker runs: the generic case interpreter, webhook delivery, deadline digests, the ZGW write-back, ZGW notifications read from their zaak.
export { processInterpreter } from './interpreter';
export { webhookDelivery } from './webhook-delivery';
export { deadlineDigest } from './deadline-digest';
export { zgwSync } from './zgw-sync';
export { zgwNotification } from './zgw-notification';
