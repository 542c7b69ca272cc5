// The bundle of the notification workflow tests: the real notification workflow and the real
// case interpreter it starts cases of.
export { processInterpreter } from '../../../workflows/interpreter';
export { zgwNotification } from '../../../workflows/zgw-notification';
