// Fleet checks for the shared stores, run where each store runs (Deno for Deno KV, workerd for
// Durable Objects): many concurrent calls from two instances make one token request at the
// sandbox, and one notification delivered many times runs the callback once. Web standards only.
import type { AccessTokenStore } from '../../../src/auth/access-token/store.js';
import type { NotificationStore } from '../../../src/notifications/store.js';
import { equal, ok } from '../assert.js';
import { APP, NOTIFY_KEY, QUERY_BODY, sampleNotification } from '../fixtures.js';
import type { Sdk } from '../sdk.js';

export type FleetSdk = Pick<Sdk, 'core' | 'notifications'>;

/** `instances` clients, one per token store, `callsEach` concurrent calls each: returns the token requests seen. */
export async function tokenRequestsForFleet(sdk: FleetSdk, sandboxUrl: string, stores: readonly AccessTokenStore[], callsEach: number): Promise<number> {
  let tokenRequests = 0;
  const counting = (request: Request) => {
    if (new URL(request.url).pathname.endsWith('/token/access')) tokenRequests++;
    return fetch(request);
  };
  const clients = stores.map((tokenStore) =>
    sdk.core.createChinaUmsClient({ ...APP, baseUrl: sandboxUrl, auth: sdk.core.accessTokenAuth({ store: tokenStore, lock: { pollMinMs: 5, pollMaxMs: 25 } }), fetch: counting }),
  );
  const calls = clients.flatMap((client) => Array.from({ length: callsEach }, () => client.netpayQuery({ ...QUERY_BODY })));
  const results = await Promise.all(calls);
  ok(
    results.every((r) => r.errCode === 'SUCCESS'),
    `some calls failed: ${[...new Set(results.map((r) => r.errCode))].join()}`,
  );
  return tokenRequests;
}

/** Handlers (one per store) get one notification `deliveries` times concurrently, then once more. */
export async function callbackRunsForDeliveries(sdk: FleetSdk, stores: readonly NotificationStore[], deliveries: number, notifyId: string): Promise<number> {
  let runs = 0;
  const handlers = stores.map((store) => sdk.notifications.createNotificationHandler({ key: NOTIFY_KEY, store, onNotification: () => void runs++, onError: () => undefined }));
  const fields = sampleNotification('SHA256', notifyId);
  const body = sdk.notifications.encodeNotificationForm({ ...fields, sign: await sdk.notifications.signNotification(fields, { key: NOTIFY_KEY }) });
  const deliver = (i: number) =>
    handlers[i % handlers.length]!(new Request('http://127.0.0.1/notify', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).then((r) => r.text());
  const answers = await Promise.all(Array.from({ length: deliveries }, (_, i) => deliver(i)));
  ok(answers.includes('SUCCESS'), `no delivery was answered SUCCESS: ${[...new Set(answers)].join()}`);
  equal(await deliver(1), 'SUCCESS', 'the later delivery (a duplicate) is answered SUCCESS');
  return runs;
}
