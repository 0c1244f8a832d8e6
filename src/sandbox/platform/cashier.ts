// The sandbox's own pages, where a person plays the buyer: the cashier an H5 URL redirects to
// (`{prefix}/cashier/{merOrderId}`) and the page a QR bill's code opens
// (`{prefix}/bills/qrCode.do?id={qrCodeId}`). Both have a Pay button; paying sends the order's
// notification and, when the order has a returnUrl, goes there with the signed result.
import type { NotificationSignType } from '../../notifications/types.js';
import { SandboxInputError } from '../state/input.js';
import type { SandboxStore } from '../state/orders.js';
import type { SandboxOrder } from '../types.js';
import type { SandboxEffects } from './effects.js';
import { signedReturnUrl } from './return-url.js';

export interface CashierContext {
  readonly store: SandboxStore;
  readonly effects: SandboxEffects;
  readonly controlPrefix: string;
  readonly notifyKey: string;
  readonly signType: NotificationSignType;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function html(body: string, status = 200): Response {
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>沙箱收银台 — chinaums sandbox cashier</title></head><body style="font-family:sans-serif;max-width:28em;margin:2em auto">${body}</body></html>`;
  return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

function orderPage(order: SandboxOrder, prefix: string, notice = ''): Response {
  const id = order.kind === 'bill' && order.billNo !== undefined ? order.billNo : order.merOrderId;
  const unpaid = order.status === 'NEW_ORDER' || order.status === 'WAIT_BUYER_PAY';
  const rows = [
    ['merOrderId', order.merOrderId],
    ...(order.billNo === undefined ? [] : [['billNo', order.billNo]]),
    ['orderDesc', order.orderDesc],
    ['totalAmount', `${order.totalAmount} 分 (¥${(order.totalAmount / 100).toFixed(2)})`],
    ['status', order.status],
  ];
  const table = rows.map(([name, value]) => `<tr><th align="left">${escapeHtml(name ?? '')}</th><td>${escapeHtml(value ?? '')}</td></tr>`).join('');
  const button = unpaid
    ? `<form method="post" action="${escapeHtml(`${prefix}/cashier/${encodeURIComponent(id)}/pay`)}"><button type="submit" style="font-size:1.3em;padding:.4em 2em">Pay 支付 ¥${(order.totalAmount / 100).toFixed(2)}</button></form>`
    : '<p>Nothing to pay.</p>';
  const note = notice === '' ? '' : `<p><strong>${escapeHtml(notice)}</strong></p>`;
  return html(`<h1>沙箱收银台</h1><p>chinaums sandbox: no money moves.</p>${note}<table>${table}</table>${button}`);
}

function problemPage(status: number, message: string): Response {
  return html(`<h1>沙箱收银台</h1><p>${escapeHtml(message)}</p>`, status);
}

/** `subpath` follows the control prefix; undefined when it is not a page route. */
export async function handleCashierRoute(request: Request, subpath: string, ctx: CashierContext): Promise<Response | undefined> {
  const url = new URL(request.url);
  if (subpath === '/bills/qrCode.do') {
    if (request.method !== 'GET') return problemPage(405, 'Use GET.');
    const order = ctx.store.orderByQrCode(url.searchParams.get('id') ?? '');
    return order ? orderPage(order, ctx.controlPrefix) : problemPage(404, 'No such QR code in the sandbox.');
  }
  const match = /^\/cashier\/([^/]+)(\/pay)?$/.exec(subpath);
  if (!match) return undefined;
  const id = decodeURIComponent(match[1] ?? '');
  const order = ctx.store.order(id);
  if (!order) return problemPage(404, `No order ${id} in the sandbox.`);
  if (match[2] === undefined) return request.method === 'GET' ? orderPage(order, ctx.controlPrefix) : problemPage(405, 'Use GET.');
  if (request.method !== 'POST') return problemPage(405, 'Use POST (the Pay button).');
  try {
    const { order: paid } = await ctx.effects.pay(id);
    const paidNotice = 'Paid. The notification is on its way to the notifyUrl.';
    if (paid.returnUrl === undefined || !URL.canParse(paid.returnUrl)) return orderPage(paid, ctx.controlPrefix, paidNotice);
    return new Response(null, { status: 303, headers: { location: await signedReturnUrl(paid, paid.returnUrl, ctx.notifyKey, ctx.signType) } });
  } catch (error) {
    if (error instanceof SandboxInputError) return orderPage(order, ctx.controlPrefix, error.message);
    throw error;
  }
}
