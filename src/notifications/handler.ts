import { ConfigurationError } from '../errors.js';
import { defaultDedupeKey } from './dedupe-key.js';
import { failedResponse, refusalResponse, successResponse } from './responses.js';
import type { NotificationStore } from './store.js';
import { DEFAULT_DEDUPE_TTL_MS, DEFAULT_IN_FLIGHT_LEASE_MS, MemoryNotificationStore } from './store.js';
import { describeReceivedProblems } from '../wire/received.js';
import { DEFAULT_STORE_TIMEOUT_MS, NotificationStoreTimeoutError, withStoreTimeout } from './store-timeout.js';
import type {
  NotificationKeyOptions,
  NotificationRejected,
  NotificationSchemaProblem,
  NotificationSignType,
  PaymentNotification,
  VerifyNotificationSettings,
} from './types.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { webCrypto } from '../crypto/web.js';
import { configuredKeys, verifyRequestWith } from './verify.js';

export interface NotificationContext {
  /** Every received field exactly as received, including unknown ones. */
  readonly raw: Readonly<Record<string, string>>;
  /** Where the notification differs from the spec (see `NotificationVerified.problems`); also logged. */
  readonly problems: readonly NotificationSchemaProblem[];
  /** What deduplication used: `notifyId:…` normally (see `defaultDedupeKey`). */
  readonly dedupeKey: string;
  readonly signType: NotificationSignType;
  /** Which configured key verified. */
  readonly keyIndex: number;
  readonly request: Request;
}

export type NotificationErrorStage = 'callback' | 'store' | 'configuration';

/** Where refusals and schema problems are reported: any console-like logger (console, pino, winston). */
export interface NotificationLogger {
  warn(message: string, fields: Record<string, unknown>): void;
}

export interface NotificationHandlerSettings extends VerifyNotificationSettings {
  /** Runs once per notification (per dedupe key). Throw (or reject) to have the platform retry. */
  onNotification(notification: PaymentNotification, context: NotificationContext): void | Promise<void>;
  /** Deduplication store; default an in-memory LRU store. `false` runs the callback on every delivery. */
  readonly store?: NotificationStore | false;
  /** How long a handled notification is remembered (default 25 h; the platform retries for 24 h). */
  readonly dedupeTtlMs?: number;
  /** How long one delivery's claim blocks concurrent duplicates (default 2 min). */
  readonly inFlightLeaseMs?: number;
  /**
   * Longest wait for one store call (default 3 s; `Infinity` waits forever). Past it the delivery
   * is answered FAILED (503) and the platform retries: a store that never answers cannot hang it.
   */
  readonly storeTimeoutMs?: number;
  /** What makes two deliveries "the same"; default `defaultDedupeKey` (notifyId, else order fields). */
  readonly dedupeKey?: (raw: Readonly<Record<string, string>>) => string;
  /**
   * Called with the callback's error (the answer is then FAILED, so the platform retries), a
   * store failure, or a setup problem. Default: console.error. Nothing passed here contains a key.
   */
  readonly onError?: (error: unknown, context: { readonly stage: NotificationErrorStage; readonly dedupeKey?: string }) => void;
  /** Called for each refused notification (bad signature, malformed…), e.g. to log or alert. */
  readonly onRejected?: (rejection: NotificationRejected, request: Request) => void;
  /**
   * Receives a warning for every refused notification and every accepted one with schema
   * problems, so neither goes unnoticed. Default `console`; `false` silences it (the hooks and
   * `context.problems` still tell). Lines carry reasons, field names and the notifyId, never a
   * key, a sign or a field's value.
   */
  readonly logger?: NotificationLogger | false;
}

export type NotificationHandlerOptions = NotificationKeyOptions & NotificationHandlerSettings;

export type NotificationHandler = (request: Request) => Promise<Response>;

const defaultOnError: NonNullable<NotificationHandlerSettings['onError']> = (error, context) => {
  console.error(`[chinaums] notification ${context.stage} error`, error);
};

function safely(hook: () => void): void {
  try {
    hook();
  } catch {
    // A failing log hook must not change the answer to the platform.
  }
}

async function attempt(action: () => Promise<void>, onFailure: (error: unknown) => void): Promise<void> {
  try {
    await action();
  } catch (error) {
    onFailure(error);
  }
}

/** The error and rejection hooks and the logger, wrapped so a failing hook never changes the answer. */
export function notificationHooks(options: Pick<NotificationHandlerSettings, 'onError' | 'onRejected' | 'logger'>) {
  const onError = options.onError ?? defaultOnError;
  const logger = options.logger === false ? undefined : (options.logger ?? console);
  return {
    reportError: (error: unknown, stage: NotificationErrorStage, dedupeKey?: string) =>
      safely(() => onError(error, dedupeKey === undefined ? { stage } : { stage, dedupeKey })),
    reportRejection: (rejection: NotificationRejected, request: Request) => {
      safely(() => options.onRejected?.(rejection, request));
      safely(() => logger?.warn(`[chinaums] notification refused (${rejection.reason}): ${rejection.message}`, { reason: rejection.reason }));
    },
    reportProblems: (problems: readonly NotificationSchemaProblem[], raw: Readonly<Record<string, string>>) => {
      if (problems.length === 0) return;
      const notifyId = raw['notifyId'];
      safely(() =>
        logger?.warn(
          `[chinaums] notification${notifyId ? ` ${notifyId}` : ''} accepted (its signature verified) with values the spec does not document: ${describeReceivedProblems(problems)}`,
          { notifyId, problems },
        ),
      );
    },
  };
}

function storeTimeout(value: number | undefined): number {
  if (value === undefined) return DEFAULT_STORE_TIMEOUT_MS;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new ConfigurationError('storeTimeoutMs must be a positive number of milliseconds (or Infinity to wait forever).');
  }
  return value;
}

function resolveHandlerOptions(options: NotificationHandlerOptions) {
  if (!configuredKeys(options)) {
    throw new ConfigurationError('createNotificationHandler needs `key` (a non-empty string) or `keys` (non-empty strings).');
  }
  if (typeof options.onNotification !== 'function') {
    throw new ConfigurationError('createNotificationHandler needs an onNotification callback.');
  }
  if (options.schema !== undefined && options.schema !== 'report' && options.schema !== 'refuse') {
    throw new ConfigurationError(`Unknown schema ${JSON.stringify(options.schema)}: use 'report' (default) or 'refuse'.`, 'INVALID_OPTION');
  }
  const { logger } = options;
  if (logger !== undefined && logger !== false && typeof (logger as Partial<NotificationLogger> | null)?.warn !== 'function') {
    throw new ConfigurationError('logger must have a warn(message, fields) method (console, pino, winston), or be false.', 'INVALID_OPTION');
  }
  const timeoutMs = storeTimeout(options.storeTimeoutMs);
  return {
    ...notificationHooks(options),
    // The default memory store settles at once: only a store passed in needs its calls bounded.
    store: options.store === false ? undefined : options.store ? withStoreTimeout(options.store, timeoutMs) : new MemoryNotificationStore(),
    dedupeTtlMs: options.dedupeTtlMs ?? DEFAULT_DEDUPE_TTL_MS,
    leaseMs: options.inFlightLeaseMs ?? DEFAULT_IN_FLIGHT_LEASE_MS,
    dedupeKey: options.dedupeKey ?? defaultDedupeKey,
  };
}

/**
 * A `(Request) => Promise<Response>` notification endpoint for Deno.serve, Workers, Bun, Hono,
 * Next.js route handlers. Answers `SUCCESS` once the callback succeeded (or the notification was
 * already handled), `FAILED` otherwise so the platform retries; see responses.ts for statuses.
 */
export function createNotificationHandler(options: NotificationHandlerOptions): NotificationHandler {
  return createNotificationHandlerWith(webCrypto, options);
}

/** createNotificationHandler with another default provider (the workerd entry's native MD5), so the portable default can be left out of a bundle. */
export function createNotificationHandlerWith(defaultCrypto: CryptoProvider, options: NotificationHandlerOptions): NotificationHandler {
  const settings = resolveHandlerOptions(options);
  const { store } = settings;

  return async function handleNotification(request: Request): Promise<Response> {
    if (request.method !== 'POST') return failedResponse(405, 'method-not-allowed', { allow: 'POST' });

    const result = await verifyRequestWith(defaultCrypto, request, options);
    if (!result.ok) {
      settings.reportRejection(result, request);
      return refusalResponse(result.reason);
    }
    settings.reportProblems(result.problems, result.raw);

    let dedupeKey: string;
    try {
      dedupeKey = settings.dedupeKey(result.raw);
    } catch (error) {
      settings.reportError(error, 'configuration');
      return failedResponse(500, 'dedupe-key-failed');
    }

    // This delivery's own claim token: a late failure can then release only its own claim.
    const owner = crypto.randomUUID();
    if (store) {
      try {
        const claim = await store.claim(dedupeKey, settings.leaseMs, owner);
        if (claim === 'duplicate') return successResponse();
        // Another delivery is running the callback now: FAILED makes the platform come back
        // later, when the first delivery has finished and the answer is SUCCESS.
        if (claim === 'in-flight') return failedResponse(409, 'in-flight');
      } catch (error) {
        settings.reportError(error, 'store', dedupeKey);
        return failedResponse(503, error instanceof NotificationStoreTimeoutError ? 'store-timeout' : 'store-unavailable');
      }
    }

    const context: NotificationContext = {
      raw: result.raw,
      problems: result.problems,
      dedupeKey,
      signType: result.signType,
      keyIndex: result.keyIndex,
      request,
    };
    try {
      await options.onNotification(result.notification, context);
    } catch (error) {
      settings.reportError(error, 'callback', dedupeKey);
      // Not marked as handled, so the platform's retry runs the callback again.
      if (store) await attempt(() => store.release(dedupeKey, owner), (failure) => settings.reportError(failure, 'store', dedupeKey));
      return failedResponse(500, 'callback-failed');
    }

    // The work is done: even if remembering it fails, answer SUCCESS (a retry would redo the work).
    if (store) {
      await attempt(() => store.complete(dedupeKey, settings.dedupeTtlMs), (failure) => settings.reportError(failure, 'store', dedupeKey));
    }
    return successResponse();
  };
}
