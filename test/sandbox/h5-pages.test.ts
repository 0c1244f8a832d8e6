// The H5 pages in the sandbox: OPEN-FORM-PARAM verified as the platform does (a wrong signature
// or a `%20` space → 412 errCode 1000), then a 302 to the sandbox cashier whose Pay button pays.
import { afterEach, describe, expect, it } from 'vitest';
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { createSandbox, DEMO_APP, TEST_MERCHANT, type Sandbox } from '../../src/sandbox/index.js';
import { beijingCompactTimestamp, beijingDateTime } from '../../src/time.js';
import { independentFormQuery } from '../helpers/open-form-param.js';
import { SANDBOX_BASE } from './sandbox-fixture.js';

const pages = Object.values(operations as Readonly<Record<string, OperationDescriptor>>).filter((op) => op.transport === 'browser-redirect');
let sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  sandboxes = [];
});

function sandbox(): Sandbox {
  const created = createSandbox();
  sandboxes.push(created);
  return created;
}

let counter = 0;
/** WeChat H5 pages require the app's scene and identity (微信H5支付必填); the others refuse them. */
const WECHAT_H5 = { sceneType: 'AND_WAP', merAppName: 'sandbox shop', merAppId: 'https://shop.test' };

function order(extra: Record<string, unknown> = {}, op?: OperationDescriptor): Record<string, unknown> {
  counter += 1;
  return {
    requestTimestamp: beijingDateTime(Date.now()),
    merOrderId: `${TEST_MERCHANT.msgSrcId}H5${Date.now()}${counter}`,
    mid: TEST_MERCHANT.mid,
    tid: TEST_MERCHANT.tids[0],
    instMid: 'H5DEFAULT',
    totalAmount: 1,
    orderDesc: 'H5 sandbox order',
    ...(op?.path.includes('/wxpay/') ? WECHAT_H5 : {}),
    ...extra,
  };
}

function pageRequest(op: OperationDescriptor, content: string, options: { spaces?: '+' | '%20'; signature?: string; appKey?: string } = {}): Request {
  const query = independentFormQuery(
    { appId: DEMO_APP.appId, appKey: options.appKey ?? DEMO_APP.appKey, timestamp: beijingCompactTimestamp(Date.now()), nonce: crypto.randomUUID().replaceAll('-', ''), content },
    options.spaces,
    options.signature,
  );
  return new Request(`${SANDBOX_BASE}${op.path}?${query}`);
}

describe('H5 pages', () => {
  it('the spec has the four H5 pages', () => {
    expect(pages.map((op) => op.operationId).sort()).toEqual(['netpayTradeH5Pay', 'netpayUacOrder', 'netpayWxpayH5Pay', 'netpayWxpayH5ToMinipay']);
  });

  it.each(pages.map((op) => [op.operationId, op] as const))('%s: a signed URL answers 302 to the sandbox cashier, whose Pay button pays', async (_id, op) => {
    const target = sandbox();
    const content = order({}, op);
    const response = await target.fetch(pageRequest(op, JSON.stringify(content)));
    expect(response.status, await response.clone().text()).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe(`${SANDBOX_BASE}/_sandbox/cashier/${String(content['merOrderId'])}`);
    expect(target.state.order(String(content['merOrderId']))?.status).toBe('WAIT_BUYER_PAY');

    const page = await (await target.fetch(new Request(location))).text();
    const action = /action="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(action).toMatch(/\/pay$/);
    await target.fetch(new Request(`${SANDBOX_BASE}${action}`, { method: 'POST' }));
    expect(target.state.order(String(content['merOrderId']))?.status).toBe('TRADE_SUCCESS');
  });

  it('a space encoded as %20 is refused with 412 errCode 1000, as the platform does; + is accepted', async () => {
    const [op] = pages;
    const target = sandbox();
    const withSpace = JSON.stringify(order({ orderDesc: 'two words' }));
    const refused = await target.fetch(pageRequest(op!, withSpace, { spaces: '%20' }));
    expect(refused.status).toBe(412);
    expect(await refused.json()).toMatchObject({ errCode: '1000' });
    expect((await target.fetch(pageRequest(op!, withSpace))).status).toBe(302);
  });

  it('a wrong signature, a wrong key or a missing parameter is 412 errCode 1000', async () => {
    const [op] = pages;
    const target = sandbox();
    const content = JSON.stringify(order());
    for (const request of [
      pageRequest(op!, content, { signature: 'GINsCTyNKTpEI9KXO16KqZJ64fOyAytEKl8aaR/Dy08=' }),
      pageRequest(op!, content, { appKey: 'not-the-app-key-not-the-app-key!' }),
      new Request(`${SANDBOX_BASE}${op!.path}?authorization=OPEN-FORM-PARAM&appId=${DEMO_APP.appId}`),
    ]) {
      const answer = await target.fetch(request);
      expect(answer.status).toBe(412);
      expect(await answer.json()).toMatchObject({ errCode: '1000' });
    }
    expect(target.state.orders()).toEqual([]);
  });

  it('reloading the same page reopens the cashier; another order with the same merOrderId is DUP_ORDER', async () => {
    const [op] = pages;
    const target = sandbox();
    const content = order();
    expect((await target.fetch(pageRequest(op!, JSON.stringify(content)))).status).toBe(302);
    expect((await target.fetch(pageRequest(op!, JSON.stringify(content)))).status).toBe(302);
    const other = await target.fetch(pageRequest(op!, JSON.stringify({ ...content, totalAmount: 2 })));
    expect(await other.json()).toMatchObject({ errCode: 'DUP_ORDER' });
  });

  it('a content that breaks the spec is 9001; a merOrderId without the msgSrcId prefix is BAD_REQUEST', async () => {
    const [op] = pages;
    const target = sandbox();
    const { mid: _mid, ...noMid } = order();
    const invalid = await target.fetch(pageRequest(op!, JSON.stringify(noMid)));
    expect(invalid.status).toBe(412);
    expect(await invalid.json()).toMatchObject({ errCode: '9001' });
    const unprefixed = await target.fetch(pageRequest(op!, JSON.stringify(order({ merOrderId: 'ABCD20261201000001' }))));
    expect(await unprefixed.json()).toMatchObject({ errCode: 'BAD_REQUEST' });
  });
});
