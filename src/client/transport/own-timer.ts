// One timer per attempt deadline: what every runtime can do. The portable entry uses it; the Node
// entry (Node and Bun; Deno resolves the portable one) shares one timer between deadlines (deadline-timer.ts).

/** What a deadline ends. */
export interface Expiring {
  /** Called once when the deadline passes; never after `cancel()`. */
  expire(): void;
}

export interface ArmedDeadline {
  /** Idempotent; the target is not expired after this returns. */
  cancel(): void;
}

/** Calls `target.expire()` once `delayMs` have passed, unless cancelled first. */
export type ArmDeadline = (delayMs: number, target: Expiring) => ArmedDeadline;

class OwnTimer implements ArmedDeadline {
  readonly #handle: ReturnType<typeof setTimeout>;
  constructor(delayMs: number, target: Expiring) {
    this.#handle = setTimeout(() => target.expire(), Math.max(0, delayMs));
  }

  cancel(): void {
    clearTimeout(this.#handle);
  }
}

export const armOwnDeadline: ArmDeadline = (delayMs, target) => new OwnTimer(delayMs, target);
