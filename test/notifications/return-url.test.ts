import { describe, expect, it } from 'vitest';
import { verifyReturnUrl } from '../../src/notifications/index.js';
import { verifyReturnUrl as nodeVerifyReturnUrl } from '../../src/notifications/index.node.js';

// The vendor's signing example (V-h5 §1.8.4, 结果页面返回 — 签名规则): these fields with this key sign to
// MD5 57F81BAF… and SHA256 a9eced….
const KEY = 'fcAmtnx7MwismjWNhNKdHC44mNXtnEQeJkRrhKJwyrW2ysRR';
const FIELDS: Record<string, string> = {
  billDate: '2017-06-26',
  billNo: '31940000201700002',
  goods: '[{"body":"微信二维码测试","price":"1","goodsName":"微信二维码测试","goodsId":"1","quantity":"1","goodsCategory":"TEST"}]',
  instMid: 'QRPAYDEFAULT',
  mid: '898340149000005',
  msgSrc: 'WWW.TEST.COM',
  msgType: 'bills.getQRCode',
  requestTimestamp: '2017-06-26 17:28:02',
  tid: '88880001',
  totalAmount: '1',
  walletOption: 'SINGLE',
};
const MD5_SIGN = '57F81BAF8E3BAE1190B26D6C733038AF';
const SHA256_SIGN = 'a9eced8dd8425d1fc4047cf94e672c69ed1073557ee831c51287341cfab0b21f';

function returnUrl(extra: Record<string, string>): string {
  return `https://merchant.example/paid?${new URLSearchParams({ ...FIELDS, ...extra }).toString()}`;
}

describe('verifyReturnUrl', () => {
  it.each([
    ['MD5', MD5_SIGN],
    ['SHA256', SHA256_SIGN],
  ])('verifies the vendor example signed with %s and no signType', async (signType, sign) => {
    for (const verify of [verifyReturnUrl, nodeVerifyReturnUrl]) {
      const result = await verify(returnUrl({ sign }), { key: KEY });
      expect(result).toMatchObject({ ok: true, signType });
      if (result.ok) expect(result.fields['billNo']).toBe('31940000201700002');
    }
  });

  it('takes a URL, URLSearchParams or the bare query', async () => {
    const url = returnUrl({ sign: MD5_SIGN });
    expect((await verifyReturnUrl(new URL(url), { key: KEY })).ok).toBe(true);
    expect((await verifyReturnUrl(new URL(url).searchParams, { key: KEY })).ok).toBe(true);
    expect((await verifyReturnUrl(url.slice(url.indexOf('?') + 1), { key: KEY })).ok).toBe(true);
    expect((await verifyReturnUrl(`${url}#top`, { key: KEY })).ok).toBe(true);
  });

  it('refuses an altered parameter, another key, and a signType that contradicts the sign', async () => {
    expect(await verifyReturnUrl(returnUrl({ sign: MD5_SIGN, totalAmount: '100' }), { key: KEY })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await verifyReturnUrl(returnUrl({ sign: MD5_SIGN }), { key: 'another-key' })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await verifyReturnUrl(returnUrl({ sign: MD5_SIGN, signType: 'SHA256' }), { key: KEY })).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a missing sign, a repeated parameter, no key and an unknown signType, never echoing the key', async () => {
    expect(await verifyReturnUrl(returnUrl({}), { key: KEY })).toMatchObject({ ok: false, reason: 'missing-sign' });
    expect(await verifyReturnUrl(`${returnUrl({ sign: MD5_SIGN })}&mid=1`, { key: KEY })).toMatchObject({ ok: false, reason: 'malformed-url' });
    expect(await verifyReturnUrl(returnUrl({ sign: MD5_SIGN }), { key: '' })).toMatchObject({ ok: false, reason: 'no-key' });
    const odd = await verifyReturnUrl(returnUrl({ sign: MD5_SIGN, signType: 'RSA' }), { key: KEY });
    expect(odd).toMatchObject({ ok: false, reason: 'unsupported-sign-type' });
    expect(JSON.stringify(odd)).not.toContain(KEY);
    expect(await verifyReturnUrl(42 as unknown as string, { key: KEY })).toMatchObject({ ok: false, reason: 'malformed-url' });
  });
});
