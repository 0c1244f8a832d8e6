// A Worker using the Durable Object stores, run in real workerd by durable-objects-host.mjs:
//   GET  /contract               the shared-state contract (two store instances per case)
//   GET  /query?sandbox=<URL>    one access-token call with a client of its own (as a fresh isolate would have)
//   POST /notify                 one delivery to a handler of its own
//   GET  /notification-body?id=  a signed notification body;  GET /counts  token requests and callback runs
import type { DurableObjectNamespaceLike } from '../../../src/cloudflare/index.js';
import { accessTokenStoreCases, notificationStoreCases, runStoreCases, waitPast } from '../../stores/contract.js';
import { APP, NOTIFY_KEY, QUERY_BODY, sampleNotification } from '../fixtures.js';
import { REPORT_PREFIX } from '../run-checks.js';
import { cloudflare, sdk } from './built-stores.mjs';

export const ChinaUmsStateDurableObject = cloudflare.ChinaUmsStateDurableObject;

interface Env {
  readonly CHINAUMS_STATE: DurableObjectNamespaceLike;
}

const counts = { tokenRequests: 0, callbackRuns: 0 };
const countingFetch = (request: Request) => {
  if (new URL(request.url).pathname.endsWith('/token/access')) counts.tokenRequests++;
  return fetch(request);
};

async function contract(env: Env): Promise<Response> {
  let run = 0;
  const objectPrefix = () => `test-${Date.now()}-${++run}:`;
  const { DurableObjectAccessTokenStore, DurableObjectNotificationStore } = cloudflare;
  const results = [
    ...(await runStoreCases('DurableObjectAccessTokenStore', accessTokenStoreCases, () => {
      const options = { objectPrefix: objectPrefix() };
      return { first: new DurableObjectAccessTokenStore(env.CHINAUMS_STATE, options), second: new DurableObjectAccessTokenStore(env.CHINAUMS_STATE, options), expire: waitPast, now: Date.now };
    })),
    ...(await runStoreCases('DurableObjectNotificationStore', notificationStoreCases, () => {
      const options = { objectPrefix: objectPrefix() };
      return { first: new DurableObjectNotificationStore(env.CHINAUMS_STATE, options), second: new DurableObjectNotificationStore(env.CHINAUMS_STATE, options), expire: waitPast, now: Date.now };
    })),
  ];
  return new Response(REPORT_PREFIX + JSON.stringify({ runtime: 'workerd', results }));
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/contract') return contract(env);
    if (url.pathname === '/counts') return Response.json(counts);
    if (url.pathname === '/query') {
      const ums = sdk.core.createChinaUmsClient({
        ...APP,
        baseUrl: url.searchParams.get('sandbox') ?? '',
        auth: sdk.core.accessTokenAuth({ store: new cloudflare.DurableObjectAccessTokenStore(env.CHINAUMS_STATE), lock: { pollMinMs: 5, pollMaxMs: 25 } }),
        fetch: countingFetch,
      });
      const data = await ums.netpayQuery({ ...QUERY_BODY });
      return Response.json({ errCode: data.errCode });
    }
    if (url.pathname === '/notification-body') {
      const fields = sampleNotification('SHA256', url.searchParams.get('id') ?? 'n');
      return new Response(sdk.notifications.encodeNotificationForm({ ...fields, sign: await sdk.notifications.signNotification(fields, { key: NOTIFY_KEY }) }));
    }
    if (url.pathname === '/notify') {
      const handle = sdk.notifications.createNotificationHandler({
        key: NOTIFY_KEY,
        store: new cloudflare.DurableObjectNotificationStore(env.CHINAUMS_STATE),
        onNotification: () => void counts.callbackRuns++,
        onError: () => undefined,
      });
      return handle(request);
    }
    return new Response('Not Found', { status: 404 });
  },
};
