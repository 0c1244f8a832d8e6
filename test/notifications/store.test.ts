// The in-memory dedupe store (claim / complete / release, TTL, LRU) and the default dedupe key.
import { describe, expect, it } from 'vitest';
import { defaultDedupeKey, MemoryNotificationStore } from '../../src/notifications/index.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('MemoryNotificationStore', () => {
  it('claims once, reports in-flight while claimed, duplicate once completed', async () => {
    const store = new MemoryNotificationStore();
    expect(await store.claim('a', 60_000, 'o')).toBe('claimed');
    expect(await store.claim('a', 60_000, 'o')).toBe('in-flight');
    await store.complete('a', 3_600_000);
    expect(await store.claim('a', 60_000, 'o')).toBe('duplicate');
  });

  it('release lets the next delivery claim again; it never forgets a completed id', async () => {
    const store = new MemoryNotificationStore();
    await store.claim('a', 60_000, 'o');
    await store.release('a', 'o');
    expect(await store.claim('a', 60_000, 'o')).toBe('claimed');
    await store.complete('a', 3_600_000);
    await store.release('a', 'o');
    expect(await store.claim('a', 60_000, 'o')).toBe('duplicate');
  });

  it('an expired claim (a crashed delivery) can be claimed again; a completed id expires after its TTL', async () => {
    const time = clock();
    const store = new MemoryNotificationStore({ now: time.now });
    await store.claim('a', 1_000, 'o');
    time.advance(1_001);
    expect(await store.claim('a', 1_000, 'o')).toBe('claimed');
    await store.complete('a', 24 * 3_600_000);
    time.advance(24 * 3_600_000 - 1);
    expect(await store.claim('a', 1_000, 'o')).toBe('duplicate');
    time.advance(2);
    expect(await store.claim('a', 1_000, 'o')).toBe('claimed');
  });

  it('is bounded, evicting the least recently used id', async () => {
    const store = new MemoryNotificationStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) {
      await store.claim(id, 60_000, 'o');
      await store.complete(id, 3_600_000);
    }
    expect(await store.claim('a', 60_000, 'o')).toBe('duplicate'); // a is now the most recent
    await store.claim('d', 60_000, 'o'); // evicts b
    expect(store.size).toBe(3);
    expect(await store.claim('c', 60_000, 'o')).toBe('duplicate');
    expect(await store.claim('b', 60_000, 'o')).toBe('claimed');
  });
});

describe('defaultDedupeKey', () => {
  it('uses notifyId', () => {
    expect(defaultDedupeKey({ notifyId: 'n1', merOrderId: 'o', sign: 'S' })).toBe('notifyId:n1');
  });

  it('falls back to the order state change, ignoring the sign (the random field may change it)', () => {
    const a = defaultDedupeKey({ mid: 'm', merOrderId: 'o', status: 'TRADE_SUCCESS', sign: 'S1', ns: 'x' });
    const b = defaultDedupeKey({ mid: 'm', merOrderId: 'o', status: 'TRADE_SUCCESS', sign: 'S2', Ue: 'y' });
    const refunded = defaultDedupeKey({ mid: 'm', merOrderId: 'o', status: 'TRADE_REFUND', sign: 'S3' });
    expect(a).toBe(b);
    expect(refunded).not.toBe(a);
    expect(defaultDedupeKey({ billNo: 'B', billStatus: 'PAID' })).not.toBe(defaultDedupeKey({ billNo: 'B', billStatus: 'REFUND' }));
  });

  it('uses the sign only when nothing identifies the order', () => {
    expect(defaultDedupeKey({ sign: 'abc' })).toBe('sign:ABC');
  });
});
