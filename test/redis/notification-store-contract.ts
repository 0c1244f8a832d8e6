// The behaviour every NotificationStore must have (the contract in src/notifications/store.ts),
// as one reusable suite: call `notificationStoreContract(makeFixture)` inside a describe() of a
// store's own test file (memory, Redis, Deno KV, Durable Object, Upstash…). The factory is called
// once per test and gives a fresh store plus a way to make a short lease run out.
import { expect, it } from 'vitest';
import type { NotificationStore } from '../../src/notifications/store.js';

export interface StoreFixture {
  store: NotificationStore;
  /** Makes a lease of `leaseMs` granted just now run out (advance a fake clock, or wait). */
  expire(leaseMs: number): Promise<void>;
}

export type StoreFixtureFactory = () => Promise<StoreFixture> | StoreFixture;

let counter = 0;
const uniqueId = () => `notify-${process.pid}-${Date.now()}-${++counter}`;
const owner = (name: string) => `${name}-${counter}-${Math.random().toString(36).slice(2)}`;

/** A lease short enough for stores that can only expire in real time (kept under 50 ms). */
const SHORT_LEASE_MS = 40;

export function notificationStoreContract(make: StoreFixtureFactory): void {
  it('claims a new id once; a second claim while it runs is in-flight', async () => {
    const { store } = await make();
    const id = uniqueId();
    expect(await store.claim(id, 60_000, owner('a'))).toBe('claimed');
    expect(await store.claim(id, 60_000, owner('b'))).toBe('in-flight');
  });

  it('a completed id is a duplicate afterwards', async () => {
    const { store } = await make();
    const id = uniqueId();
    await store.claim(id, 60_000, owner('a'));
    await store.complete(id, 60_000);
    expect(await store.claim(id, 60_000, owner('b'))).toBe('duplicate');
  });

  it('a claim released by its owner can be claimed again', async () => {
    const { store } = await make();
    const id = uniqueId();
    const a = owner('a');
    await store.claim(id, 60_000, a);
    await store.release(id, a);
    expect(await store.claim(id, 60_000, owner('b'))).toBe('claimed');
  });

  it('release by anyone but the owner leaves the claim in place', async () => {
    const { store } = await make();
    const id = uniqueId();
    await store.claim(id, 60_000, owner('a'));
    await store.release(id, owner('not-a'));
    expect(await store.claim(id, 60_000, owner('c'))).toBe('in-flight');
  });

  it('release does not forget a completed id', async () => {
    const { store } = await make();
    const id = uniqueId();
    const a = owner('a');
    await store.claim(id, 60_000, a);
    await store.complete(id, 60_000);
    await store.release(id, a);
    expect(await store.claim(id, 60_000, owner('b'))).toBe('duplicate');
  });

  it('an expired lease (a crashed delivery) can be claimed again', async () => {
    const { store, expire } = await make();
    const id = uniqueId();
    expect(await store.claim(id, SHORT_LEASE_MS, owner('a'))).toBe('claimed');
    await expire(SHORT_LEASE_MS);
    expect(await store.claim(id, 60_000, owner('b'))).toBe('claimed');
  });

  it('a delivery that outlived its lease cannot release the retry that claimed after it', async () => {
    const { store, expire } = await make();
    const id = uniqueId();
    const [a, b] = [owner('a'), owner('b')];
    expect(await store.claim(id, SHORT_LEASE_MS, a)).toBe('claimed');
    await expire(SHORT_LEASE_MS);
    expect(await store.claim(id, 60_000, b)).toBe('claimed');
    await store.release(id, a); // a's callback failed late: b is still running
    expect(await store.claim(id, 60_000, owner('c'))).toBe('in-flight');
    await store.release(id, b);
    expect(await store.claim(id, 60_000, owner('d'))).toBe('claimed');
  });

  it('a completion by a delivery that outlived its lease is still remembered', async () => {
    const { store, expire } = await make();
    const id = uniqueId();
    const [a, b] = [owner('a'), owner('b')];
    await store.claim(id, SHORT_LEASE_MS, a);
    await expire(SHORT_LEASE_MS);
    await store.claim(id, 60_000, b);
    await store.complete(id, 60_000); // a's callback finished: the work happened
    await store.release(id, b); // b's failed afterwards
    expect(await store.claim(id, 60_000, owner('c'))).toBe('duplicate');
  });

  it('of many concurrent claims exactly one wins', async () => {
    const { store } = await make();
    const id = uniqueId();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claim(id, 60_000, owner(`o${i}`))));
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'in-flight')).toHaveLength(19);
  });

  it('ids are independent', async () => {
    const { store } = await make();
    const a = uniqueId();
    const b = uniqueId();
    await store.claim(a, 60_000, owner('a'));
    await store.complete(a, 60_000);
    expect(await store.claim(b, 60_000, owner('b'))).toBe('claimed');
  });
}
