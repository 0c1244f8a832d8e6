// The demo against the local sandbox: a payment taken with the SDK alone (create, pay, notify,
// query, refund, close, H5, QR bill), the sandbox playing the buyer's wallet and the platform.
import { createChinaUmsClient } from '../index.js';
import { startSandboxServer } from '../sandbox/node.js';
import { TEST_MERCHANT } from '../sandbox/index.js';
import { controlClient } from './control-client.js';
import type { DemoContext } from './demo-context.js';
import { startNotificationEndpoint } from './notification-endpoint.js';
import { runOtherSteps } from './other-steps.js';
import { runPageSteps } from './page-steps.js';
import { runPaymentSteps } from './payment-steps.js';
import { recordingFetch } from './recording-fetch.js';
import { expectField, type Report } from './report.js';

export interface Cleanup {
  add(close: () => Promise<void>): void;
}

export async function runSandboxFlow(report: Report, cleanup: Cleanup): Promise<void> {
  const server = await startSandboxServer({
    // Quick retries: a missed acknowledgement shows up in seconds, not the platform's 24 hours.
    notifications: { initialDelayMs: 200, maxDelayMs: 1000, maxAttempts: 5, attemptTimeoutMs: 3000 },
  });
  cleanup.add(() => server.close());
  const endpoint = await startNotificationEndpoint(server.sandbox.notifyKey);
  cleanup.add(() => endpoint.close());
  const [app] = server.sandbox.apps;
  if (!app) throw new Error('the sandbox has no app');

  report.line('sandbox', server.url);
  report.line('notifyUrl', `${endpoint.url}  (createNodeNotificationHandler)`);
  report.line('appId', `${app.appId}  (sandbox demo app; the key is never printed)`);
  report.line('merchant', `mid ${TEST_MERCHANT.mid}, tid ${TEST_MERCHANT.tids[0] ?? ''}, msgSrcId ${TEST_MERCHANT.msgSrcId} (TEST_MERCHANT)`);

  const recorder = recordingFetch();
  const ums = createChinaUmsClient({ appId: app.appId, appKey: app.appKey, baseUrl: server.url, fetch: recorder.fetch });
  const demo: DemoContext = {
    report,
    ums,
    server,
    endpoint,
    control: controlClient(server.url, server.sandbox.controlPrefix),
    sent() {
      const last = recorder.last();
      if (!last) return;
      report.line('sent', `${last.method} ${last.path} ${last.body}`);
      report.line('auth', last.authorization);
    },
    mid: TEST_MERCHANT.mid,
    tid: TEST_MERCHANT.tids[0] ?? '88880001',
    msgSrcId: TEST_MERCHANT.msgSrcId,
  };

  await runPaymentSteps(demo);
  await runPageSteps(demo);
  await runOtherSteps(demo);

  report.step('Notification deliveries, as the platform logged them');
  await server.sandbox.idle();
  for (const delivery of server.sandbox.state.deliveries()) {
    report.line('delivery', `${delivery.merOrderId}: ${delivery.state} after ${delivery.attempts} attempt(s), last answer ${delivery.lastOutcome ?? '-'}`);
    expectField(delivery, ['state'], 'acknowledged');
  }
}
