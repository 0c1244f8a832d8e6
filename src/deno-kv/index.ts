// `chinaums/deno-kv`: shared access tokens and notification dedupe on Deno KV (Deno Deploy, or
// local Deno with `Deno.openKv(path)`). Takes the Kv you opened; Deno's types are not needed.
export { DenoKvAccessTokenStore, type DenoKvStoreOptions } from './token-store.js';
export { DenoKvNotificationStore } from './notification-store.js';
export type { DenoKvAtomicCheck, DenoKvAtomicOperationLike, DenoKvEntryMaybe, DenoKvKey, DenoKvKeyPart, DenoKvLike } from './kv.js';
export { DEFAULT_DENO_KV_PREFIX } from './kv.js';
