import type { StoredAccessToken } from '../auth/access-token/store.js';
import type { ClaimOutcome } from '../notifications/store.js';
import type { StateRequest, StateResults } from './protocol.js';
import type { DurableObjectStateLike, DurableObjectStorageLike } from './types.js';

type Lock = { readonly owner: string; readonly expiresAt: number };
type Mark = { readonly state: 'claimed'; readonly owner: string; readonly expiresAt: number } | { readonly state: 'done'; readonly expiresAt: number };
type Expiring = { readonly expiresAt: number };

/** Expired entries are swept by an alarm this often (reads check expiry themselves). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** storage.delete takes at most 128 keys. */
const DELETE_BATCH = 128;

const live = <T extends Expiring>(value: T | undefined, now: number): value is T => value !== undefined && value.expiresAt > now;

/**
 * The shared state of one appId's clients (tokens, the refresh lock) or of one notification
 * endpoint (claims and dedupe marks), in one Durable Object. A Durable Object handles one request
 * at a time and holds back others while it reads and writes its storage, so each operation below
 * is atomic: the refresh lock lets exactly one caller of the fleet fetch a token, and a
 * notification is claimed exactly once. Re-export it from your worker and bind it (README,
 * "Cloudflare Workers").
 */
export class ChinaUmsStateDurableObject {
  readonly #storage: DurableObjectStorageLike;

  constructor(state: DurableObjectStateLike, _env?: unknown) {
    this.#storage = state.storage;
  }

  async fetch(request: Request): Promise<Response> {
    let body: StateRequest;
    try {
      body = (await request.json()) as StateRequest;
    } catch {
      return new Response('expected a JSON body', { status: 400 });
    }
    const result = await this.#run(body);
    if (result === undefined) return new Response(`unknown operation ${JSON.stringify(String((body as { op?: unknown })?.op))}`, { status: 400 });
    return Response.json({ result });
  }

  /** Deletes what has expired; runs again while anything is left. */
  async alarm(): Promise<void> {
    const now = Date.now();
    const expired: string[] = [];
    let remaining = 0;
    for (const [key, value] of await this.#storage.list<Expiring>()) {
      if (live(value, now)) remaining++;
      else expired.push(key);
    }
    for (let i = 0; i < expired.length; i += DELETE_BATCH) await this.#storage.delete(expired.slice(i, i + DELETE_BATCH));
    if (remaining > 0) await this.#storage.setAlarm(now + SWEEP_EVERY_MS);
  }

  async #run(request: StateRequest): Promise<StateResults[StateRequest['op']] | undefined> {
    const now = Date.now();
    switch (request.op) {
      case 'token-get': {
        const token = await this.#storage.get<StoredAccessToken>(`token:${request.appId}`);
        return live(token, now) ? token : null;
      }
      case 'token-set':
        await this.#put(`token:${request.appId}`, { accessToken: request.token.accessToken, expiresAt: request.token.expiresAt });
        return null;
      case 'token-invalidate': {
        const key = `token:${request.appId}`;
        if ((await this.#storage.get<StoredAccessToken>(key))?.accessToken === request.accessToken) await this.#storage.delete([key]);
        return null;
      }
      case 'lock-try': {
        const key = `lock:${request.appId}`;
        if (live(await this.#storage.get<Lock>(key), now)) return false;
        await this.#put(key, { owner: request.owner, expiresAt: now + request.ttlMs });
        return true;
      }
      case 'lock-release': {
        const key = `lock:${request.appId}`;
        if ((await this.#storage.get<Lock>(key))?.owner === request.owner) await this.#storage.delete([key]);
        return null;
      }
      case 'claim':
        return this.#claim(request.id, request.owner, request.leaseMs, now);
      case 'complete':
        await this.#put(`notify:${request.id}`, { state: 'done', expiresAt: now + request.ttlMs } satisfies Mark);
        return null;
      case 'release': {
        const key = `notify:${request.id}`;
        const mark = await this.#storage.get<Mark>(key);
        if (mark?.state === 'claimed' && mark.owner === request.owner) await this.#storage.delete([key]);
        return null;
      }
      default:
        return undefined;
    }
  }

  async #claim(id: string, owner: string, leaseMs: number, now: number): Promise<ClaimOutcome> {
    const key = `notify:${id}`;
    const mark = await this.#storage.get<Mark>(key);
    if (live(mark, now)) return mark.state === 'done' ? 'duplicate' : 'in-flight';
    await this.#put(key, { state: 'claimed', owner, expiresAt: now + leaseMs } satisfies Mark);
    return 'claimed';
  }

  async #put<T extends Expiring>(key: string, value: T): Promise<void> {
    await this.#storage.put(key, value);
    if ((await this.#storage.getAlarm()) === null) await this.#storage.setAlarm(Date.now() + SWEEP_EVERY_MS);
  }
}
