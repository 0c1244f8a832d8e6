// Access tokens as the platform keeps them: each lives `ttlSeconds`, and at most `maxPerApp` are
// valid per appId at once, so a client that fetches a token per request invalidates its own.
import { randomHex } from './ids.js';

interface IssuedToken {
  readonly token: string;
  readonly appId: string;
  readonly expiresAt: number;
}

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

export class TokenRegistry {
  readonly #byApp = new Map<string, IssuedToken[]>();
  readonly #byToken = new Map<string, IssuedToken>();

  constructor(
    private readonly now: () => number,
    private readonly ttlSeconds: number,
    private readonly maxPerApp: number,
  ) {}

  issue(appId: string): IssuedAccessToken {
    const live = this.#prune(appId);
    while (live.length >= this.maxPerApp) {
      const oldest = live.shift();
      if (oldest) this.#byToken.delete(oldest.token);
    }
    const issued: IssuedToken = { token: randomHex(16), appId, expiresAt: this.now() + this.ttlSeconds * 1000 };
    live.push(issued);
    this.#byApp.set(appId, live);
    this.#byToken.set(issued.token, issued);
    return { accessToken: issued.token, expiresIn: this.ttlSeconds };
  }

  /** The appId a token was issued to, while it is valid (not expired, not displaced). */
  appIdFor(token: string): string | undefined {
    const issued = this.#byToken.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt <= this.now()) {
      this.#prune(issued.appId);
      return undefined;
    }
    return issued.appId;
  }

  /** How many tokens of this app are valid now. */
  validCount(appId: string): number {
    return this.#prune(appId).length;
  }

  clear(): void {
    this.#byApp.clear();
    this.#byToken.clear();
  }

  #prune(appId: string): IssuedToken[] {
    const now = this.now();
    const live: IssuedToken[] = [];
    for (const issued of this.#byApp.get(appId) ?? []) {
      if (issued.expiresAt > now) live.push(issued);
      else this.#byToken.delete(issued.token);
    }
    this.#byApp.set(appId, live);
    return live;
  }
}
