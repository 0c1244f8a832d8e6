// The behaviour every NotificationStore must have, run against the memory and Redis stores alike.
import { expect, it } from 'vitest';
import type { NotificationStore } from '../../src/notifications/store.js';

export interface StoreFixture {
  store: NotificationStore;
  /** Makes a lease of `leaseMs` granted just now run out (advance a fake clock, or wait). */
  expire(leaseMs: number): Promise<void>;
}

let counter = 0;
const uniqueId = () => `notify-${process.pid}-${Date.now()}-${++counter}`;

export function notificationStoreContract(make: () => Promise<StoreFixture> | StoreFixture): void {
  it('claims a new id once; a second claim while it runs is in-flight', async () => {
    const { store } = await make();
    const id = uniqueId();
    expect(await store.claim(id, 60_000)).toBe('claimed');
    expect(await store.claim(id, 60_000)).toBe('in-flight');
  });

  it('a completed id is a duplicate afterwards', async () => {
    const { store } = await make();
    const id = uniqueId();
    await store.claim(id, 60_000);
    await store.complete(id, 60_000);
    expect(await store.claim(id, 60_000)).toBe('duplicate');
  });

  it('a released claim can be claimed again', async () => {
    const { store } = await make();
    const id = uniqueId();
    await store.claim(id, 60_000);
    await store.release(id);
    expect(await store.claim(id, 60_000)).toBe('claimed');
  });

  it('release does not forget a completed id', async () => {
    const { store } = await make();
    const id = uniqueId();
    await store.claim(id, 60_000);
    await store.complete(id, 60_000);
    await store.release(id);
    expect(await store.claim(id, 60_000)).toBe('duplicate');
  });

  it('an expired lease (a crashed delivery) can be claimed again', async () => {
    const { store, expire } = await make();
    const id = uniqueId();
    expect(await store.claim(id, 40)).toBe('claimed');
    await expire(40);
    expect(await store.claim(id, 60_000)).toBe('claimed');
  });

  it('of many concurrent claims exactly one wins', async () => {
    const { store } = await make();
    const id = uniqueId();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => store.claim(id, 60_000)));
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'in-flight')).toHaveLength(19);
  });

  it('ids are independent', async () => {
    const { store } = await make();
    const a = uniqueId();
    const b = uniqueId();
    await store.claim(a, 60_000);
    await store.complete(a, 60_000);
    expect(await store.claim(b, 60_000)).toBe('claimed');
  });
}
