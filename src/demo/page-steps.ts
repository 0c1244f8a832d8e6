// The browser flows: an H5 URL is built (signed, never fetched by the SDK) and followed the way a
// browser would, to the sandbox cashier and its Pay button; a QR bill is created, its code's page
// paid, then queried and refunded with the bills operations.
import { isBillNotification } from '../notifications/index.js';
import { createMerOrderId } from '../index.js';
import type { DemoContext } from './demo-context.js';
import { NOTIFICATION_WAIT_MS } from './demo-context.js';
import { DemoStepError, expectField, keyFields } from './report.js';

/** What a browser does with a page: GET it, without following the redirect, so the demo can show it. */
async function open(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(5000) });
}

/** Presses the page's Pay button: POSTs its form. */
async function pressPay(pageUrl: string, html: string): Promise<Response> {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new DemoStepError(`no Pay button on ${pageUrl}`);
  return open(new URL(action.replaceAll('&amp;', '&'), pageUrl).toString(), { method: 'POST' });
}

export async function runPageSteps(demo: DemoContext): Promise<void> {
  const { report, ums, endpoint, sent, mid, tid, msgSrcId } = demo;

  report.step('netpayTradeH5Pay: build the Alipay H5 URL, follow it to the cashier, press Pay');
  const h5OrderId = createMerOrderId({ msgSrcId });
  const url = await ums.netpayTradeH5Pay({ mid, tid, instMid: 'H5DEFAULT', merOrderId: h5OrderId, totalAmount: 1, orderDesc: 'H5 演示', notifyUrl: endpoint.url });
  const shown = new URL(url);
  const names = [...shown.searchParams.keys()].map((name) => (name === 'authorization' ? 'authorization=OPEN-FORM-PARAM' : `${name}=…`));
  report.line('url', `${shown.origin}${shown.pathname}?${names.join('&')} (${url.length} characters; content is the JSON order)`);
  const redirect = await open(url);
  const cashier = redirect.headers.get('location') ?? '';
  report.line('browser', `GET → HTTP ${redirect.status}, Location ${cashier}`);
  if (redirect.status !== 302 || cashier === '') throw new DemoStepError(`expected a 302 to the cashier, got HTTP ${redirect.status}: ${await redirect.text()}`);
  const page = await (await open(cashier)).text();
  const pressed = await pressPay(cashier, page);
  report.line('Pay button', `POST → HTTP ${pressed.status}`);
  const h5Arrival = await endpoint.next(h5OrderId, NOTIFICATION_WAIT_MS);
  report.line('received', keyFields(h5Arrival.notification, ['notifyId', 'status', 'targetSys']));
  expectField(h5Arrival.notification, ['status'], 'TRADE_SUCCESS');

  report.step('billsGetQrcode: a QR bill (C扫B); the buyer opens its code and presses Pay');
  const billNo = createMerOrderId({ msgSrcId, length: 27 });
  const bill = await ums.billsGetQrcode({ mid, tid, instMid: 'QRPAYDEFAULT', billNo, totalAmount: 2100, billDesc: '二维码演示', notifyUrl: endpoint.url });
  sent();
  report.line('answer', keyFields(bill, ['errCode', 'billNo', 'billDate', 'billQRCode']));
  const billQRCode = bill.billQRCode ?? '';
  const billDate = bill.billDate ?? '';
  const qrPage = await (await open(billQRCode)).text();
  const billPaid = await pressPay(billQRCode, qrPage);
  report.line('Pay button', `POST → HTTP ${billPaid.status}`);
  const { notification: billNotification } = await endpoint.next(billNo, NOTIFICATION_WAIT_MS);
  // One handler receives every kind; narrow the union to read the bill's fields.
  if (!isBillNotification(billNotification)) throw new DemoStepError(`expected a bill notification for ${billNo}`);
  report.line('received', `bills form: ${keyFields(billNotification, ['notifyId', 'billNo', 'billStatus'])}, billPayment.status ${billNotification.billPayment?.status ?? '?'}`);
  expectField(billNotification, ['billStatus'], 'PAID');

  report.step('billsQuery, billsRefund, billsQuery with the refundOrderId');
  const queried = await ums.billsQuery({ mid, tid, instMid: 'QRPAYDEFAULT', billNo, billDate });
  sent();
  report.line('answer', `${keyFields(queried, ['errCode', 'billStatus', 'totalAmount'])}, billPayment.status ${queried.billPayment?.status ?? '?'}`);
  expectField(queried, ['billStatus'], 'PAID');
  const refundOrderId = createMerOrderId({ msgSrcId });
  const refunded = await ums.billsRefund({ mid, tid, instMid: 'QRPAYDEFAULT', billNo, billDate, refundAmount: 2100, refundOrderId });
  sent();
  report.line('answer', keyFields(refunded, ['errCode', 'billStatus', 'refundStatus', 'refundAmount', 'refundOrderId']));
  const refundState = await ums.billsQuery({ mid, tid, instMid: 'QRPAYDEFAULT', billNo, billDate, refundOrderId });
  report.line('refund', keyFields(refundState, ['billStatus', 'refundStatus', 'refundOrderId']));
  expectField(refundState, ['billStatus'], 'REFUND');
  expectField(refundState, ['refundStatus'], 'SUCCESS');
}
