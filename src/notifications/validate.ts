import { paymentNotificationWireFormat } from '../../generated/operations.js';
import { validatePaymentNotification } from '../../generated/validators/payment-notification.js';
import { describeReceivedProblems, readReceived } from '../wire/received.js';
import type { FieldSet } from './fields.js';
import { toMutableRecord } from './fields.js';
import type { NotificationSchemaProblem, PaymentNotification } from './types.js';

export interface TypedNotification {
  readonly notification: PaymentNotification;
  readonly problems: readonly NotificationSchemaProblem[];
}

/**
 * Converts a copy of the verified strings into the spec's types (numeric strings → numbers,
 * JSON strings → objects) and checks it against the generated received-data validator. Nothing
 * refuses here: a value that does not convert is left out of the typed copy (it stays in `raw`)
 * and every difference from what the spec documents is listed. `validate: false` skips the schema
 * check (conversion problems are still listed).
 */
export function toTypedNotification(fields: FieldSet, validate: boolean): TypedNotification {
  const copy = toMutableRecord(fields);
  const problems = readReceived(copy, paymentNotificationWireFormat, validate ? validatePaymentNotification : undefined);
  return { notification: copy as PaymentNotification, problems };
}

/** The refusal message of `schema: 'refuse'`. */
export function describeSchemaRefusal(problems: readonly NotificationSchemaProblem[]): string {
  return (
    `The signature is valid but the notification differs from the PaymentNotification schema: ${describeReceivedProblems(problems)}. ` +
    "It was refused because schema: 'refuse' is set; the default ('report') hands it to you with these problems listed."
  );
}
