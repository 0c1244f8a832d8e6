// `chinaums/cloudflare`: shared access tokens and notification dedupe in a Durable Object, for
// Cloudflare Workers. Re-export ChinaUmsStateDurableObject from your worker, bind it, and pass the
// binding to the stores. Cloudflare's types are not needed (structural interfaces below).
export { ChinaUmsStateDurableObject } from './durable-object.js';
export { DurableObjectAccessTokenStore, type DurableObjectStoreOptions } from './token-store.js';
export { DurableObjectNotificationStore, type DurableObjectNotificationStoreOptions } from './notification-store.js';
export { DurableObjectStateError } from './protocol.js';
export type { DurableObjectNamespaceLike, DurableObjectStateLike, DurableObjectStorageLike, DurableObjectStubLike } from './types.js';
