// The one way a numeric option is read leniently (retry policies, per-call limits, store TTLs):
// out-of-range values are pulled into range instead of failing a call that is already running.
// Options checked once at construction (createChinaUmsClient's) throw a ConfigurationError instead.

/** `value` clamped into [min, max] when it is a finite number; `fallback` for anything else (undefined, NaN, ±Infinity, a string). */
export function clampNumber(value: unknown, fallback: number, min: number, max: number = Number.MAX_SAFE_INTEGER): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** A store's TTL or lease: whole milliseconds, at least 1 (stores refuse 0 and fractions), rounded down unless told otherwise. */
export function wholeMs(value: number, round: (ms: number) => number = Math.floor): number {
  return clampNumber(round(value), 1, 1);
}
