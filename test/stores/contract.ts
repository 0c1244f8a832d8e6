// The shared-state contract every AccessTokenStore and NotificationStore must keep (the one suite
// for every store), written on web standards only (no vitest, no node:*) so it runs unchanged where
// each store runs: vitest for memory/Redis/Upstash, Deno for Deno KV, workerd for Durable Objects.
// Each case gets two store instances over one backend: two isolates, processes or hosts of one
// deployment (the memory stores pass one instance twice).
import type { AccessTokenStore } from '../../src/auth/access-token/store.js';
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

/** A fresh owner token per delivery, as the handler makes one. */
const delivery = (name: string) => unique(`delivery-${name}`);

// The NotificationStore contract (src/notifications/store.ts): `first` and `second` are two
// instances; every claim is a delivery with its own owner token.
export const notificationStoreCases: ReadonlyArray<StoreCase<NotificationStore>> = [
  {
    name: 'claims a new id once; another delivery’s claim while it runs is in-flight, on either instance',
    async run({ first, second }) {
      const id = unique('n');
      equal(await first.claim(id, LONG, delivery('a')), 'claimed', 'first claim');
      equal(await second.claim(id, LONG, delivery('b')), 'in-flight', 'claim on the other instance');
      equal(await first.claim(id, LONG, delivery('c')), 'in-flight', 'claim on the same instance');
    },
  },
  {
    name: 'a completed id is a duplicate everywhere afterwards',
    async run({ first, second }) {
      const id = unique('n');
      await first.claim(id, LONG, delivery('a'));
      await first.complete(id, LONG);
      equal(await second.claim(id, LONG, delivery('b')), 'duplicate', 'other instance');
      equal(await first.claim(id, LONG, delivery('c')), 'duplicate', 'same instance');
    },
  },
  {
    name: 'a claim released by its owner can be claimed again, on any instance',
    async run({ first, second }) {
      const id = unique('n');
      const a = delivery('a');
      await first.claim(id, LONG, a);
      await first.release(id, a);
      equal(await second.claim(id, LONG, delivery('b')), 'claimed', 'claim after release');
    },
  },
  {
    name: 'release by anyone but the owner leaves the claim in place, on either instance',
    async run({ first, second }) {
      const id = unique('n');
      await first.claim(id, LONG, delivery('a'));
      await second.release(id, delivery('not-a'));
      await first.release(id, delivery('not-a-either'));
      equal(await second.claim(id, LONG, delivery('c')), 'in-flight', 'other instance: still claimed');
      equal(await first.claim(id, LONG, delivery('d')), 'in-flight', 'same instance: still claimed');
    },
  },
  {
    name: 'release does not forget a completed id',
    async run({ first, second }) {
      const id = unique('n');
      const a = delivery('a');
      await first.claim(id, LONG, a);
      await first.complete(id, LONG);
      await first.release(id, a);
      await second.release(id, a);
      equal(await second.claim(id, LONG, delivery('b')), 'duplicate', 'claim after complete and release');
    },
  },
  {
    name: 'an expired lease (a crashed delivery) can be claimed again',
    async run({ first, second, expire }) {
      const id = unique('n');
      equal(await first.claim(id, SHORT, delivery('a')), 'claimed', 'first claim');
      await expire(SHORT);
      equal(await second.claim(id, LONG, delivery('b')), 'claimed', 'claim after the lease ran out');
    },
  },
  {
    name: 'a delivery that outlived its lease cannot release the retry’s claim; the retry’s own release can',
    async run({ first, second, expire }) {
      const id = unique('n');
      const [a, b] = [delivery('a'), delivery('b')];
      equal(await first.claim(id, SHORT, a), 'claimed', 'the first delivery claims');
      await expire(SHORT);
      equal(await second.claim(id, LONG, b), 'claimed', 'the retry claims');
      await first.release(id, a); // the slow first delivery fails late: the retry is still running
      equal(await first.claim(id, LONG, delivery('c')), 'in-flight', 'same instance: the retry still holds its claim');
      equal(await second.claim(id, LONG, delivery('d')), 'in-flight', 'other instance: the retry still holds its claim');
      await second.release(id, b);
      equal(await first.claim(id, LONG, delivery('e')), 'claimed', 'claim after the retry released');
    },
  },
  {
    name: 'a completion by a delivery that outlived its lease is still remembered',
    async run({ first, second, expire }) {
      const id = unique('n');
      const [a, b] = [delivery('a'), delivery('b')];
      await first.claim(id, SHORT, a);
      await expire(SHORT);
      equal(await second.claim(id, LONG, b), 'claimed', 'the retry claims');
      await first.complete(id, LONG); // the first delivery's callback finished: the work happened
      await second.release(id, b); // the retry's failed afterwards
      equal(await second.claim(id, LONG, delivery('c')), 'duplicate', 'other instance');
      equal(await first.claim(id, LONG, delivery('d')), 'duplicate', 'same instance');
    },
  },
  {
    name: 'of 20 concurrent claims (20 deliveries on two instances) exactly one wins',
    async run({ first, second }) {
      const id = unique('n');
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).claim(id, LONG, delivery(`o${i}`))));
      equal(outcomes.filter((o) => o === 'claimed').length, 1, 'claimed');
      equal(outcomes.filter((o) => o === 'in-flight').length, 19, 'in-flight');
    },
  },
  {
    name: 'ids are independent',
    async run({ first, second }) {
      const a = unique('n');
      await first.claim(a, LONG, delivery('a'));
      await first.complete(a, LONG);
      equal(await second.claim(unique('n'), LONG, delivery('b')), 'claimed', 'another id');
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
