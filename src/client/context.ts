// What one outbound call runs with: the client's settings, resolved once by createChinaUmsClient,
// and what a caller may change per call. Shared by call.ts, attempt.ts and the token call.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import type { ReceivedValidateFunction, ValidateFunction } from '../../generated/validators/types.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { SigningCrypto } from '../crypto/provider.js';
import type { ChinaUmsHooks, ChinaUmsLogger, EmitEvent, ProblemsEvent } from '../observability.js';
import type { ClockSkew } from './clock-skew.js';
import type { RetryPolicy } from './retry-policy.js';
import type { ArmDeadline } from './transport/own-timer.js';

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call; the promise rejects with AbortedError. */
  signal?: AbortSignal | undefined;
  /** Timeout of each HTTP attempt for this call, ms (default: the client's `timeoutMs`). */
  timeoutMs?: number | undefined;
  /** Overall limit across attempts and backoff for this call, ms (default: the client's `deadlineMs`). */
  deadlineMs?: number | undefined;
  /**
   * Retries for this call. Operations the spec marks retry-safe (`x-retry-safe`, e.g. queries and
   * refunds) retry by default; for the others (creations, `netpayClose`, `billsPreauthCancel`, …)
   * pass `true` or a policy to opt in, knowing a repeated request may take effect twice. `false`
   * disables retries.
   */
  retry?: boolean | RetryPolicy | undefined;
}

export interface CallContext {
  /** The operation methods' openapi-fetch client: no signing middleware, each request carries its Authorization. */
  readonly client: Client<paths>;
  readonly baseUrl: string;
  /** Wall clock for the timestamps written into requests (skew-corrected when enabled). */
  readonly now: () => number;
  /** The uncorrected wall clock, to measure skew against. */
  readonly localNow: () => number;
  readonly requestValidators: Readonly<Record<string, ValidateFunction>> | undefined;
  readonly responseValidators: Readonly<Record<string, ReceivedValidateFunction>> | undefined;
  readonly authenticator: Authenticator;
  /** Largest answer body read, bytes. */
  readonly maxResponseBytes: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly retry: RetryPolicy | false | undefined;
  readonly clockSkew: ClockSkew | undefined;
  readonly emit: EmitEvent;
  /** How an attempt's deadline is timed: a timer each (portable), or one shared timer (the Node entry). */
  readonly armDeadline: ArmDeadline;
  /** Problems of success answers: hooks and logger, console.warn when the client has neither (observability.ts). */
  readonly reportProblems: (event: ProblemsEvent) => void;
}

/** What the client hands an auth strategy. Internal: strategies come from this package. */
export interface ClientAuthSetup {
  readonly appId: string;
  readonly appKey: string;
  readonly crypto: SigningCrypto;
  /** The host's own clock (token expiry is shared between hosts, so never the skew-corrected one). */
  readonly localNow: () => number;
  readonly emit: EmitEvent;
  /** The client's own hooks and logger: a token store failure reaches console.warn when neither would report it. */
  readonly hooks: ChinaUmsHooks | undefined;
  readonly logger: ChinaUmsLogger | false | undefined;
  /** The client's call context (timeouts, retries, hooks), ready by the time a token is needed. */
  readonly context: () => CallContext;
}

/** How a client authenticates: `'signature'` (the default), or a strategy such as `accessTokenAuth()`. */
export interface ClientAuth {
  readonly mode: 'access-token';
  /** @internal */
  readonly createAuthenticator: (setup: ClientAuthSetup) => Authenticator;
}
