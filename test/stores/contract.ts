// The shared-state contract every AccessTokenStore and NotificationStore must keep, written on web
// standards only (no vitest, no node:*) so it runs unchanged where each store runs: vitest for
// memory/Redis/Upstash, Deno for Deno KV, workerd for Durable Objects. Each case gets two store
// instances over one backend: two isolates, processes or hosts of one deployment.
import type { AccessTokenStore } from '../../src/auth/token-store.js';
import type { NotificationStore } from '../../src/notifications/store.js';
import { equal, ok } from '../runtimes/assert.js';

export interface SharedStores<S> {
  readonly first: S;
  readonly second: S;
  /** Makes anything granted just now with a time to live of `ms` run out (a fake clock, or a bounded wait). */
  expire(ms: number): Promise<void>;
  /** The clock the stores use, epoch ms. */
  now(): number;
}

export interface StoreCase<S> {
  readonly name: string;
  run(stores: SharedStores<S>): Promise<void>;
}

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
const LONG = 60_000;
/** Short enough to wait for in real time, long enough for a few round trips before it runs out. */
const SHORT = 300;

export const notificationStoreCases: ReadonlyArray<StoreCase<NotificationStore>> = [
  {
    name: 'claims a new id once; a claim from another instance while it runs is in-flight',
    async run({ first, second }) {
      const id = unique('n');
      equal(await first.claim(id, LONG), 'claimed', 'first claim');
      equal(await second.claim(id, LONG), 'in-flight', 'claim from the other instance');
      equal(await first.claim(id, LONG), 'in-flight', 'claim from the same instance');
    },
  },
  {
    name: 'a completed id is a duplicate everywhere afterwards',
    async run({ first, second }) {
      const id = unique('n');
      await first.claim(id, LONG);
      await first.complete(id, LONG);
      equal(await second.claim(id, LONG), 'duplicate', 'other instance');
      equal(await first.claim(id, LONG), 'duplicate', 'same instance');
    },
  },
  {
    name: 'a released claim can be claimed again, by any instance',
    async run({ first, second }) {
      const id = unique('n');
      await first.claim(id, LONG);
      await first.release(id);
      equal(await second.claim(id, LONG), 'claimed', 'claim after release');
    },
  },
  {
    name: 'release does not forget a completed id',
    async run({ first, second }) {
      const id = unique('n');
      await first.claim(id, LONG);
      await first.complete(id, LONG);
      await first.release(id);
      await second.release(id);
      equal(await second.claim(id, LONG), 'duplicate', 'claim after complete and release');
    },
  },
  {
    name: 'an expired lease (a crashed delivery) can be claimed again',
    async run({ first, second, expire }) {
      const id = unique('n');
      equal(await first.claim(id, SHORT), 'claimed', 'first claim');
      await expire(SHORT);
      equal(await second.claim(id, LONG), 'claimed', 'claim after the lease ran out');
    },
  },
  {
    name: 'a delivery whose lease ran out cannot release the newer claim (owner-checked release)',
    async run({ first, second, expire }) {
      const id = unique('n');
      await first.claim(id, SHORT);
      await expire(SHORT);
      equal(await second.claim(id, LONG), 'claimed', 'the retry claims');
      await first.release(id); // the slow first delivery fails late
      equal(await first.claim(id, LONG), 'in-flight', 'the retry still holds its claim');
    },
  },
  {
    name: 'an instance that holds no claim cannot release another instance’s claim',
    async run({ first, second }) {
      const id = unique('n');
      await first.claim(id, LONG);
      await second.release(id);
      equal(await second.claim(id, LONG), 'in-flight', 'still claimed');
    },
  },
  {
    name: 'of 20 concurrent claims from two instances exactly one wins',
    async run({ first, second }) {
      const id = unique('n');
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).claim(id, LONG)));
      equal(outcomes.filter((o) => o === 'claimed').length, 1, 'claimed');
      equal(outcomes.filter((o) => o === 'in-flight').length, 19, 'in-flight');
    },
  },
  {
    name: 'ids are independent',
    async run({ first, second }) {
      const a = unique('n');
      await first.claim(a, LONG);
      await first.complete(a, LONG);
      equal(await second.claim(unique('n'), LONG), 'claimed', 'another id');
    },
  },
];

export const accessTokenStoreCases: ReadonlyArray<StoreCase<AccessTokenStore>> = [
  {
    name: 'a token set by one instance is read by the other; nothing is stored at first',
    async run({ first, second, now }) {
      const appId = unique('app');
      equal(await second.get(appId), undefined, 'empty store');
      const expiresAt = now() + LONG;
      await first.set(appId, { accessToken: 'tok-1', expiresAt });
      const read = await second.get(appId);
      equal(read?.accessToken, 'tok-1', 'accessToken');
      equal(read?.expiresAt, expiresAt, 'expiresAt');
    },
  },
  {
    name: 'an expired token is not handed out',
    async run({ first, second, expire, now }) {
      const appId = unique('app');
      await first.set(appId, { accessToken: 'short', expiresAt: now() + SHORT });
      await expire(SHORT);
      equal(await second.get(appId), undefined, 'after expiry');
    },
  },
  {
    name: 'invalidate forgets only the rejected token (a newer one stays)',
    async run({ first, second, now }) {
      const appId = unique('app');
      await first.set(appId, { accessToken: 'current', expiresAt: now() + LONG });
      await second.invalidate(appId, 'older');
      equal((await first.get(appId))?.accessToken, 'current', 'after invalidating an older token');
      await second.invalidate(appId, 'current');
      equal(await first.get(appId), undefined, 'after invalidating the current token');
    },
  },
  {
    name: 'the refresh lock is held by one instance at a time and freed by its release',
    async run({ first, second }) {
      ok(first.tryLock && second.tryLock, 'the store has a refresh lock');
      const appId = unique('app');
      const release = await first.tryLock(appId, LONG);
      ok(release, 'first lock');
      equal(await second.tryLock(appId, LONG), undefined, 'other instance while held');
      equal(await first.tryLock(appId, LONG), undefined, 'same instance while held');
      await release();
      const again = await second.tryLock(appId, LONG);
      ok(again, 'lock after release');
      await again();
    },
  },
  {
    name: 'a lock left by a crashed holder expires; its late release does not free the new holder’s lock',
    async run({ first, second, expire }) {
      ok(first.tryLock && second.tryLock, 'the store has a refresh lock');
      const appId = unique('app');
      const stale = await first.tryLock(appId, SHORT);
      ok(stale, 'first lock');
      await expire(SHORT);
      const fresh = await second.tryLock(appId, LONG);
      ok(fresh, 'lock after expiry');
      await stale();
      equal(await first.tryLock(appId, LONG), undefined, 'the new holder still holds it');
      await fresh();
    },
  },
  {
    name: 'of 20 concurrent lock attempts from two instances exactly one wins',
    async run({ first, second }) {
      const appId = unique('app');
      const attempts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).tryLock!(appId, LONG)));
      equal(attempts.filter((a) => a !== undefined).length, 1, 'locks granted');
    },
  },
];

/** Runs every case with fresh stores; a plain report, for hosts that are not vitest. */
export async function runStoreCases<S>(label: string, cases: ReadonlyArray<StoreCase<S>>, make: () => Promise<SharedStores<S>> | SharedStores<S>) {
  const results: Array<{ name: string; ok: boolean; ms: number; error?: string }> = [];
  for (const c of cases) {
    const started = Date.now();
    try {
      await c.run(await make());
      results.push({ name: `${label}: ${c.name}`, ok: true, ms: Date.now() - started });
    } catch (error) {
      results.push({ name: `${label}: ${c.name}`, ok: false, ms: Date.now() - started, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  return results;
}

/** Real-time expiry for backends with their own clock: wait past the time to live (a lower bound only). */
export const waitPast = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms + 50));
