// Delivers payment notifications like the platform: POST the signed form to the order's notifyUrl,
// and retry with exponential backoff until the merchant answers the plain text SUCCESS, within a
// bounded number of attempts and time (the platform keeps trying for 24 h; the sandbox is smaller).
import { nobleCrypto } from '../../crypto/noble.js';
import { encodeNotificationForm, signNotification } from '../../notifications/sign.js';
import type { NotificationSignType } from '../../notifications/types.js';
import { sleep } from '../../signals.js';
import type { SandboxDelivery, SandboxNotificationOptions, Mutable } from '../types.js';


const MAX_LOG = 1000;
/** The most of an answer kept for the log: enough to see `FAILED` or an error page's start. */
const ANSWER_PREVIEW = 40;

interface Settings {
  readonly signType: NotificationSignType;
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxDurationMs: number;
  readonly attemptTimeoutMs: number;
  readonly fetch: (request: Request) => Promise<Response>;
}

function bounded(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

export function notificationSettings(options: SandboxNotificationOptions = {}): Settings {
  return {
    signType: options.signType ?? 'SHA256',
    maxAttempts: bounded(options.maxAttempts, 8, 1, 100),
    initialDelayMs: bounded(options.initialDelayMs, 1000, 0, 3_600_000),
    maxDelayMs: bounded(options.maxDelayMs, 30_000, 0, 3_600_000),
    maxDurationMs: bounded(options.maxDurationMs, 5 * 60_000, 0, 24 * 3_600_000),
    attemptTimeoutMs: bounded(options.attemptTimeoutMs, 10_000, 1, 120_000),
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
  };
}

export class NotificationDispatcher {
  readonly #settings: Settings;
  readonly #key: string;
  readonly #now: () => number;
  readonly #log: Mutable<SandboxDelivery>[] = [];
  readonly #running = new Set<Promise<void>>();
  readonly #closing = new AbortController();

  constructor(settings: Settings, key: string, now: () => number) {
    this.#settings = settings;
    this.#key = key;
    this.#now = now;
  }

  get signType(): NotificationSignType {
    return this.#settings.signType;
  }

  /** Signs the fields and starts delivering them in the background; returns the log entry. */
  async dispatch(merOrderId: string, notifyUrl: string, fields: Record<string, string>): Promise<SandboxDelivery> {
    const sign = await signNotification(fields, { key: this.#key, signType: this.#settings.signType, crypto: nobleCrypto });
    const body = encodeNotificationForm({ ...fields, sign });
    const entry: Mutable<SandboxDelivery> = {
      notifyId: fields['notifyId'] ?? '',
      merOrderId,
      notifyUrl,
      attempts: 0,
      state: 'pending',
      lastOutcome: undefined,
      body,
    };
    this.#log.push(entry);
    if (this.#log.length > MAX_LOG) this.#log.splice(0, this.#log.length - MAX_LOG);
    if (this.#closing.signal.aborted) {
      entry.state = 'cancelled';
    } else {
      const run = this.#deliver(entry).finally(() => this.#running.delete(run));
      this.#running.add(run);
    }
    return { ...entry };
  }

  deliveries(): SandboxDelivery[] {
    return this.#log.map((entry) => ({ ...entry }));
  }

  /** Resolves when no delivery is pending (each one is bounded, so this is too). */
  async idle(): Promise<void> {
    for (let round = 0; round < 100 && this.#running.size > 0; round++) await Promise.allSettled([...this.#running]);
  }

  /** Stops retrying; deliveries in flight are aborted and marked cancelled. */
  async close(): Promise<void> {
    this.#closing.abort();
    await this.idle();
  }

  async #deliver(entry: Mutable<SandboxDelivery>): Promise<void> {
    const s = this.#settings;
    const deadline = this.#now() + s.maxDurationMs;
    for (let attempt = 1; attempt <= s.maxAttempts; attempt++) {
      if (this.#closing.signal.aborted) break;
      entry.attempts = attempt;
      const outcome = await this.#attempt(entry);
      entry.lastOutcome = outcome.description;
      if (outcome.acknowledged) {
        entry.state = 'acknowledged';
        return;
      }
      const delay = Math.min(s.maxDelayMs, s.initialDelayMs * 2 ** (attempt - 1));
      if (attempt === s.maxAttempts || this.#now() + delay > deadline) {
        entry.state = 'gave-up';
        return;
      }
      // Rejects only when the sandbox closes: stop retrying then.
      const waited = await sleep(delay, this.#closing.signal).then(
        () => true,
        () => false,
      );
      if (!waited) break;
    }
    entry.state = this.#closing.signal.aborted ? 'cancelled' : 'gave-up';
  }

  /** One POST; the platform reads only the body (plain SUCCESS), not the status. Never throws. */
  async #attempt(entry: SandboxDelivery): Promise<{ acknowledged: boolean; description: string }> {
    const timeout = AbortSignal.timeout(this.#settings.attemptTimeoutMs);
    const signal = AbortSignal.any([timeout, this.#closing.signal]);
    try {
      const request = new Request(entry.notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: entry.body,
        signal,
      });
      const response = await this.#settings.fetch(request);
      const text = (await response.text()).slice(0, 1000);
      // The platform wants exactly SUCCESS; a trailing newline from a framework is tolerated.
      const acknowledged = text.trim() === 'SUCCESS';
      const shown = acknowledged ? 'SUCCESS' : text.slice(0, ANSWER_PREVIEW);
      return { acknowledged, description: `HTTP ${response.status} ${JSON.stringify(shown)}` };
    } catch (error) {
      if (timeout.aborted) return { acknowledged: false, description: `timeout after ${this.#settings.attemptTimeoutMs} ms` };
      const description = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'network error';
      return { acknowledged: false, description };
    }
  }
}
