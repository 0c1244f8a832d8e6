// Optional clock-skew correction: a host whose clock is minutes off gets every call refused
// (ABNORMAL_REQUEST_TIME, "Timestamp解析失败"). With `clockSkewCorrection: true` the client learns
// the offset from the platform's `Date` header and applies it to the timestamps it writes.

/** Below this the host clock is considered right (`Date` has one-second resolution). */
export const DEFAULT_SKEW_THRESHOLD_MS = 5_000;

export class ClockSkew {
  #offsetMs = 0;
  readonly #now: () => number;
  readonly #thresholdMs: number;

  constructor(now: () => number, thresholdMs = DEFAULT_SKEW_THRESHOLD_MS) {
    this.#now = now;
    this.#thresholdMs = thresholdMs;
  }

  /** The learned correction, added to the local clock (0 while the clock looks right). */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** The corrected clock, epoch milliseconds. */
  readonly now = (): number => this.#now() + this.#offsetMs;

  /**
   * Learns from one response. `sentAt`/`receivedAt` are local (uncorrected) epoch ms around the
   * exchange; the server's time is compared with their midpoint. Returns true when the offset changed.
   */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): boolean {
    if (!dateHeader) return false;
    const serverMs = Date.parse(dateHeader);
    if (!Number.isFinite(serverMs)) return false;
    // `Date` truncates to the second: its midpoint is half a second later.
    const skew = serverMs + 500 - (sentAt + receivedAt) / 2;
    const next = Math.abs(skew) > this.#thresholdMs ? Math.round(skew) : 0;
    if (next === this.#offsetMs) return false;
    // Small jitter around an already learned offset is not a change worth reporting.
    if (next !== 0 && this.#offsetMs !== 0 && Math.abs(next - this.#offsetMs) < 1_000) return false;
    this.#offsetMs = next;
    return true;
  }
}
