import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createMerOrderId } from '../../src/index.js';

const originalTz = process.env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

// 2024-04-01 12:34:56.789 in Beijing is 04:34:56.789 UTC.
const INSTANT = Date.UTC(2024, 3, 1, 4, 34, 56, 789);

describe('createMerOrderId', () => {
  it('starts with the msgSrcId, then Beijing time to the millisecond, then digits; 28 characters by default', () => {
    const id = createMerOrderId({ msgSrcId: '3194', now: () => INSTANT });
    expect(id).toHaveLength(28);
    expect(id.slice(0, 4)).toBe('3194');
    expect(id.slice(4, 21)).toBe('20240401123456789');
    expect(id.slice(21)).toMatch(/^\d{7}$/);
  });

  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles'])('writes Beijing time whatever the host zone (TZ=%s)', (zone) => {
    process.env['TZ'] = zone;
    // Sanity: the zone really changed what local-time formatting would print.
    expect(new Date(INSTANT).getHours()).toBe({ UTC: 4, 'Asia/Shanghai': 12, 'America/Los_Angeles': 21 }[zone]);
    const id = createMerOrderId({ msgSrcId: '3194', now: () => INSTANT });
    expect(id.slice(4, 21)).toBe('20240401123456789');
  });

  it('takes another length: 27 for WeChat QR bills, up to 32', () => {
    expect(createMerOrderId({ msgSrcId: 'AB12', length: 27 })).toMatch(/^AB12\d{23}$/);
    expect(createMerOrderId({ msgSrcId: 'AB12', length: 32 })).toMatch(/^AB12\d{28}$/);
    expect(createMerOrderId({ msgSrcId: 'AB12', length: 24 })).toMatch(/^AB12\d{20}$/);
  });

  it.each([23, 33, 27.5, '28'])('refuses length %s with a typed error', (length) => {
    expect(() => createMerOrderId({ msgSrcId: '3194', length: length as number })).toThrow(ConfigurationError);
  });

  it.each(['', '319', '31945', '31 4', '中文编号', undefined])('refuses msgSrcId %j', (msgSrcId) => {
    expect(() => createMerOrderId({ msgSrcId: msgSrcId as string })).toThrow(/msgSrcId must be the 4 letters or digits/);
  });

  it.each([
    ['UTC', Date.UTC(2090, 0, 1, 0, 0, 0, 1), '20900101080000001'],
    ['Asia/Shanghai', Date.UTC(2090, 0, 2, 0, 0, 0, 1), '20900102080000001'],
  ])('gives 100,000 distinct ids in one go, even within one millisecond (TZ=%s)', (zone, instant, stamp) => {
    process.env['TZ'] = zone;
    // The worst case: every call in the same millisecond. (Later than any earlier call of this
    // file, since after the clock steps back the time part keeps to the latest time used.)
    const frozen = () => instant;
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(createMerOrderId({ msgSrcId: '3194', now: frozen }));
    expect(ids.size).toBe(100_000);
    expect([...ids].every((id) => id.length === 28 && id.startsWith(`3194${stamp}`))).toBe(true);
    const free = new Set<string>();
    for (let i = 0; i < 100_000; i++) free.add(createMerOrderId({ msgSrcId: '3194' }));
    expect(free.size).toBe(100_000);
    expect([...free].every((id) => /^3194\d{24}$/.test(id))).toBe(true);
  });

  it('stays distinct when the clock steps back', () => {
    let now = INSTANT;
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      ids.add(createMerOrderId({ msgSrcId: '3194', length: 24, now: () => now }));
      now = i % 2 === 0 ? now - 5 : now + 3;
    }
    expect(ids.size).toBe(1000);
  });
});
