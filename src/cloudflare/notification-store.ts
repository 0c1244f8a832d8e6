import { randomNonce } from '../auth/nonce.js';
import type { ClaimOutcome, NotificationStore } from '../notifications/store.js';
import { askState, assertNamespace, DEFAULT_OBJECT_PREFIX } from './protocol.js';
import type { DurableObjectStoreOptions } from './token-store.js';
import type { DurableObjectNamespaceLike } from './types.js';

export interface DurableObjectNotificationStoreOptions extends DurableObjectStoreOptions {
  /** Which object holds the marks (default `notifications`): one per endpoint is plenty for notification rates. */
  readonly objectName?: string;
}

/**
 * Deduplicates payment notifications across every isolate of a Worker: claims and dedupe marks
 * live in one ChinaUmsStateDurableObject, `<prefix>notify:<objectName>`. A claim carries an owner
 * token; release removes only this store's own claim.
 */
export class DurableObjectNotificationStore implements NotificationStore {
  readonly #namespace: DurableObjectNamespaceLike;
  readonly #name: string;
  /** The owner token of each claim this store holds, by notification id. */
  readonly #owners = new Map<string, string>();

  constructor(namespace: DurableObjectNamespaceLike, options: DurableObjectNotificationStoreOptions = {}) {
    assertNamespace(namespace);
    this.#namespace = namespace;
    this.#name = `${options.objectPrefix ?? DEFAULT_OBJECT_PREFIX}notify:${options.objectName ?? 'notifications'}`;
  }

  async claim(id: string, leaseMs: number): Promise<ClaimOutcome> {
    const owner = randomNonce();
    const outcome = await askState(this.#namespace, this.#name, { op: 'claim', id, owner, leaseMs: Math.max(1, Math.floor(leaseMs)) });
    if (outcome !== 'claimed' && outcome !== 'duplicate' && outcome !== 'in-flight') throw new TypeError(`Unexpected claim outcome from the Durable Object: ${typeof outcome}`);
    if (outcome === 'claimed') this.#owners.set(id, owner);
    return outcome;
  }

  async complete(id: string, ttlMs: number): Promise<void> {
    this.#owners.delete(id);
    await askState(this.#namespace, this.#name, { op: 'complete', id, ttlMs: Math.max(1, Math.floor(ttlMs)) });
  }

  async release(id: string): Promise<void> {
    const owner = this.#owners.get(id);
    this.#owners.delete(id);
    if (owner !== undefined) await askState(this.#namespace, this.#name, { op: 'release', id, owner });
  }
}
