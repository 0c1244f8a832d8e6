// Precompiled (no eval) validators generated from the spec, as their own entry so that only
// users who opt in pay their size. Pass `requestValidators` to createChinaUmsClient to check
// bodies before they are sent.
export { requestValidators } from '../generated/validators/requests.js';
export { responseValidators } from '../generated/validators/responses.js';
export { validatePaymentNotification } from '../generated/validators/payment-notification.js';
export type { ValidateFunction, ValidationError } from '../generated/validators/types.js';
