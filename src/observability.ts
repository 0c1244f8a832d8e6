// Structured events for logs and metrics. Events carry operation names, attempt numbers, status
// codes, durations and error codes: never a body, an appKey, a signature or an access token.
import type { ChinaUmsError } from './errors.js';
import { describeReceivedProblems, type ReceivedProblem } from './wire/received.js';
import { redactFields } from './redaction.js';

export interface RequestEvent {
  readonly type: 'request';
  readonly operation: string;
  readonly attempt: number;
  readonly method: string;
  readonly url: string;
  /** Request headers with credentials redacted (`OPEN-ACCESS-TOKEN [REDACTED]`). */
  readonly headers: Readonly<Record<string, string>>;
}

export interface ResponseEvent {
  readonly type: 'response';
  readonly operation: string;
  readonly attempt: number;
  readonly status: number;
  readonly durationMs: number;
  /** The result code (errCode/respCode) when the body had one. */
  readonly errCode: string | undefined;
}

export interface RetryEvent {
  readonly type: 'retry';
  readonly operation: string;
  /** The attempt that failed. */
  readonly attempt: number;
  readonly delayMs: number;
  /** The failure's code, e.g. `NETWORK`, `HTTP_502`, `9200`, or `TOKEN_REJECTED` for a refreshed token. */
  readonly reason: string;
  readonly status: number | undefined;
}

export interface ErrorEvent {
  readonly type: 'error';
  readonly operation: string;
  readonly attempts: number;
  readonly durationMs: number;
  readonly code: string;
  readonly status: number | undefined;
  /** The error the call rejects with (secret-free by construction). */
  readonly error: ChinaUmsError;
}

export interface TokenEvent {
  readonly type: 'token';
  /**
   * `fetched`: this client obtained a new token; `shared`: it took one another instance stored; `rejected`: the platform
   * refused one; `store-failed`: the token store refused a write (`set`, `invalidate`, `lock`), the client carries on with its own memory.
   */
  readonly action: 'fetched' | 'shared' | 'rejected' | 'store-failed';
  readonly appId: string;
  /** Remaining lifetime in seconds (fetched/shared). */
  readonly expiresInSeconds: number | undefined;
  /** `store-failed`: the store's message, with known credentials redacted. */
  readonly reason?: string | undefined;
}

export interface ClockSkewEvent {
  readonly type: 'clock-skew';
  /** The correction now applied to timestamps (0: the host clock looks right again). */
  readonly offsetMs: number;
}

/**
 * A success answer with values the spec does not document (an unknown status, an amount that is
 * not an integer of fen…). The answer is still returned: the platform's word is data. A value
 * that did not convert was left out of the returned object; `rawBody` has it as received.
 */
export interface ProblemsEvent {
  readonly type: 'problems';
  readonly operation: string;
  readonly attempt: number;
  readonly problems: readonly ReceivedProblem[];
  /** The answer exactly as received (the token call's with the token redacted). Not logged. */
  readonly rawBody: string;
}

export type ChinaUmsEvent = RequestEvent | ResponseEvent | RetryEvent | ErrorEvent | TokenEvent | ClockSkewEvent | ProblemsEvent;

export interface ChinaUmsHooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
  onError?(event: ErrorEvent): void;
  onToken?(event: TokenEvent): void;
  onClockSkew?(event: ClockSkewEvent): void;
  onProblems?(event: ProblemsEvent): void;
}

/** Any console-like logger (console, pino, winston): `(message, fields)`. */
export interface ChinaUmsLogger {
  debug(message: string, fields: Record<string, unknown>): void;
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

export type EmitEvent = (event: ChinaUmsEvent) => void;

/** The emitter of a client without hooks or logger: callers compare against it to skip building events nobody receives. */
export const NO_EVENTS: EmitEvent = () => undefined;

function logFields(event: ChinaUmsEvent): Record<string, unknown> {
  if (event.type === 'problems') {
    const { rawBody: _body, ...rest } = event;
    return { ...rest };
  }
  if (event.type !== 'error') return { ...event };
  const { error, ...rest } = event;
  return { ...rest, error: { name: error.name, message: error.message } };
}

function logTo(logger: ChinaUmsLogger, event: ChinaUmsEvent): void {
  const fields = logFields(event);
  switch (event.type) {
    case 'request':
      return logger.debug(`chinaums ${event.operation} attempt ${event.attempt}`, fields);
    case 'response':
      return logger.debug(`chinaums ${event.operation} HTTP ${event.status}`, fields);
    case 'retry':
      return logger.warn(`chinaums ${event.operation} retrying after ${event.reason}`, fields);
    case 'error':
      return logger.error(`chinaums ${event.operation} failed: ${event.code}`, fields);
    case 'token':
      if (event.action === 'store-failed') return logger.warn(`chinaums access token store failed: ${event.reason ?? 'unknown error'}`, fields);
      return logger.info(`chinaums access token ${event.action}`, fields);
    case 'clock-skew':
      return logger.warn(`chinaums clock skew correction ${event.offsetMs} ms`, fields);
    case 'problems':
      return logger.warn(problemsMessage(event), fields);
  }
}

const HOOK_BY_TYPE = {
  request: 'onRequest',
  response: 'onResponse',
  retry: 'onRetry',
  error: 'onError',
  token: 'onToken',
  'clock-skew': 'onClockSkew',
  problems: 'onProblems',
} as const satisfies Record<ChinaUmsEvent['type'], keyof ChinaUmsHooks>;

/**
 * One emitter for hooks and logger. A throwing hook or logger is ignored: observability must
 * never change the outcome of a payment call. Every event is redacted here, the funnel, so no
 * call site can forget it.
 */
export function createEmitter(hooks: ChinaUmsHooks | undefined, logger: ChinaUmsLogger | undefined): EmitEvent {
  if (!hooks && !logger) return NO_EVENTS;
  return (unredacted) => {
    const event = redactFields(unredacted);
    try {
      const hook = hooks?.[HOOK_BY_TYPE[event.type]] as ((e: ChinaUmsEvent) => void) | undefined;
      hook?.call(hooks, event);
    } catch {
      // ignored on purpose, see above
    }
    try {
      if (logger) logTo(logger, event);
    } catch {
      // ignored on purpose, see above
    }
  };
}

function problemsMessage(event: ProblemsEvent): string {
  return `chinaums ${event.operation} answered with values the spec does not document (returned anyway): ${describeReceivedProblems(event.problems)}`;
}

/**
 * Where a client reports problems events: its hooks and logger, and, when it was given neither a
 * logger nor an onProblems hook, console.warn, so an unfamiliar answer is never silent.
 * `logger: false` opts out of that fallback.
 */
export function createProblemsReporter(emit: EmitEvent, hooks: ChinaUmsHooks | undefined, logger: ChinaUmsLogger | false | undefined): (event: ProblemsEvent) => void {
  const fallback = logger === undefined && typeof hooks?.onProblems !== 'function';
  return (event) => {
    emit(event);
    if (!fallback) return;
    try {
      const redacted = redactFields(event);
      console.warn(problemsMessage(redacted), logFields(redacted));
    } catch {
      // ignored: observability never changes the outcome
    }
  };
}

/**
 * The token cache's emitter: a store failure is never silent. When the client was given neither a
 * logger nor an onToken hook, `store-failed` also goes to console.warn (redacted); `logger: false`
 * opts out, as for problems.
 */
export function tokenEventsWithFallback(emit: EmitEvent, hooks: ChinaUmsHooks | undefined, logger: ChinaUmsLogger | false | undefined): EmitEvent {
  if (logger !== undefined || typeof hooks?.onToken === 'function') return emit;
  return (event) => {
    emit(event);
    if (event.type !== 'token' || event.action !== 'store-failed') return;
    try {
      const redacted = redactFields(event);
      console.warn(`chinaums access token store failed: ${redacted.reason ?? 'unknown error'}`, logFields(redacted));
    } catch {
      // ignored: observability never changes the outcome
    }
  };
}

/** `OPEN-BODY-SIG AppId=…` → `OPEN-BODY-SIG [REDACTED]`: the scheme is useful in logs, the rest is a credential. */
export function redactAuthorization(header: string | undefined): string {
  if (!header) return '';
  const scheme = /^\S+/.exec(header.trim())?.[0] ?? '';
  return `${scheme} [REDACTED]`.trim();
}

/** Replaces an access token in a response body kept for an error's `rawBody`. */
export function redactAccessTokenBody(text: string): string {
  return text.replace(/("accessToken"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s]+)/g, '$1"[REDACTED]"');
}
