// Every workflow the Doorstroom worker runs: the generic case interpreter and webhook delivery.
export { processInterpreter } from './interpreter';
export { webhookDelivery } from './webhook-delivery';
