// What the stores ask the Durable Object: one JSON request per store call, `{ result }` back.
import type { ClaimOutcome } from '../notifications/store.js';
import type { StoredAccessToken } from '../auth/access-token/store.js';
import type { DurableObjectNamespaceLike } from './types.js';

export type StateRequest =
  | { readonly op: 'token-get'; readonly appId: string }
  | { readonly op: 'token-set'; readonly appId: string; readonly token: StoredAccessToken }
  | { readonly op: 'token-invalidate'; readonly appId: string; readonly accessToken: string }
  | { readonly op: 'lock-try'; readonly appId: string; readonly owner: string; readonly ttlMs: number }
  | { readonly op: 'lock-release'; readonly appId: string; readonly owner: string }
  | { readonly op: 'claim'; readonly id: string; readonly owner: string; readonly leaseMs: number }
  | { readonly op: 'complete'; readonly id: string; readonly ttlMs: number }
  | { readonly op: 'release'; readonly id: string; readonly owner: string };

export interface StateResults {
  'token-get': StoredAccessToken | null;
  'token-set': null;
  'token-invalidate': null;
  'lock-try': boolean;
  'lock-release': null;
  claim: ClaimOutcome;
  complete: null;
  release: null;
}

/** Only reached through a stub: the host is a label, the object is chosen by the stub. */
const STATE_URL = 'https://chinaums-state.internal/';

/** Names objects `<prefix><name>`: the default prefix keeps them apart from the user's own objects. */
export const DEFAULT_OBJECT_PREFIX = 'chinaums:';

export class DurableObjectStateError extends Error {
  override name = 'DurableObjectStateError';
}

export async function askState<R extends StateRequest>(namespace: DurableObjectNamespaceLike, name: string, request: R): Promise<StateResults[R['op']]> {
  const stub = namespace.get(namespace.idFromName(name));
  const response = await stub.fetch(STATE_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const text = await response.text();
  if (!response.ok) throw new DurableObjectStateError(`The ChinaUMS state Durable Object answered ${response.status} to ${request.op}: ${text.slice(0, 200)}`);
  try {
    return (JSON.parse(text) as { result: StateResults[R['op']] }).result;
  } catch {
    throw new DurableObjectStateError(`The ChinaUMS state Durable Object answered ${request.op} with something other than JSON; is the binding's class ChinaUmsStateDurableObject?`);
  }
}

export function assertNamespace(namespace: unknown): asserts namespace is DurableObjectNamespaceLike {
  const candidate = namespace as Partial<DurableObjectNamespaceLike> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.idFromName !== 'function' || typeof candidate.get !== 'function') {
    throw new TypeError('Pass the Durable Object binding (env.CHINAUMS_STATE) bound to ChinaUmsStateDurableObject.');
  }
}
