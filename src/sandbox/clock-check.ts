// The clock checks: the header Timestamp (yyyyMMddHHmmss) and the body's requestTimestamp
// (yyyy-MM-dd HH:mm:ss), both Beijing time, compared with the sandbox's clock.
import { parseBeijingTime } from '../time.js';

export type ClockVerdict = 'ok' | 'malformed' | 'out-of-range';

export function checkBeijingTime(text: string, pattern: RegExp, now: number, toleranceMs: number): ClockVerdict {
  if (!pattern.test(text)) return 'malformed';
  const instant = parseBeijingTime(text);
  if (!instant) return 'malformed';
  return Math.abs(instant.getTime() - now) > toleranceMs ? 'out-of-range' : 'ok';
}

export const COMPACT_TIMESTAMP = /^\d{14}$/;
export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
