// The endpoint's one core, fed by thin adapters (handler.ts: Fetch; node.ts: node:http): a
// delivery (method, content type, a way to read its body) in, a plain answer (status, body,
// headers) out. Verifies once, dedupes through the store, runs the callback, never throws.
import type { CryptoProvider } from '../crypto/provider.js';
import { ConfigurationError } from '../errors.js';
import type { BodyReadOutcome } from '../wire/limited-body.js';
import { describeReceivedProblems } from '../wire/received.js';
import type { NotificationAnswer } from './answers.js';
import { failedAnswer, refusalAnswer, SUCCESS_ANSWER } from './answers.js';
import { defaultDedupeKey } from './dedupe-key.js';
import { bodyKindFor, parseBody, tooLarge, unreadable, unsupportedContentType } from './parse.js';
import type { NotificationContext, NotificationErrorStage, NotificationHandlerOptions, NotificationLogger } from './settings.js';
import { DEFAULT_DEDUPE_TTL_MS, DEFAULT_IN_FLIGHT_LEASE_MS, MemoryNotificationStore } from './store.js';
import { DEFAULT_STORE_TIMEOUT_MS, NotificationStoreTimeoutError, withStoreTimeout } from './store-timeout.js';
import type { NotificationRejected, NotificationSchemaProblem, NotificationSignType, NotificationVerificationResult } from './types.js';
import { configuredKeys, inputLimits, unprocessable, verifyParsed } from './verify-fields.js';

/** A body the adapter could not hand over because other code had it first (a setup error, answered 500). */
export interface MisconfiguredBody {
  readonly ok: false;
  readonly problem: 'misconfigured';
  readonly refusal: string;
  readonly error: ConfigurationError;
}

export type DeliveredBody = BodyReadOutcome | MisconfiguredBody;

export interface Delivery {
  readonly method: string;
  readonly contentType: string | null | undefined;
  /** Reads the body within the limit; called once, and only after the method and content type pass. */
  readBody(maxBytes: number): Promise<DeliveredBody>;
  /** The delivery as a Web Request, for `context.request` and `onRejected`: built only when asked. */
  request(): Request;
}

export interface NotificationCore {
  answer(delivery: Delivery): Promise<NotificationAnswer>;
  reportError(error: unknown, stage: NotificationErrorStage): void;
}

/**
 * The callback's context. A class, because an object literal with a getter cost ~2 µs per
 * delivery (measured; a class instance ~0.1 µs); `request` is built on first read and kept.
 */
class DeliveryContext implements NotificationContext {
  #request: Request | undefined;
  readonly #delivery: Delivery;

  constructor(
    readonly raw: Readonly<Record<string, string>>,
    readonly problems: readonly NotificationSchemaProblem[],
    readonly dedupeKey: string,
    readonly signType: NotificationSignType,
    readonly keyIndex: number,
    delivery: Delivery,
  ) {
    this.#delivery = delivery;
  }

  get request(): Request {
    return (this.#request ??= this.#delivery.request());
  }
}

const METHOD_NOT_ALLOWED = failedAnswer(405, 'method-not-allowed', { allow: 'POST' });

function safely(hook: () => void): void {
  try {
    hook();
  } catch {
    // A failing log hook must not change the answer to the platform.
  }
}

function storeTimeout(value: number | undefined): number {
  if (value === undefined) return DEFAULT_STORE_TIMEOUT_MS;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new ConfigurationError('storeTimeoutMs must be a positive number of milliseconds, or Infinity.');
  }
  return value;
}

function checkedKeys(options: NotificationHandlerOptions): string[] {
  const keys = configuredKeys(options);
  if (!keys) throw new ConfigurationError('createNotificationHandler needs `key` or `keys` (non-empty strings).');
  if (typeof options.onNotification !== 'function') throw new ConfigurationError('createNotificationHandler needs an onNotification callback.');
  if (options.schema !== undefined && options.schema !== 'report' && options.schema !== 'refuse') {
    throw new ConfigurationError(`Unknown schema ${JSON.stringify(options.schema)}: use 'report' or 'refuse'.`, 'INVALID_OPTION');
  }
  const { logger } = options;
  if (logger !== undefined && logger !== false && typeof (logger as Partial<NotificationLogger> | null)?.warn !== 'function') {
    throw new ConfigurationError('logger must have a warn(message, fields) method, or be false.', 'INVALID_OPTION');
  }
  return keys;
}

/** Validates the options once (throwing ConfigurationError) and returns the core both adapters call. */
export function createNotificationCore(defaultCrypto: CryptoProvider, options: NotificationHandlerOptions): NotificationCore {
  const keys = checkedKeys(options);
  const timeoutMs = storeTimeout(options.storeTimeoutMs);
  // The default memory store settles at once: only a store passed in needs its calls bounded.
  const store = options.store === false ? undefined : options.store ? withStoreTimeout(options.store, timeoutMs) : new MemoryNotificationStore();
  const crypto = options.crypto ?? defaultCrypto;
  const limits = inputLimits(options);
  const dedupeTtlMs = options.dedupeTtlMs ?? DEFAULT_DEDUPE_TTL_MS;
  const leaseMs = options.inFlightLeaseMs ?? DEFAULT_IN_FLIGHT_LEASE_MS;
  const dedupeKeyOf = options.dedupeKey ?? defaultDedupeKey;
  const onError = options.onError ?? ((error, context) => console.error(`[chinaums] notification ${context.stage} error`, error));
  const logger = options.logger === false ? undefined : (options.logger ?? console);

  const reportError = (error: unknown, stage: NotificationErrorStage, dedupeKey?: string) =>
    safely(() => onError(error, dedupeKey === undefined ? { stage } : { stage, dedupeKey }));
  const reportRejection = (rejection: NotificationRejected, delivery: Delivery) => {
    if (options.onRejected) safely(() => options.onRejected?.(rejection, delivery.request()));
    safely(() => logger?.warn(`[chinaums] notification refused (${rejection.reason}): ${rejection.message}`, { reason: rejection.reason }));
  };
  const reportProblems = (problems: readonly NotificationSchemaProblem[], raw: Readonly<Record<string, string>>) => {
    const notifyId = raw['notifyId'];
    safely(() => logger?.warn(`[chinaums] notification${notifyId ? ` ${notifyId}` : ''} accepted (signature valid) with undocumented values: ${describeReceivedProblems(problems)}`, { notifyId, problems }));
  };
  const settle = async (action: () => Promise<void>, dedupeKey: string) => {
    try {
      await action();
    } catch (failure) {
      reportError(failure, 'store', dedupeKey);
    }
  };

  async function verify(delivery: Delivery): Promise<NotificationVerificationResult | MisconfiguredBody> {
    const kind = bodyKindFor(delivery.contentType);
    if (kind === undefined) return unsupportedContentType(delivery.contentType);
    const body = await delivery.readBody(limits.maxBytes);
    if (!body.ok) return body.problem === 'misconfigured' ? body : body.problem === 'too-large' ? tooLarge(limits.maxBytes) : unreadable();
    const parsed = parseBody(body.bytes, kind, limits);
    return parsed.ok ? verifyParsed(parsed.parsed, keys, crypto, options) : parsed;
  }

  async function answer(delivery: Delivery): Promise<NotificationAnswer> {
    if (delivery.method !== 'POST') return METHOD_NOT_ALLOWED;
    const result = await verify(delivery).catch(unprocessable);
    if ('problem' in result) {
      reportError(result.error, 'configuration');
      return failedAnswer(500, result.refusal);
    }
    if (!result.ok) {
      reportRejection(result, delivery);
      return refusalAnswer(result.reason);
    }
    const { raw, problems } = result;
    if (problems.length > 0) reportProblems(problems, raw);

    let dedupeKey: string;
    try {
      dedupeKey = dedupeKeyOf(raw);
    } catch (error) {
      reportError(error, 'configuration');
      return failedAnswer(500, 'dedupe-key-failed');
    }

    // This delivery's own claim token: a late failure can then release only its own claim.
    const owner = globalThis.crypto.randomUUID();
    if (store) {
      try {
        const claim = await store.claim(dedupeKey, leaseMs, owner);
        if (claim === 'duplicate') return SUCCESS_ANSWER;
        // Another delivery is running the callback now: FAILED makes the platform come back
        // later, when the first delivery has finished and the answer is SUCCESS.
        if (claim === 'in-flight') return failedAnswer(409, 'in-flight');
      } catch (error) {
        reportError(error, 'store', dedupeKey);
        return failedAnswer(503, error instanceof NotificationStoreTimeoutError ? 'store-timeout' : 'store-unavailable');
      }
    }

    const context = new DeliveryContext(raw, problems, dedupeKey, result.signType, result.keyIndex, delivery);
    try {
      await options.onNotification(result.notification, context);
    } catch (error) {
      reportError(error, 'callback', dedupeKey);
      // Not marked as handled, so the platform's retry runs the callback again.
      if (store) await settle(() => store.release(dedupeKey, owner), dedupeKey);
      return failedAnswer(500, 'callback-failed');
    }
    // The work is done: even if remembering it fails, answer SUCCESS (a retry would redo the work).
    if (store) await settle(() => store.complete(dedupeKey, dedupeTtlMs), dedupeKey);
    return SUCCESS_ANSWER;
  }

  return { answer, reportError };
}
