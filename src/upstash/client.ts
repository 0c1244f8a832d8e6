import { wholeMs } from '../clamp.js';

/**
 * What the Upstash stores need from a client: EVAL, as `@upstash/redis` has it
 * (`redis.eval(script, keys, args)`). Every store call is one script, so one HTTP request.
 * Pass a `Redis` from `@upstash/redis`, or `upstashRestClient({ url, token })` (fetch only, no dependency).
 */
export interface UpstashEvalClient {
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
}

export interface UpstashRestOptions {
  /** The REST URL (`UPSTASH_REDIS_REST_URL`), e.g. `https://eu1-example.upstash.io`. */
  readonly url: string;
  /** The REST token (`UPSTASH_REDIS_REST_TOKEN`); never included in errors. */
  readonly token: string;
  /** fetch to use (default globalThis.fetch). */
  readonly fetch?: typeof fetch;
}

export class UpstashError extends Error {
  override name = 'UpstashError';
}

/**
 * A minimal Upstash REST client: `POST <url>` with the command as a JSON array and the token as a
 * Bearer header; the answer is `{ result }` or `{ error }` (Upstash's documented REST protocol).
 */
export function upstashRestClient(options: UpstashRestOptions): UpstashEvalClient {
  if (typeof options?.url !== 'string' || !/^https?:\/\//.test(options.url)) throw new TypeError('upstashRestClient: `url` must be the http(s) REST URL (UPSTASH_REDIS_REST_URL).');
  if (typeof options.token !== 'string' || options.token === '') throw new TypeError('upstashRestClient: `token` must be the REST token (UPSTASH_REDIS_REST_TOKEN).');
  const url = options.url;
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    async eval(script, keys, args) {
      const response = await send(url, { method: 'POST', headers, body: JSON.stringify(['EVAL', script, String(keys.length), ...keys, ...args]) });
      let answer: { result?: unknown; error?: unknown };
      try {
        answer = (await response.json()) as { result?: unknown; error?: unknown };
      } catch {
        throw new UpstashError(`Upstash answered ${response.status} without a JSON body`);
      }
      if (typeof answer.error === 'string') throw new UpstashError(`Upstash: ${answer.error}`);
      if (!response.ok) throw new UpstashError(`Upstash answered ${response.status}`);
      return answer.result ?? null;
    },
  };
}

export function assertEvalClient(client: unknown): asserts client is UpstashEvalClient {
  if (typeof client !== 'object' || client === null || typeof (client as Partial<UpstashEvalClient>).eval !== 'function') {
    throw new TypeError('Pass an Upstash client: a Redis from @upstash/redis, or upstashRestClient({ url, token }).');
  }
}

/** Redis key prefixes end with a separator so `chinaums:` yields `chinaums:token:<appId>`. */
export const DEFAULT_UPSTASH_PREFIX = 'chinaums:';

export function milliseconds(value: number): string {
  return String(wholeMs(value));
}
