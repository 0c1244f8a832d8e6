// Remembers (appId, nonce) pairs of accepted signatures for as long as their timestamp could still
// pass the clock check, so a captured request cannot be replayed. Bounded: oldest forgotten first.
const MAX_REMEMBERED = 100_000;

export class NonceRegistry {
  readonly #seen = new Map<string, number>();

  constructor(private readonly now: () => number, private readonly windowMs: number) {}

  /** False when the pair was already used within the window; records it otherwise. */
  remember(appId: string, nonce: string): boolean {
    const now = this.now();
    const key = `${appId}\u0000${nonce}`;
    const expiresAt = this.#seen.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.#seen.delete(key);
    this.#seen.set(key, now + 2 * this.windowMs);
    this.#evict(now);
    return true;
  }

  clear(): void {
    this.#seen.clear();
  }

  #evict(now: number): void {
    // Insertion order is expiry order (the window is constant), so expired entries are at the front.
    for (const [key, expiresAt] of this.#seen) {
      if (expiresAt > now && this.#seen.size <= MAX_REMEMBERED) break;
      this.#seen.delete(key);
    }
  }
}
