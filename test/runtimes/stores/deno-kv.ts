// Deno KV stores on real Deno (`--unstable-kv`): `deno run … deno-kv.mjs <kv path> <sandbox URL>`.
// Two store instances (two clients, two handlers) on one `Deno.openKv(path)` stand for two isolates
// of a Deno Deploy project: they share nothing but the database. (Two handles on one local SQLite
// file in one process contend for its write lock and fail with "database is locked": local KV
// files are for one process; Deno Deploy's KV is shared by every isolate.)
import type { DenoKvLike } from '../../../src/deno-kv/index.js';
import { accessTokenStoreCases, notificationStoreCases, runStoreCases, waitPast } from '../../stores/contract.js';
import { equal } from '../assert.js';
import { REPORT_PREFIX } from '../run-checks.js';
import { denoKv, sdk } from './built-stores.mjs';
import { callbackRunsForDeliveries, tokenRequestsForFleet } from './fleet.js';

declare const Deno: { readonly args: string[]; openKv(path?: string): Promise<DenoKvLike & { close(): void }> };

const [path = '', sandboxUrl = ''] = Deno.args;
const { DenoKvAccessTokenStore, DenoKvNotificationStore } = denoKv;
const kv = await Deno.openKv(path);
const [kvA, kvB] = [kv, kv];
let run = 0;
const prefix = () => ['chinaums-test', `${Date.now()}-${++run}`];

const results = [
  ...(await runStoreCases('DenoKvAccessTokenStore', accessTokenStoreCases, () => {
    const keyPrefix = prefix();
    return { first: new DenoKvAccessTokenStore(kvA, { keyPrefix }), second: new DenoKvAccessTokenStore(kvB, { keyPrefix }), expire: waitPast, now: Date.now };
  })),
  ...(await runStoreCases('DenoKvNotificationStore', notificationStoreCases, () => {
    const keyPrefix = prefix();
    return { first: new DenoKvNotificationStore(kvA, { keyPrefix }), second: new DenoKvNotificationStore(kvB, { keyPrefix }), expire: waitPast, now: Date.now };
  })),
  ...(await runStoreCases('Deno KV fleet', [
    {
      name: 'two isolates, 40 concurrent calls each against the sandbox: exactly one token request',
      async run() {
        const keyPrefix = prefix();
        const stores = [new DenoKvAccessTokenStore(kvA, { keyPrefix }), new DenoKvAccessTokenStore(kvB, { keyPrefix })];
        equal(await tokenRequestsForFleet(sdk, sandboxUrl, stores, 40), 1, 'token requests');
      },
    },
    {
      name: 'one notification delivered 20 times across two isolates, and once later: the callback runs once',
      async run() {
        const keyPrefix = prefix();
        const stores = [new DenoKvNotificationStore(kvA, { keyPrefix }), new DenoKvNotificationStore(kvB, { keyPrefix })];
        equal(await callbackRunsForDeliveries(sdk, stores, 20, `deno-kv-${Date.now()}`), 1, 'callback runs');
      },
    },
  ], () => ({ first: undefined, second: undefined, expire: waitPast, now: Date.now }))),
];
kv.close();
console.log(REPORT_PREFIX + JSON.stringify({ runtime: 'deno kv', results }));
