// The demo against the local sandbox: a real flow through the SDK, with the sandbox's control
// routes playing the buyer (pay) and the merchant's back office (refund).
import { createChinaUmsClient } from '../client.js';
import { startSandboxServer } from '../sandbox/node.js';
import { TEST_MERCHANT } from '../sandbox/defaults.js';
import { beijingCompactTimestamp } from '../time.js';
import { controlClient } from './control-client.js';
import { startNotificationEndpoint } from './notification-endpoint.js';
import { recordingFetch } from './recording-fetch.js';
import { expectField, keyFields, type Report } from './report.js';

const NOTIFICATION_WAIT_MS = 10_000;
const QUERY_FIELDS = ['errCode', 'merOrderId', 'status', 'totalAmount', 'payTime', 'targetSys'] as const;

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

  const recorder = recordingFetch();
  const ums = createChinaUmsClient({ appId: app.appId, appKey: app.appKey, baseUrl: server.url, fetch: recorder.fetch });
  const control = controlClient(server.url, server.sandbox.controlPrefix);
  const sent = () => {
    const last = recorder.last();
    if (!last) return;
    report.line('sent', `${last.method} ${last.path} ${last.body}`);
    report.line('auth', last.authorization);
  };
  const { mid } = TEST_MERCHANT;
  const tid = TEST_MERCHANT.tids[0] ?? '88880001';

  report.step('Create an order with a notifyUrl (control route: the merchant places the order)');
  const orderInput = { totalAmount: 1, orderDesc: '沙箱演示订单', notifyUrl: endpoint.url };
  report.line('sent', `POST /_sandbox/orders ${JSON.stringify(orderInput)}`);
  const order = await control('/orders', orderInput);
  const merOrderId = String(order['merOrderId']);
  report.line('answer', keyFields(order, ['merOrderId', 'status', 'totalAmount', 'mid', 'tid']));

  report.step('The buyer pays (control route); the platform POSTs a signed notification');
  const paid = await control(`/orders/${merOrderId}/pay`, {});
  report.line('answer', keyFields(paid['order'], ['status', 'payTime', 'targetSys']));
  const arrival = await endpoint.next(merOrderId, NOTIFICATION_WAIT_MS);
  report.line('received', keyFields(arrival.notification, ['notifyId', 'status', 'totalAmount', 'payTime']));
  report.line('verified', `sign checked (${arrival.context.signType}) over ${Object.keys(arrival.context.raw).length} fields, incl. the random extra one; answered SUCCESS`);
  expectField(arrival.notification, ['status'], 'TRADE_SUCCESS');

  report.step('netpayQuery: is the order paid?');
  const queried = await ums.netpayQuery({ mid, tid, instMid: 'YUEDANDEFAULT', merOrderId });
  sent();
  report.line('answer', keyFields(queried, QUERY_FIELDS));
  expectField(queried, ['status'], 'TRADE_SUCCESS');

  report.step('Refund it in full (control route: the back office refunds)');
  const refunded = await control(`/orders/${merOrderId}/refund`, {});
  const refund = refunded['refund'] as Record<string, unknown>;
  report.line('answer', keyFields(refund, ['refundOrderId', 'refundAmount']));

  report.step('netpayRefundQuery: did the refund go through?');
  const refundQuery = await ums.netpayRefundQuery({ mid, tid, merOrderId: String(refund['refundOrderId']) });
  sent();
  report.line('answer', keyFields(refundQuery, ['errCode', 'status', 'refundStatus', 'refundAmount', 'refundOrderId']));
  expectField(refundQuery, ['refundStatus'], 'SUCCESS');
  expectField(refundQuery, ['status'], 'TRADE_REFUND');

  report.step('Create and authorise a pre-authorisation (QR bill)');
  const preauth = await control('/orders', { totalAmount: 2100, kind: 'preauth', orderDesc: '预授权演示', notifyUrl: endpoint.url });
  const preauthId = String(preauth['merOrderId']);
  report.line('answer', keyFields(preauth, ['merOrderId', 'billNo', 'billDate', 'totalAmount']));
  const authorised = await control(`/orders/${preauthId}/pay`, {});
  report.line('authorised', keyFields(authorised['order'], ['status', 'authIdRespCd']));
  const billArrival = await endpoint.next(preauthId, NOTIFICATION_WAIT_MS);
  report.line('received', keyFields(billArrival.notification, ['notifyId', 'billStatus', 'status']));

  report.step('billsPreauthCancel: void the pre-authorisation');
  const cancelled = await ums.billsPreauthCancel({
    mid,
    tid,
    instMid: 'QRPAYDEFAULT',
    billNo: String(preauth['billNo']),
    billDate: String(preauth['billDate']),
    merOrderId: preauthId,
  });
  sent();
  report.line('answer', `${keyFields(cancelled, ['errCode', 'billStatus'])}, billPayment.status ${cancelled.billPayment?.status ?? '?'}`);
  expectField(cancelled, ['billStatus'], 'CLOSED');
  expectField(cancelled, ['billPayment', 'status'], 'TRADE_CLOSED');

  report.step('payPointOrderSync: a WeChat pay-point order paid by other means');
  const payPoint = await control('/pay-point-orders', {});
  report.line('created', keyFields(payPoint, ['fenOrderId', 'serviceId', 'status']));
  const synced = await ums.payPointOrderSync({
    fenOrderId: String(payPoint['fenOrderId']),
    mid,
    serviceId: String(payPoint['serviceId']),
    type: 'Order_Paid',
    detail: { paidTime: beijingCompactTimestamp(Date.now()) },
  });
  sent();
  report.line('answer', keyFields(synced, ['respCode', 'respDesc']));
  expectField(synced, ['respCode'], '0000');

  report.step('Notification deliveries, as the platform logged them');
  await server.sandbox.idle();
  for (const delivery of server.sandbox.state.deliveries()) {
    report.line('delivery', `${delivery.merOrderId}: ${delivery.state} after ${delivery.attempts} attempt(s), last answer ${delivery.lastOutcome ?? '-'}`);
    expectField(delivery, ['state'], 'acknowledged');
  }
}
