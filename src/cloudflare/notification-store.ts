import { wholeMs } from '../clamp.js';
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
 * live in one ChinaUmsStateDurableObject, `<prefix>notify:<objectName>`. A claim carries the
 * delivery's owner token; the object removes a claim on release only while it is still that owner's.
 */
export class DurableObjectNotificationStore implements NotificationStore {
  readonly #namespace: DurableObjectNamespaceLike;
  readonly #name: string;

  constructor(namespace: DurableObjectNamespaceLike, options: DurableObjectNotificationStoreOptions = {}) {
    assertNamespace(namespace);
    this.#namespace = namespace;
    this.#name = `${options.objectPrefix ?? DEFAULT_OBJECT_PREFIX}notify:${options.objectName ?? 'notifications'}`;
  }

  async claim(id: string, leaseMs: number, owner: string): Promise<ClaimOutcome> {
    const outcome = await askState(this.#namespace, this.#name, { op: 'claim', id, owner, leaseMs: wholeMs(leaseMs) });
    if (outcome !== 'claimed' && outcome !== 'duplicate' && outcome !== 'in-flight') throw new TypeError(`Unexpected claim outcome from the Durable Object: ${typeof outcome}`);
    return outcome;
  }

  async complete(id: string, ttlMs: number): Promise<void> {
    await askState(this.#namespace, this.#name, { op: 'complete', id, ttlMs: wholeMs(ttlMs) });
  }

  async release(id: string, owner: string): Promise<void> {
    await askState(this.#namespace, this.#name, { op: 'release', id, owner });
  }
}
