// What createChinaUmsClient accepts, and the checks that turn it into settings: bad input fails
// here, at construction, with a ConfigurationError that never quotes a credential.
import type { ReceivedValidateFunction, ValidateFunction } from '../../generated/validators/types.js';
import type { SigningCrypto } from '../crypto/provider.js';
import { ConfigurationError } from '../errors.js';
import type { ChinaUmsHooks, ChinaUmsLogger } from '../observability.js';
import type { ClientAuth } from './context.js';
import type { RetryPolicy } from './retry-policy.js';

export const ENVIRONMENTS = {
  production: 'https://api-mop.chinaums.com',
  test: 'https://test-api-open.chinaums.com',
} as const;

export type ChinaUmsEnvironment = keyof typeof ENVIRONMENTS;

/** Checks a credential without ever putting its value in the message. */
export function requireCredential(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ConfigurationError(`${name} is required: pass the ${name} ChinaUMS assigned to your application.`, 'MISSING_CREDENTIAL');
  }
  if (value.trim() !== value) {
    throw new ConfigurationError(
      `${name} has leading or trailing whitespace (often a newline from an env file); the platform would reject every signature. Trim it.`,
      'CREDENTIAL_WHITESPACE',
    );
  }
  return value;
}

/** The appId goes into a quoted header parameter: printable ASCII without quotes or spaces. */
export function requireAppId(value: unknown): string {
  const appId = requireCredential('appId', value);
  if (!/^[\x21\x23-\x7e]+$/.test(appId)) {
    throw new ConfigurationError('appId may contain only printable ASCII without spaces or quotes; check that the right value was configured.', 'INVALID_APP_ID');
  }
  return appId;
}

export function resolveBaseUrl(environment: unknown, baseUrl: unknown): string {
  if (baseUrl !== undefined) {
    if (typeof baseUrl !== 'string') throw new ConfigurationError('baseUrl must be a string such as "http://127.0.0.1:8080".');
    let parsed: URL;
    try {
      parsed = new URL(baseUrl);
    } catch {
      throw new ConfigurationError(`baseUrl "${baseUrl}" is not an absolute URL.`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new ConfigurationError(`baseUrl must use http or https, got ${parsed.protocol}`);
    }
    return baseUrl.replace(/\/+$/, '');
  }
  if (environment === undefined) {
    throw new ConfigurationError('Choose an environment: environment: "test" or "production" (or pass baseUrl, e.g. the local sandbox).');
  }
  if (typeof environment !== 'string' || !Object.prototype.hasOwnProperty.call(ENVIRONMENTS, environment)) {
    throw new ConfigurationError(`Unknown environment ${JSON.stringify(environment)}: use "test" or "production".`, 'UNKNOWN_ENVIRONMENT');
  }
  return ENVIRONMENTS[environment as ChinaUmsEnvironment];
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_DEADLINE_MS = 30_000;

export interface ChinaUmsClientOptions {
  /** The appId ChinaUMS assigned to your application. */
  appId: string;
  /** The appKey (signing secret). Never logged, never put in an error. */
  appKey: string;
  /** Which platform to call; or pass `baseUrl` (e.g. the local sandbox). */
  environment?: ChinaUmsEnvironment;
  /** Overrides `environment`, e.g. `http://127.0.0.1:8080` for the sandbox. */
  baseUrl?: string;
  /** A fetch implementation (tests, proxies, instrumented fetch). Defaults to globalThis.fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Hashing implementation; defaults to Web Crypto. */
  crypto?: SigningCrypto;
  /** The clock, in epoch milliseconds; defaults to Date.now. */
  now?: () => number;
  /** Validate every request body against the spec before sending (pass `requestValidators` from `chinaums/validators`). */
  requestValidators?: Readonly<Record<string, ValidateFunction>>;
  /**
   * Check success answers against what the spec documents (pass `responseValidators` from
   * `chinaums/validators`). Differences never fail a call: they are reported as `problems` events.
   * Without it only amounts and JSON-string fields are checked.
   */
  responseValidators?: Readonly<Record<string, ReceivedValidateFunction>>;
  /**
   * `'signature'` (OPEN-BODY-SIG, the default), or `accessTokenAuth({ store })` (OPEN-ACCESS-TOKEN
   * with a cached, shared token). Imported, so that a signature-only bundle leaves the token code out.
   */
  auth?: 'signature' | ClientAuth;
  /** Largest answer read, in bytes (default 4 MiB): a bigger one is cancelled unread, a `ResponseTooLargeError`. */
  maxResponseBytes?: number;
  /** Timeout of each HTTP attempt, ms (default 10 000). */
  timeoutMs?: number;
  /** Overall limit for one call across attempts and backoff, ms (default 30 000). */
  deadlineMs?: number;
  /** Retry policy for retry-safe operations (default 3 attempts, 200 ms base, 5 s cap); `false` disables retries. */
  retry?: RetryPolicy | false;
  /** Learn the host's clock error from the platform's `Date` header (when over 5 s) and correct the timestamps sent. */
  clockSkewCorrection?: boolean;
  /** Structured events: request, response, retry, error, token, clock-skew, problems. Credentials are redacted. */
  hooks?: ChinaUmsHooks;
  /**
   * A console-like logger receiving the same events. Without one (and without an onProblems hook),
   * `problems` events still reach console.warn; `false` silences that too.
   */
  logger?: ChinaUmsLogger | false;
}

export function positiveOption(name: string, value: unknown, fallback: number, unit = 'milliseconds'): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(`${name} must be a positive number of ${unit}.`, 'INVALID_OPTION');
  }
  return value;
}

const MOVED_TOKEN_OPTIONS = { tokenStore: 'store', tokenRefreshMarginMs: 'refreshMarginMs', tokenLock: 'lock' } as const;

export function requireAuth(options: ChinaUmsClientOptions): 'signature' | ClientAuth {
  const { auth } = options;
  // Access-token mode is imported (see ClientAuth): say how to migrate rather than ignore the old options.
  for (const [old, now] of Object.entries(MOVED_TOKEN_OPTIONS)) {
    if (old in options) throw new ConfigurationError(`${old} is now an option of accessTokenAuth: auth: accessTokenAuth({ ${now} }).`, 'INVALID_OPTION');
  }
  if (auth === undefined || auth === 'signature') return 'signature';
  if (typeof auth === 'object' && auth !== null && typeof (auth as Partial<ClientAuth>).createAuthenticator === 'function') return auth;
  const hint = (auth as unknown) === 'access-token' ? ' (access-token mode is now auth: accessTokenAuth({ store }), imported from chinaums)' : '';
  throw new ConfigurationError(`Unknown auth ${JSON.stringify(auth)}: use "signature" (default) or accessTokenAuth()${hint}.`, 'INVALID_OPTION');
}
