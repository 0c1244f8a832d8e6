import { randomNonce } from '../auth/nonce.js';
import type { ClaimOutcome, NotificationStore } from '../notifications/store.js';
import { CLAIM_NOTIFICATION_OWNED, DELETE_IF_EQUAL, SET_VALUE_PX } from '../redis/scripts.js';
import { assertEvalClient, DEFAULT_UPSTASH_PREFIX, milliseconds, type UpstashEvalClient } from './client.js';
import type { UpstashStoreOptions } from './token-store.js';

/**
 * Deduplicates payment notifications over HTTP Redis (Upstash): one key per notification,
 * `<prefix>notify:<id>`, holding `claimed:<owner>` for the in-flight lease or `done` for the
 * dedupe TTL. Release deletes the claim only while it is still this store's own.
 */
export class UpstashNotificationStore implements NotificationStore {
  readonly #redis: UpstashEvalClient;
  readonly #prefix: string;
  /** The claim value of each claim this store holds, by notification id. */
  readonly #claims = new Map<string, string>();

  constructor(client: UpstashEvalClient, options: Omit<UpstashStoreOptions, 'now'> = {}) {
    assertEvalClient(client);
    this.#redis = client;
    this.#prefix = options.keyPrefix ?? DEFAULT_UPSTASH_PREFIX;
  }

  key(id: string): string {
    return `${this.#prefix}notify:${id}`;
  }

  async claim(id: string, leaseMs: number): Promise<ClaimOutcome> {
    const claim = `claimed:${randomNonce()}`;
    const reply = await this.#redis.eval(CLAIM_NOTIFICATION_OWNED, [this.key(id)], [milliseconds(leaseMs), claim]);
    if (reply === 'claimed') this.#claims.set(id, claim);
    if (reply === 'claimed' || reply === 'duplicate' || reply === 'in-flight') return reply;
    throw new TypeError(`Unexpected reply from Upstash to the notification claim: ${typeof reply}`);
  }

  async complete(id: string, ttlMs: number): Promise<void> {
    this.#claims.delete(id);
    await this.#redis.eval(SET_VALUE_PX, [this.key(id)], ['done', milliseconds(ttlMs)]);
  }

  async release(id: string): Promise<void> {
    const claim = this.#claims.get(id);
    this.#claims.delete(id);
    if (claim !== undefined) await this.#redis.eval(DELETE_IF_EQUAL, [this.key(id)], [claim]);
  }
}
