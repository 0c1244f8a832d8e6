import { wholeMs } from '../clamp.js';

/**
 * The part of `Deno.Kv` the stores use, written out so this module needs neither Deno's types nor
 * Deno itself to type-check: a `Deno.Kv` from `Deno.openKv()` satisfies it structurally.
 */
export type DenoKvKeyPart = string | number | bigint | boolean | symbol | Uint8Array;
export type DenoKvKey = readonly DenoKvKeyPart[];

export interface DenoKvEntryMaybe<T> {
  readonly key: DenoKvKey;
  readonly value: T | null;
  readonly versionstamp: string | null;
}

export interface DenoKvAtomicCheck {
  readonly key: DenoKvKey;
  readonly versionstamp: string | null;
}

export interface DenoKvAtomicOperationLike {
  check(...checks: DenoKvAtomicCheck[]): this;
  set(key: DenoKvKey, value: unknown, options?: { expireIn?: number }): this;
  delete(key: DenoKvKey): this;
  commit(): Promise<{ readonly ok: boolean }>;
}

export interface DenoKvLike {
  get<T = unknown>(key: DenoKvKey): Promise<DenoKvEntryMaybe<T>>;
  set(key: DenoKvKey, value: unknown, options?: { expireIn?: number }): Promise<unknown>;
  atomic(): DenoKvAtomicOperationLike;
}

/** Keys start with this part unless `keyPrefix` says otherwise: `['chinaums', 'token', appId]`. */
export const DEFAULT_DENO_KV_PREFIX: DenoKvKey = ['chinaums'];

export function assertDenoKv(kv: unknown): asserts kv is DenoKvLike {
  const candidate = kv as Partial<DenoKvLike> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.get !== 'function' || typeof candidate.atomic !== 'function') {
    throw new TypeError('Pass a Deno.Kv (await Deno.openKv()).');
  }
}

/** Deno KV deletes expired keys lazily, so every value carries its own expiry and reads check it. */
export interface Expiring {
  readonly expiresAt: number;
}

export function isLive(value: unknown, now: number): value is Expiring {
  return typeof value === 'object' && value !== null && typeof (value as Expiring).expiresAt === 'number' && (value as Expiring).expiresAt > now;
}

/** expireIn must be a positive integer. */
export function expireIn(ms: number): number {
  return wholeMs(ms, Math.ceil);
}
