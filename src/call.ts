import type { Client } from 'openapi-fetch';
import type { OperationDescriptor } from '../generated/operations.js';
import type { paths } from '../generated/schema.js';
import type { ValidateFunction } from '../generated/validators/types.js';
import type { SerializedBodies } from './auth/middleware.js';
import { AbortedError, InvalidRequestError, NetworkError } from './errors.js';
import { interpretResponse } from './response.js';
import { beijingDateTime } from './time.js';

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call; the promise rejects with AbortedError. */
  signal?: AbortSignal | undefined;
}

export interface CallContext {
  readonly raw: Client<paths>;
  readonly bodies: SerializedBodies;
  readonly now: () => number;
  readonly requestValidators: Readonly<Record<string, ValidateFunction>> | undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const passthrough = (body: unknown) => body as string;

/** Checks and completes the caller's body, then serializes it: the one serialization that is signed and sent. */
export function prepareBody(op: OperationDescriptor, body: unknown, ctx: CallContext): string {
  if (!isPlainObject(body)) {
    const kind = body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body;
    throw new InvalidRequestError(`${op.operationId}: the request body must be a plain object, got ${kind}.`, {
      code: 'INVALID_BODY',
      operation: op.operationId,
    });
  }
  const payload: Record<string, unknown> = { ...body };
  const field = op.requestTimestampField;
  if (field !== null && payload[field] === undefined) payload[field] = beijingDateTime(ctx.now());
  const validate = ctx.requestValidators?.[op.operationId];
  if (validate && !validate(payload)) {
    const reasons = (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword}`).join('; ');
    throw new InvalidRequestError(`${op.operationId}: the request body does not match the spec: ${reasons}.`, {
      code: 'INVALID_BODY',
      operation: op.operationId,
    });
  }
  return JSON.stringify(payload);
}

/** One HTTP attempt: hands openapi-fetch the serialized body and reads the answer as text. */
export async function sendOnce(op: OperationDescriptor, json: string, ctx: CallContext, signal: AbortSignal | undefined) {
  // The middleware finds the body it must sign through this object (see auth/middleware.ts).
  const params = {};
  ctx.bodies.set(params, json);
  try {
    const result = await ctx.raw.request(op.method.toLowerCase() as 'post', op.path as keyof paths, {
      body: json as never,
      bodySerializer: passthrough,
      params: params as never,
      parseAs: 'text',
      signal,
    } as never);
    const payload: unknown = result.data ?? result.error;
    const text = typeof payload === 'string' ? payload : payload === undefined ? '' : JSON.stringify(payload);
    return { status: result.response.status, text, headers: result.response.headers };
  } catch (cause) {
    if (signal?.aborted) {
      throw new AbortedError(`${op.operationId}: aborted by the caller.`, { code: 'ABORTED', operation: op.operationId, attempts: 1, cause });
    }
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new NetworkError(`${op.operationId}: the request to ChinaUMS failed before a response (${reason}).`, {
      code: 'NETWORK',
      operation: op.operationId,
      attempts: 1,
      cause,
    });
  }
}

export async function callOperation(op: OperationDescriptor, body: unknown, ctx: CallContext, options: CallOptions = {}): Promise<unknown> {
  const json = prepareBody(op, body, ctx);
  const response = await sendOnce(op, json, ctx, options.signal);
  return interpretResponse(op, response, 1);
}
