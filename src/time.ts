// ChinaUMS reads every timestamp as Beijing time (UTC+8, no daylight saving). Edge hosts run in
// UTC, so the offset is applied arithmetically and the UTC getters read the shifted instant.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

function parts(instant: Date | number) {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Cannot format an invalid date as Beijing time');
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return {
    y: pad(d.getUTCFullYear(), 4),
    M: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    m: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
  };
}

/** `yyyyMMddHHmmss` in Beijing time: the Authorization header and token-request timestamp. */
export function beijingCompactTimestamp(instant: Date | number): string {
  const p = parts(instant);
  return `${p.y}${p.M}${p.d}${p.h}${p.m}${p.s}`;
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time: the body field `requestTimestamp`. */
export function beijingDateTime(instant: Date | number): string {
  const p = parts(instant);
  return `${p.y}-${p.M}-${p.d} ${p.h}:${p.m}:${p.s}`;
}

/** `yyyy-MM-dd` in Beijing time. */
export function beijingDate(instant: Date | number): string {
  const p = parts(instant);
  return `${p.y}-${p.M}-${p.d}`;
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
