// ChinaUMS reads every timestamp as Beijing time (UTC+8, no daylight saving). Edge hosts run in
// UTC, so the offset is applied arithmetically and the UTC getters read the shifted instant.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

interface Formatted {
  readonly compact: string;
  readonly dateTime: string;
  readonly date: string;
}

function format(ms: number): Formatted {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const [y, M, D, h, m, sec] = [pad(d.getUTCFullYear(), 4), pad(d.getUTCMonth() + 1), pad(d.getUTCDate()), pad(d.getUTCHours()), pad(d.getUTCMinutes()), pad(d.getUTCSeconds())];
  return { compact: `${y}${M}${D}${h}${m}${sec}`, dateTime: `${y}-${M}-${D} ${h}:${m}:${sec}`, date: `${y}-${M}-${D}` };
}

// Every request formats the current second twice (body timestamp, Authorization header), and
// the strings depend only on the whole second: the last second's strings are kept.
let cachedSecond = Number.NaN;
let cached: Formatted | undefined;

function formatted(instant: Date | number): Formatted {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Cannot format an invalid date as Beijing time');
  const second = Math.floor(ms / 1000);
  if (cached === undefined || second !== cachedSecond) {
    cached = format(ms);
    cachedSecond = second;
  }
  return cached;
}

/** `yyyyMMddHHmmss` in Beijing time: the Authorization header and token-request timestamp. */
export function beijingCompactTimestamp(instant: Date | number): string {
  return formatted(instant).compact;
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time: the body field `requestTimestamp`. */
export function beijingDateTime(instant: Date | number): string {
  return formatted(instant).dateTime;
}

/** `yyyy-MM-dd` in Beijing time. */
export function beijingDate(instant: Date | number): string {
  return formatted(instant).date;
}

/** Parses `yyyy-MM-dd HH:mm:ss` or `yyyyMMddHHmmss` as Beijing time; undefined when malformed. */
export function parseBeijingTime(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS;
  const check = new Date(ms + BEIJING_OFFSET_MS);
  // Reject 2024-02-31 and friends instead of rolling them over.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  return new Date(ms);
}

/** A monotonic clock for durations and deadlines (wall-clock `now` may be frozen or corrected). */
export function monotonicNow(): number {
  return performance.now();
}
