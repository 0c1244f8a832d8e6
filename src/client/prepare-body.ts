// The body of a call, checked, completed and serialized once: the string that is signed is the
// string that is sent, on every attempt (a retry never re-serializes or re-fills it).
import type { OperationDescriptor } from '../../generated/operations.js';
import { InvalidRequestError } from '../errors.js';
import { beijingDateTime } from '../time.js';
import { describeValidationErrors } from '../wire/validation-message.js';
import type { CallContext } from './context.js';
import { fillOrderIds } from './order-id.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Checks and completes the caller's body, then serializes it: the one serialization that is signed and sent. */
export function prepareBody(op: OperationDescriptor, body: unknown, ctx: Pick<CallContext, 'now' | 'requestValidators'>): string {
  if (!isPlainObject(body)) {
    const kind = body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body;
    throw new InvalidRequestError(`${op.operationId}: the request body must be a plain object, got ${kind}.`, {
      code: 'INVALID_BODY',
      operation: op.operationId,
    });
  }
  const field = op.requestTimestampField;
  const validate = ctx.requestValidators?.[op.operationId];
  // Without a validator the caller's object is serialized as is and a missing timestamp appended
  // to the text: the same bytes as copying the object and adding the field last, minus the copy.
  // (An own toJSON would see a different `this`, so such a body takes the copying path.)
  const own = (key: string) => Object.prototype.hasOwnProperty.call(body, key);
  if (!validate && !own('toJSON') && op.fills.length === 0 && (field === null || !own(field))) {
    const json = JSON.stringify(body);
    if (field === null) return json;
    const stamp = `${JSON.stringify(field)}:${JSON.stringify(beijingDateTime(ctx.now()))}`;
    return json === '{}' ? `{${stamp}}` : `${json.slice(0, -1)},${stamp}}`;
  }
  const payload: Record<string, unknown> = { ...body };
  if (field !== null && payload[field] === undefined) payload[field] = beijingDateTime(ctx.now());
  fillOrderIds(op, payload, ctx.now);
  if (validate && !validate(payload)) {
    const reasons = describeValidationErrors(validate.errors ?? [], 5);
    throw new InvalidRequestError(`${op.operationId}: the request body does not match the spec: ${reasons}.`, {
      code: 'INVALID_BODY',
      operation: op.operationId,
    });
  }
  return JSON.stringify(payload);
}
