// The in-memory dedupe store (claim / complete / release, TTL, LRU) and the default dedupe key.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EarlyEviction } from '../../src/notifications/index.js';
import { DEFAULT_DEDUPE_TTL_MS, DEFAULT_MEMORY_STORE_MAX_ENTRIES, defaultDedupeKey, MemoryNotificationStore } from '../../src/notifications/index.js';

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

  it('stays bounded when maxEntries is not a usable number (NaN, a string): the default applies, fractions round down', async () => {
    for (const maxEntries of [Number.NaN, '3' as unknown as number]) {
      const store = new MemoryNotificationStore({ maxEntries, onEarlyEviction: () => {} });
      for (let i = 0; i <= DEFAULT_MEMORY_STORE_MAX_ENTRIES; i++) await store.claim(`n${i}`, 60_000, 'o');
      expect(store.size).toBe(DEFAULT_MEMORY_STORE_MAX_ENTRIES);
    }
    const store = new MemoryNotificationStore({ maxEntries: 2.9, onEarlyEviction: () => {} });
    for (const id of ['a', 'b', 'c']) await store.claim(id, 60_000, 'o');
    expect(store.size).toBe(2);
    const one = new MemoryNotificationStore({ maxEntries: 0, onEarlyEviction: () => {} });
    for (const id of ['a', 'b']) await one.claim(id, 60_000, 'o');
    expect(one.size).toBe(1);
  });
});

describe('MemoryNotificationStore capacity', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function handle(store: MemoryNotificationStore, id: string): Promise<void> {
    await store.claim(id, 60_000, 'o');
    await store.complete(id, DEFAULT_DEDUPE_TTL_MS);
  }

  it('remembers at least 100 000 handled notifications by default', async () => {
    expect(DEFAULT_MEMORY_STORE_MAX_ENTRIES).toBeGreaterThanOrEqual(100_000);
    const evictions: EarlyEviction[] = [];
    const store = new MemoryNotificationStore({ onEarlyEviction: (e) => evictions.push(e) });
    for (let i = 0; i < 100_000; i++) await handle(store, `notifyId:${i}`);
    expect(await store.claim('notifyId:0', 60_000, 'o')).toBe('duplicate');
    expect(store.size).toBe(100_000);
    expect(evictions).toEqual([]);
  });

  it('reports each id it has to forget before its TTL', async () => {
    const time = clock();
    const evictions: EarlyEviction[] = [];
    const store = new MemoryNotificationStore({ maxEntries: 2, now: time.now, onEarlyEviction: (e) => evictions.push(e) });
    await handle(store, 'a');
    time.advance(1_000);
    await handle(store, 'b');
    await handle(store, 'c'); // a goes, 1 s into its 25 h
    await store.claim('d', 60_000, 'o'); // b goes
    expect(evictions).toEqual([
      { state: 'done', remainingMs: DEFAULT_DEDUPE_TTL_MS - 1_000, count: 1, maxEntries: 2 },
      { state: 'done', remainingMs: DEFAULT_DEDUPE_TTL_MS, count: 2, maxEntries: 2 },
    ]);
  });

  it('does not report ids that had expired anyway', async () => {
    const time = clock();
    const onEarlyEviction = vi.fn();
    const store = new MemoryNotificationStore({ maxEntries: 1, now: time.now, onEarlyEviction });
    await store.claim('a', 1_000, 'o'); // a crashed delivery's claim
    time.advance(1_001);
    await handle(store, 'b');
    expect(onEarlyEviction).not.toHaveBeenCalled();
  });

  it('warns with console.warn by default, at most once every 10 minutes, with the count', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const time = clock();
    const store = new MemoryNotificationStore({ maxEntries: 1, now: time.now });
    for (const id of ['a', 'b', 'c']) await handle(store, id);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/MemoryNotificationStore is full \(1 ids\).*25\.0 h before its TTL \(1 so far\).*Raise maxEntries/);
    time.advance(10 * 60 * 1000);
    await handle(store, 'd');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[1]![0])).toMatch(/\(3 so far\)/);
  });

  it('a throwing eviction hook does not fail the store call', async () => {
    const store = new MemoryNotificationStore({
      maxEntries: 1,
      onEarlyEviction: () => {
        throw new Error('logger broken');
      },
    });
    await handle(store, 'a');
    await expect(handle(store, 'b')).resolves.toBeUndefined();
    expect(await store.claim('b', 60_000, 'o')).toBe('duplicate');
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
