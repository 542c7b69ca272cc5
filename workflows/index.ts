// Every workflow the Doorstroom worker runs: the generic case interpreter, webhook delivery, deadline digests.
export { processInterpreter } from './interpreter';
export { webhookDelivery } from './webhook-delivery';
export { deadlineDigest } from './deadline-digest';
