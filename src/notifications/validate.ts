import { paymentNotificationWireFormat } from '../../generated/operations.js';
import { validatePaymentNotification } from '../../generated/validators/payment-notification.js';
import type { ValidationError } from '../../generated/validators/types.js';
import { applyWireFormats } from '../wire-format.js';
import type { FieldSet } from './fields.js';
import { toMutableRecord } from './fields.js';
import type { NotificationSchemaProblem, PaymentNotification } from './types.js';

export type TypedOutcome =
  | { readonly ok: true; readonly notification: PaymentNotification }
  | { readonly ok: false; readonly message: string; readonly problems: readonly NotificationSchemaProblem[] };

function problemFromAjv(error: ValidationError): NotificationSchemaProblem {
  const field = error.instancePath === '' && typeof error.params['missingProperty'] === 'string'
    ? `/${error.params['missingProperty']}`
    : error.instancePath;
  return { instancePath: field, message: error.message ?? error.keyword };
}

// The schema is a union of three kinds (bill, refund, order) told apart by these fields. When it
// fails, ajv reports each kind's reasons: the fields that pick another kind, the union itself and
// the same bad field once per kind are noise, so one problem per field is kept.
const KIND_FIELDS = new Set(['billNo', 'refundOrderId']);

function kindProblems(errors: readonly ValidationError[]): NotificationSchemaProblem[] {
  const seen = new Set<string>();
  const problems: NotificationSchemaProblem[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'not') continue;
    if (error.keyword === 'required' && KIND_FIELDS.has(String(error.params['missingProperty']))) continue;
    const problem = problemFromAjv(error);
    const key = `${problem.instancePath} ${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  // Nothing left means only the kinds' own rules failed: report the first reason rather than none.
  return problems.length > 0 ? problems : (errors.slice(0, 1).map(problemFromAjv));
}

function describe(problems: readonly NotificationSchemaProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.instancePath || '(root)'} ${p.message}`);
  const more = problems.length > 5 ? ` and ${problems.length - 5} more` : '';
  return (
    `The signature is valid but the notification does not match the PaymentNotification schema: ${shown.join('; ')}${more}. ` +
    'If the platform changed a field, update the spec (or verify with validate: false meanwhile).'
  );
}

/**
 * Converts a copy of the verified strings into the spec's types (numeric strings → numbers,
 * JSON strings → objects) and checks it against the generated standalone validator, which
 * allows unknown fields but not wrong types of known ones. The strings stay untouched in `raw`.
 */
export function toTypedNotification(fields: FieldSet, validate: boolean): TypedOutcome {
  const copy = toMutableRecord(fields);
  const conversion = applyWireFormats(copy, paymentNotificationWireFormat);
  if (!validate) return { ok: true, notification: copy as PaymentNotification };
  if (conversion.length > 0) {
    const problems = conversion.map((p) => ({
      instancePath: `/${p.field.replace(/\./g, '/')}`,
      message: p.problem === 'not-json' ? 'must be a JSON-encoded string (it does not parse)' : 'must be an integer amount (in fen)',
    }));
    return { ok: false, message: describe(problems), problems };
  }
  if (validatePaymentNotification(copy)) return { ok: true, notification: copy as PaymentNotification };
  const problems = kindProblems(validatePaymentNotification.errors ?? []);
  return { ok: false, message: describe(problems), problems };
}
