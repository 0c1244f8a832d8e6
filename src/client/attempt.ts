// One HTTP attempt of a call: its body and credential, the request through openapi-fetch, the
// answer read within the size limit and interpreted. It never throws: call.ts decides what next.
import type { OperationDescriptor } from '../../generated/operations.js';
import type { paths } from '../../generated/schema.js';
import { AbortedError, ChinaUmsError, NetworkError, TimeoutError } from '../errors.js';
import { NO_EVENTS, redactAuthorization } from '../observability.js';
import { monotonicNow } from '../time.js';
import { readStreamWithLimit } from '../wire/limited-body.js';
import type { CallContext } from './context.js';
import { interpretResponse, textOf } from './interpret-response.js';
import { bodyOrThrow, guardErrorForOperation } from './response-guard.js';
import { parseRetryAfter } from './retry-policy.js';
import { createAttemptSignal, type AttemptEnd } from './transport/attempt-signal.js';
import { AUTHORIZATION } from './transport/authorized-request.js';

export interface AttemptRequest {
  /** The body: one string for a business call; rebuilt per attempt (fresh timestamp, nonce) for the token call. */
  readonly body: string | (() => Promise<string>);
  /** Applied to the response text before it can reach an error's `rawBody` (the token call's reply holds a secret). */
  readonly redactBody?: ((text: string) => string) | undefined;
}

export interface AttemptSettings {
  readonly attempt: number;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly remainingMs: number;
}

export type AttemptOutcome =
  | { readonly ok: true; readonly data: Record<string, unknown>; readonly status: number }
  | {
      readonly ok: false;
      readonly error: ChinaUmsError;
      /** The Authorization that was sent, so a refused token can be identified. */
      readonly authorization: string | undefined;
      readonly retryAfterMs: number | undefined;
    };

const passthrough = (body: unknown) => body as string;

/** What the attempt was waiting for when it ended: a token wait is not a network problem. */
type Phase = 'credential' | 'response';

const WAITING_FOR_TOKEN = 'waiting for an access token (the token store, or the token call it needed)';

/** Turns whatever ended an attempt without a response into the error that explains it. */
function failureWithoutResponse(op: OperationDescriptor, cause: unknown, ended: AttemptEnd | undefined, settings: AttemptSettings, phase: Phase = 'response'): ChinaUmsError {
  if (cause instanceof ChinaUmsError) return guardErrorForOperation(cause, op.operationId, settings.attempt) ?? cause;
  const details = { operation: op.operationId, attempts: settings.attempt, cause };
  if (ended === 'caller') return new AbortedError(`${op.operationId}: aborted by the caller.`, { ...details, code: 'ABORTED' });
  if (ended === 'deadline') {
    const hint = phase === 'credential' ? `while ${WAITING_FOR_TOKEN}; check the token store` : 'raise deadlineMs or check the network';
    return new TimeoutError(`${op.operationId}: the overall deadline passed during attempt ${settings.attempt}; ${hint}.`, { ...details, code: 'DEADLINE_EXCEEDED' });
  }
  if (ended === 'timeout') {
    const what = phase === 'credential' ? `no access token within ${settings.timeoutMs} ms, ${WAITING_FOR_TOKEN}` : `no response within ${settings.timeoutMs} ms`;
    return new TimeoutError(`${op.operationId}: ${what} (attempt ${settings.attempt}).`, { ...details, code: 'TIMEOUT' });
  }
  return new NetworkError(`${op.operationId}: the request to ChinaUMS failed before a response (${describeFailure(cause)}).`, { ...details, code: 'NETWORK' });
}

/**
 * "fetch failed" says nothing: the reason is down the cause chain (undici: `cause.code`
 * ECONNREFUSED, ENOTFOUND…, several addresses: an AggregateError). Each distinct part once.
 */
function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (!(current instanceof Error)) {
      parts.push(String(current));
      break;
    }
    const code = (current as { code?: unknown }).code;
    for (const part of [current.message, typeof code === 'string' ? code : '']) {
      if (part && !parts.some((seen) => seen.includes(part))) parts.push(part);
    }
    current = current.cause ?? (current instanceof AggregateError ? current.errors[0] : undefined);
  }
  return parts.join(': ') || 'unknown error';
}

interface Sent {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

const utf8 = new TextDecoder();

function isStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof (value as { getReader?: unknown } | null | undefined)?.getReader === 'function';
}

/** A success body, read up to the client's limit and cancelled past it. */
async function readSuccessBody(stream: ReadableStream<Uint8Array>, status: number, maxResponseBytes: number): Promise<string> {
  return utf8.decode(bodyOrThrow(await readStreamWithLimit(stream, maxResponseBytes), status, maxResponseBytes));
}

/** Sends the body through openapi-fetch exactly as signed (a string, never re-serialized). Not async: the caller awaits it once. */
function send(op: OperationDescriptor, body: string, authorization: string | undefined, ctx: CallContext, signal: AbortSignal): Promise<Sent> {
  // openapi-fetch names its per-method callers as the spec writes methods (POST); `request()` would upper-case it again.
  return ctx.client[op.method as 'POST'](op.path as keyof paths as never, {
    body: body as never,
    bodySerializer: passthrough,
    // A success body arrives unread, to be read with the size limit (response-guard.ts reads the others).
    parseAs: 'stream',
    signal,
    [AUTHORIZATION]: authorization,
  } as never) as Promise<Sent>;
}

/** One HTTP attempt, never throwing: the outcome says what happened so the caller can decide to retry. */
export async function attemptOnce(op: OperationDescriptor, request: AttemptRequest, ctx: CallContext, settings: AttemptSettings): Promise<AttemptOutcome> {
  const attemptSignal = createAttemptSignal(settings.signal, settings.timeoutMs, settings.remainingMs, ctx.armDeadline);
  const { signal } = attemptSignal;
  let authorization: string | undefined;
  let phase: Phase = 'response';
  try {
    // Both the body and the credential may wait (the token call, a shared refresh): the attempt's signal bounds that wait too.
    const body = typeof request.body === 'string' ? request.body : await attemptSignal.race(request.body());
    if (op.security.length > 0) {
      // A credential at hand (a local signature, a cached token) comes back as a string: nothing to wait for.
      const credential = ctx.authenticator.authorize(body, { operationId: op.operationId, signal });
      if (typeof credential === 'string') authorization = credential;
      else {
        phase = 'credential';
        authorization = await attemptSignal.race(credential);
        phase = 'response';
      }
    }
    // Events are built only for a client with hooks or a logger (redacting and copying cost per request).
    const observed = ctx.emit !== NO_EVENTS;
    if (observed) {
      ctx.emit({
        type: 'request',
        operation: op.operationId,
        attempt: settings.attempt,
        method: op.method,
        url: ctx.baseUrl + op.path,
        headers: authorization === undefined ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', authorization: redactAuthorization(authorization) },
      });
    }
    const started = observed ? monotonicNow() : 0;
    const sentAt = ctx.clockSkew ? ctx.localNow() : 0;
    // Raced as well: an injected fetch may ignore the signal, and the attempt must still end on time.
    const sent = await attemptSignal.race(send(op, body, authorization, ctx, signal));
    const { response } = sent;
    if (ctx.clockSkew?.observe(response.headers.get('date'), sentAt, ctx.localNow())) {
      ctx.emit({ type: 'clock-skew', offsetMs: ctx.clockSkew.offsetMs });
    }
    const answer = isStream(sent.data) ? await attemptSignal.race(readSuccessBody(sent.data, response.status, ctx.maxResponseBytes)) : textOf(sent.data ?? sent.error);
    const raw = { status: response.status, text: answer };
    const rawBodyForErrors = request.redactBody ? request.redactBody(raw.text) : raw.text;
    const durationMs = observed ? monotonicNow() - started : 0;
    try {
      const { data, problems } = interpretResponse(op, raw, settings.attempt, rawBodyForErrors, ctx.responseValidators?.[op.operationId]);
      if (problems.length > 0) ctx.reportProblems({ type: 'problems', operation: op.operationId, attempt: settings.attempt, problems, rawBody: rawBodyForErrors });
      if (observed) ctx.emit({ type: 'response', operation: op.operationId, attempt: settings.attempt, status: raw.status, durationMs, errCode: data[op.result.codeField] == null ? undefined : textOf(data[op.result.codeField]) });
      return { ok: true, data, status: raw.status };
    } catch (error) {
      const failure = error instanceof ChinaUmsError ? error : failureWithoutResponse(op, error, undefined, settings);
      if (observed) ctx.emit({ type: 'response', operation: op.operationId, attempt: settings.attempt, status: raw.status, durationMs, errCode: failure.code });
      return { ok: false, error: failure, authorization, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), ctx.localNow()) };
    }
  } catch (cause) {
    return { ok: false, error: failureWithoutResponse(op, cause, attemptSignal.reason(), settings, phase), authorization, retryAfterMs: undefined };
  } finally {
    attemptSignal.dispose();
  }
}
