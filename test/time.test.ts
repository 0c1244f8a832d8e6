import { afterEach, describe, expect, it } from 'vitest';
import { beijingCompactTimestamp, beijingDate, beijingDateTime, parseBeijingTime } from '../src/time.js';

const originalTz = process.env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe('Beijing time formatting', () => {
  const instant = Date.UTC(2024, 5, 30, 16, 30, 5); // 2024-07-01 00:30:05 in Beijing

  it.each(['UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati'])('is independent of the host zone (TZ=%s)', (tz) => {
    process.env['TZ'] = tz;
    // Node re-reads TZ when it changes: prove the zone really switched before trusting the result.
    const offset = new Date(instant).getTimezoneOffset();
    expect(offset === 0).toBe(tz === 'UTC');
    expect(beijingCompactTimestamp(instant)).toBe('20240701003005');
    expect(beijingDateTime(instant)).toBe('2024-07-01 00:30:05');
    expect(beijingDate(instant)).toBe('2024-07-01');
  });

  it('crosses midnight and the year end at 16:00 UTC', () => {
    expect(beijingDateTime(Date.UTC(2023, 11, 31, 15, 59, 59))).toBe('2023-12-31 23:59:59');
    expect(beijingDateTime(Date.UTC(2023, 11, 31, 16, 0, 0))).toBe('2024-01-01 00:00:00');
    expect(beijingCompactTimestamp(Date.UTC(2024, 1, 28, 16, 0, 0))).toBe('20240229000000');
  });

  it('round-trips through parseBeijingTime', () => {
    const ms = Date.UTC(2030, 0, 2, 3, 4, 5);
    expect(parseBeijingTime(beijingDateTime(ms))?.getTime()).toBe(ms);
    expect(parseBeijingTime(beijingCompactTimestamp(ms))?.getTime()).toBe(ms);
  });

  it('rejects impossible and malformed times', () => {
    expect(parseBeijingTime('2024-02-31 00:00:00')).toBeUndefined();
    expect(parseBeijingTime('2024-01-01 24:00:00')).toBeUndefined();
    expect(parseBeijingTime('2024-01-01T00:00:00')).toBeUndefined();
    expect(parseBeijingTime('2024-0101 000000')).toBeUndefined();
    expect(() => beijingDateTime(Number.NaN)).toThrow(RangeError);
  });
});
