/** A monotonic clock for durations and deadlines (wall-clock `now` may be frozen or corrected). */
export function monotonicNow(): number {
  return performance.now();
}
