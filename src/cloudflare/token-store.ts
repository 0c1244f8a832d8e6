import { wholeMs } from '../clamp.js';
import { randomNonce } from '../auth/nonce.js';
import type { AccessTokenStore, ReleaseLock, StoredAccessToken } from '../auth/access-token/store.js';
import { askState, assertNamespace, DEFAULT_OBJECT_PREFIX } from './protocol.js';
import type { DurableObjectNamespaceLike } from './types.js';

export interface DurableObjectStoreOptions {
  /** Prepended to the object's name (default `chinaums:`): tokens live in `<prefix>token:<appId>`. */
  readonly objectPrefix?: string;
}

/**
 * Shares one access token per appId across every isolate of a Worker: the token and the refresh
 * lock live in one ChinaUmsStateDurableObject per appId, so a whole fleet makes one token request
 * (the lock is taken inside the object; waiters poll it for the stored token).
 */
export class DurableObjectAccessTokenStore implements AccessTokenStore {
  readonly #namespace: DurableObjectNamespaceLike;
  readonly #prefix: string;

  constructor(namespace: DurableObjectNamespaceLike, options: DurableObjectStoreOptions = {}) {
    assertNamespace(namespace);
    this.#namespace = namespace;
    this.#prefix = options.objectPrefix ?? DEFAULT_OBJECT_PREFIX;
  }

  objectName(appId: string): string {
    return `${this.#prefix}token:${appId}`;
  }

  async get(appId: string): Promise<StoredAccessToken | undefined> {
    return (await askState(this.#namespace, this.objectName(appId), { op: 'token-get', appId })) ?? undefined;
  }

  async set(appId: string, token: StoredAccessToken): Promise<void> {
    await askState(this.#namespace, this.objectName(appId), { op: 'token-set', appId, token: { accessToken: token.accessToken, expiresAt: token.expiresAt } });
  }

  async invalidate(appId: string, rejectedAccessToken: string): Promise<void> {
    await askState(this.#namespace, this.objectName(appId), { op: 'token-invalidate', appId, accessToken: rejectedAccessToken });
  }

  async tryLock(appId: string, ttlMs: number): Promise<ReleaseLock | undefined> {
    const owner = randomNonce();
    const name = this.objectName(appId);
    if (!(await askState(this.#namespace, name, { op: 'lock-try', appId, owner, ttlMs: wholeMs(ttlMs) }))) return undefined;
    return async () => {
      await askState(this.#namespace, name, { op: 'lock-release', appId, owner });
    };
  }
}
