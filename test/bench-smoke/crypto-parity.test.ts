// Every crypto provider, and both entries (portable and the "node" export condition's), produce
// the vendor's printed outputs: the Node fast path changes speed, never bytes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nobleCrypto } from '../../src/crypto/noble.js';
import { nodeCrypto } from '../../src/crypto/node.js';
import type { CryptoProvider } from '../../src/crypto/provider.js';
import { webCrypto } from '../../src/crypto/web.js';
import * as portable from '../../src/index.js';
import * as node from '../../src/index.node.js';
import * as portableNotifications from '../../src/notifications/index.js';
import * as nodeNotifications from '../../src/notifications/index.node.js';
import { VENDOR_FIELDS, VENDOR_KEY, VENDOR_SIGN, vendorFormBody } from '../helpers/notification-fixtures.js';

// protocol.md §1
const SIGNING = {
  appId: '12345678901234567890123456789012',
  appKey: '67890123456789012345678901234567',
  timestamp: '20170101120000',
  nonce: '09876543210987654321098765432109',
  body: 'A',
};
const SIGNATURE = 'GINsCTyNKTpEI9KXO16KqZJ64fOyAytEKl8aaR/Dy08=';
const providers: CryptoProvider[] = [webCrypto, nobleCrypto, nodeCrypto];
const entries = [
  { name: 'portable entry', sdk: portable, notifications: portableNotifications },
  { name: 'node entry', sdk: node, notifications: nodeNotifications },
] as const;

describe.each(entries)('$name', ({ sdk, notifications }) => {
  it('signs the OPEN-BODY-SIG vector with its default provider and with each provider', async () => {
    expect(await sdk.createOpenBodySignature(SIGNING)).toContain(`Signature="${SIGNATURE}"`);
    expect((await sdk.explainOpenBodySignature(SIGNING)).signature).toBe(SIGNATURE);
    expect(await new sdk.OpenBodySigner(SIGNING.appId, SIGNING.appKey).authorization(SIGNING.timestamp, SIGNING.nonce, SIGNING.body)).toContain(SIGNATURE);
    for (const provider of providers) {
      expect(await sdk.createOpenBodySignature(SIGNING, provider), provider.name).toContain(`Signature="${SIGNATURE}"`);
    }
  });

  it('sends the vector signature from a client with the default provider', async () => {
    let authorization = '';
    const ums = sdk.createChinaUmsClient({
      appId: SIGNING.appId,
      appKey: SIGNING.appKey,
      baseUrl: 'http://127.0.0.1:9',
      now: () => Date.UTC(2017, 0, 1, 4, 0, 0), // 12:00:00 Beijing time
      fetch: async (request) => {
        authorization = request.headers.get('authorization') ?? '';
        return new Response(JSON.stringify({ errCode: 'SUCCESS', status: 'TRADE_SUCCESS' }), { headers: { 'content-type': 'application/json' } });
      },
    });
    await ums.netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' });
    // Recompute with every provider from what was sent: the same header whatever the provider.
    const parts = sdk.parseOpenBodySigHeader(authorization);
    expect(parts?.timestamp).toBe('20170101120000');
    for (const provider of providers) {
      expect(authorization).toBe(await sdk.createOpenBodySignature({ ...SIGNING, nonce: parts!.nonce, body: JSON.stringify({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331', requestTimestamp: '2017-01-01 12:00:00' }) }, provider));
    }
  });

  it('signs and verifies the notification vector with its default provider and with each provider', async () => {
    expect(await notifications.signNotification(VENDOR_FIELDS, { key: VENDOR_KEY })).toBe(VENDOR_SIGN);
    const verified = await notifications.verifyNotification(vendorFormBody(), { key: VENDOR_KEY });
    expect(verified.ok).toBe(true);
    for (const provider of providers) {
      expect(await notifications.signNotification(VENDOR_FIELDS, { key: VENDOR_KEY, crypto: provider }), provider.name).toBe(VENDOR_SIGN);
      expect((await notifications.verifyNotification(vendorFormBody(), { key: VENDOR_KEY, crypto: provider })).ok, provider.name).toBe(true);
    }
  });

  it('agrees across providers on MD5 notifications', async () => {
    const fields = { ...VENDOR_FIELDS, signType: 'MD5' };
    const signs = await Promise.all(providers.map((crypto) => notifications.signNotification(fields, { key: VENDOR_KEY, crypto })));
    expect(new Set(signs).size).toBe(1);
    expect(await notifications.signNotification(fields, { key: VENDOR_KEY })).toBe(signs[0]);
    const body = new URLSearchParams({ ...fields, sign: signs[0]! }).toString();
    const result = await notifications.verifyNotification(body, { key: VENDOR_KEY });
    expect(result.ok && result.signType).toBe('MD5');
  });
});

describe('the node entry', () => {
  it('exports exactly the names of the portable entry (one .d.ts serves both)', () => {
    expect(Object.keys(node).sort()).toEqual(Object.keys(portable).sort());
    expect(Object.keys(nodeNotifications).sort()).toEqual(Object.keys(portableNotifications).sort());
  });

  it('keeps the portable checks and messages for bad options', () => {
    const call = (create: (options: never) => unknown, options: unknown) => {
      try {
        create(options as never);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    for (const options of [undefined, null, 'x', { appId: 'a' }]) {
      expect(call(node.createChinaUmsClient, options)).toBe(call(portable.createChinaUmsClient, options));
      expect(call(nodeNotifications.createNotificationHandler, options)).toBe(call(portableNotifications.createNotificationHandler, options));
    }
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('hashes with node:crypto by default, never with Web Crypto (the portable entry does)', async () => {
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const sign = vi.spyOn(crypto.subtle, 'sign');
    await node.createOpenBodySignature(SIGNING);
    await nodeNotifications.verifyNotification(vendorFormBody(), { key: VENDOR_KEY });
    expect(digest.mock.calls.length + sign.mock.calls.length).toBe(0);
    await portable.createOpenBodySignature(SIGNING);
    await portableNotifications.verifyNotification(vendorFormBody(), { key: VENDOR_KEY });
    expect(digest).toHaveBeenCalledTimes(2);
    expect(sign).toHaveBeenCalledTimes(1);
  });

  it('uses a provider the caller passes instead of its default', async () => {
    const calls: string[] = [];
    const spy: CryptoProvider = { ...nobleCrypto, name: 'spy', sha256: (data) => (calls.push('sha256'), nobleCrypto.sha256(data)) };
    expect(await node.createOpenBodySignature(SIGNING, spy)).toContain(SIGNATURE);
    expect(await nodeNotifications.signNotification(VENDOR_FIELDS, { key: VENDOR_KEY, crypto: spy })).toBe(VENDOR_SIGN);
    expect(calls).toEqual(['sha256', 'sha256']);
  });
});
