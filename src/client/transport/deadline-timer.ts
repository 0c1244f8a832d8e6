// Attempt deadlines share one runtime timer where the runtime lets a timer stop holding the
// process open (Node, Bun: handles with ref/unref). Node builds, lists and discards a timer for
// every setTimeout/clearTimeout pair, a measurable share of a signed request (README.md).
// The shared timer is armed for the earliest deadline and is ref'd exactly while a deadline is
// pending, so a waiting attempt keeps the process alive and an idle client never does. Elsewhere
// (Deno, workerd: numeric handles, and workerd ties a timer to the request that made it) every
// deadline keeps its own timer.
import { monotonicNow } from '../../time.js';
import { armOwnDeadline, type ArmedDeadline, type Expiring } from './own-timer.js';

interface RefHandle {
  ref(): unknown;
  unref(): unknown;
}

type SetTimer = typeof setTimeout;
type ClearTimer = typeof clearTimeout;

function canUnref(handle: unknown): handle is RefHandle {
  return typeof handle === 'object' && handle !== null && typeof (handle as RefHandle).ref === 'function' && typeof (handle as RefHandle).unref === 'function';
}

class Entry implements ArmedDeadline {
  prev: Entry | undefined = undefined;
  next: Entry | undefined = undefined;
  linked = false;
  /** Set when the shared timer could no longer be armed and this deadline moved to a timer of its own. */
  own: ArmedDeadline | undefined = undefined;
  constructor(
    readonly at: number,
    readonly target: Expiring,
  ) {}

  cancel(): void {
    if (this.linked) shared?.remove(this);
    else this.own?.cancel();
  }
}

/** Pending deadlines in order (a doubly linked list), and the one timer armed for the first. */
class SharedDeadlines {
  #head: Entry | undefined;
  #tail: Entry | undefined;
  #timer: RefHandle | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #armedWith: SetTimer | undefined;
  #clear: ClearTimer | undefined;
  #refed = false;

  /** Links `entry`; false (and not linked) when the current setTimeout's handles cannot be unref'd. */
  add(entry: Entry): boolean {
    // Deadlines mostly arrive in order (one timeout for every attempt): the scan from the tail is
    // usually one step, and never longer than the list of attempts in flight.
    let before = this.#tail;
    while (before !== undefined && before.at > entry.at) before = before.prev;
    entry.prev = before;
    entry.next = before === undefined ? this.#head : before.next;
    if (entry.next === undefined) this.#tail = entry;
    else entry.next.prev = entry;
    if (before === undefined) this.#head = entry;
    else before.next = entry;
    entry.linked = true;
    // Re-armed as well when the global setTimeout was replaced (a test's fake clock came or went).
    if (this.#timer === undefined || entry.at < this.#timerAt || this.#armedWith !== globalThis.setTimeout) {
      // Armed for the first deadline, which is this one unless the timer is being re-armed after a swap.
      if (!this.#arm(this.#head!.at - monotonicNow())) {
        this.#unlink(entry);
        return false;
      }
    } else if (!this.#refed) {
      this.#timer.ref();
      this.#refed = true;
    }
    return true;
  }

  remove(entry: Entry): void {
    this.#unlink(entry);
    if (this.#head === undefined && this.#refed) {
      // Left armed but unref'd: the next attempt usually reuses it, and it no longer holds the process.
      this.#timer?.unref();
      this.#refed = false;
    }
  }

  #unlink(entry: Entry): void {
    if (entry.prev === undefined) this.#head = entry.next;
    else entry.prev.next = entry.next;
    if (entry.next === undefined) this.#tail = entry.prev;
    else entry.next.prev = entry.prev;
    entry.prev = entry.next = undefined;
    entry.linked = false;
  }

  /** False when the current setTimeout gives handles that cannot be unref'd; the armed timer, if any, is kept. */
  #arm(delayMs: number): boolean {
    const set = globalThis.setTimeout;
    const clear = globalThis.clearTimeout;
    const handle: unknown = set(this.#fire, Math.max(0, delayMs));
    if (!canUnref(handle)) {
      clear(handle as Parameters<ClearTimer>[0]);
      return false;
    }
    if (this.#timer !== undefined) this.#clear?.(this.#timer as unknown as Parameters<ClearTimer>[0]);
    this.#timer = handle;
    this.#timerAt = this.#head === undefined ? Number.POSITIVE_INFINITY : this.#head.at;
    this.#armedWith = set;
    this.#clear = clear;
    this.#refed = true;
    if (this.#head === undefined) {
      handle.unref();
      this.#refed = false;
    }
    return true;
  }

  readonly #fire = (): void => {
    const firedAt = this.#timerAt;
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    this.#refed = false;
    // The timer's own clock says `firedAt` has come (a fake clock in tests may differ from
    // performance.now()): every deadline up to it expires. Each pass unlinks one entry.
    while (this.#head !== undefined && this.#head.at <= firedAt) {
      const due = this.#head;
      this.#unlink(due);
      due.target.expire();
    }
    // expire() may abort signals whose listeners start new attempts, which arm the timer themselves.
    const next = this.#head;
    if (next !== undefined && (this.#timer === undefined || next.at < this.#timerAt)) {
      if (!this.#arm(Math.min(next.at - firedAt, next.at - monotonicNow()))) this.#evacuate(firedAt);
    }
  };

  /** The runtime's timers stopped being unref-able (setTimeout was replaced): every pending deadline gets its own timer. */
  #evacuate(firedAt: number): void {
    sharing = false;
    const now = monotonicNow();
    // Bounded: each pass unlinks one entry.
    while (this.#head !== undefined) {
      const entry = this.#head;
      this.#unlink(entry);
      entry.own = armOwnDeadline(Math.min(entry.at - firedAt, entry.at - now), entry.target);
    }
  }
}

// Created at the first deadline: a module-level `new` would survive tree-shaking in a bundled chunk.
let shared: SharedDeadlines | undefined;
let sharing = true;

/** Calls `target.expire()` once `delayMs` have passed, unless cancelled first; through the shared timer where it can. */
export function armDeadline(delayMs: number, target: Expiring): ArmedDeadline {
  if (sharing) {
    const entry = new Entry(monotonicNow() + Math.max(0, delayMs), target);
    if ((shared ??= new SharedDeadlines()).add(entry)) return entry;
    sharing = false;
  }
  return armOwnDeadline(delayMs, target);
}
