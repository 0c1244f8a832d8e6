// Drives a running example like the platform and a merchant would (Node side): POST a signed
// notification (signed independently with node:crypto), expect SUCCESS, then ask the example to
// make one client call to the fake platform.
import { independentSign } from '../helpers/notification-independent-sign.js';
import { APP, NOTIFY_KEY, QUERY_BODY, sampleNotification } from './fixtures.js';
import type { CheckResult } from './run-checks.js';

export type Send = (path: string, init?: RequestInit) => Promise<Response>;

async function step(name: string, action: () => Promise<void>): Promise<CheckResult> {
  const started = Date.now();
  try {
    await action();
    return { name, ok: true, ms: Date.now() - started };
  } catch (error) {
    return { name, ok: false, ms: Date.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function probeExample(send: Send): Promise<CheckResult[]> {
  const fields = sampleNotification('SHA256', `example-${Date.now()}`);
  const body = new URLSearchParams({ ...fields, sign: independentSign(fields, NOTIFY_KEY) }).toString();
  const post = (payload: string) =>
    send('/chinaums/notify', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: payload });
  return [
    await step('example answers SUCCESS to a signed notification', async () => {
      const response = await post(body);
      const text = await response.text();
      if (response.status !== 200 || text !== 'SUCCESS') throw new Error(`got ${response.status} ${text}`);
    }),
    await step('example answers FAILED to a forged notification', async () => {
      const response = await post(body.replace('totalAmount=100', 'totalAmount=1'));
      const text = await response.text();
      if (text !== 'FAILED') throw new Error(`got ${response.status} ${text}`);
    }),
    await step('example makes a signed client call to the platform', async () => {
      const response = await send(`/orders/query?merOrderId=${QUERY_BODY.merOrderId}`);
      const text = await response.text();
      const expected = JSON.stringify({ merOrderId: QUERY_BODY.merOrderId, status: 'TRADE_SUCCESS', totalAmount: 100 });
      if (response.status !== 200 || text !== expected) throw new Error(`got ${response.status} ${text}`);
    }),
  ];
}

/** The environment every example reads (the fake platform's app and the notification key). */
export function exampleEnv(baseUrl: string): Record<string, string> {
  return { CHINAUMS_APP_ID: APP.appId, CHINAUMS_APP_KEY: APP.appKey, CHINAUMS_NOTIFY_KEY: NOTIFY_KEY, CHINAUMS_BASE_URL: baseUrl };
}

/** The paid order the sandbox is seeded with, so `netpayQuery(QUERY_BODY)` finds it. */
export const seededOrder = { merOrderId: QUERY_BODY.merOrderId, totalAmount: 100, state: 'paid' } as const;
