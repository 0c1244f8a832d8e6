// When a sign fails, the message names the integration mistake (protocol.md §4, "Common mistakes").
import { describe, expect, it } from 'vitest';
import { encodeNotificationForm, signNotification, verifyNotification } from '../../src/notifications/index.js';
import type { NotificationVerificationResult } from '../../src/notifications/index.js';
import { VENDOR_FIELDS, VENDOR_KEY, vendorNotification, withoutField } from '../helpers/notification-fixtures.js';
import { independentSign } from '../helpers/notification-independent-sign.js';

const key = VENDOR_KEY;

function messageOf(result: NotificationVerificationResult): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

/** The vendor fields plus values that exercise the encoding: a `+`, a `%`, a space. */
async function trickyNotification(): Promise<Record<string, string>> {
  const fields = { ...VENDOR_FIELDS, billFunds: '现金+支付 100%' };
  return { ...fields, sign: await signNotification(fields, { key }) };
}

describe('teaching messages for bad signatures', () => {
  it('signType dropped by the receiver or a proxy', async () => {
    const result = await verifyNotification(withoutField(vendorNotification(), 'signType'), { key });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(messageOf(result)).toMatch(/you \(or your proxy\) dropped signType/);
  });

  it('signType left out of the string by the sender', async () => {
    const sign = independentSign(VENDOR_FIELDS, key, { dropSignType: true });
    const message = messageOf(await verifyNotification(vendorNotification({ sign }), { key }));
    expect(message).toMatch(/without signType/);
  });

  it('a key with trailing whitespace, without echoing the key', async () => {
    const message = messageOf(await verifyNotification(vendorNotification(), { key: `${key} \n` }));
    expect(message).toMatch(/trailing whitespace/);
    expect(message).toMatch(/trimmed key verifies/);
    expect(message).not.toContain(key);
  });

  it('names the key position among rotating keys', async () => {
    const message = messageOf(await verifyNotification(vendorNotification(), { keys: ['old-key', ` ${key}`] }));
    expect(message).toMatch(/Key #1 has leading or trailing whitespace/);
  });

  it('a lowercase sign is said not to be the problem', async () => {
    const sign = independentSign({ ...VENDOR_FIELDS, totalAmount: '2' }, key).toLowerCase();
    const message = messageOf(await verifyNotification(vendorNotification({ sign }), { key }));
    expect(message).toMatch(/lowercase hex; that is not the problem/);
  });

  it('a body URL-encoded twice (re-encoded by a proxy)', async () => {
    const fields = await trickyNotification();
    const reEncoded = new URLSearchParams();
    for (const [name, value] of new URLSearchParams(encodeNotificationForm(fields))) {
      reEncoded.append(name, new URLSearchParams({ v: value }).toString().slice(2));
    }
    const message = messageOf(await verifyNotification(reEncoded.toString(), { key }));
    expect(message).toMatch(/URL-encoded twice/);
    expect(message).toMatch(/`billFunds`/);
  });

  it('fields passed without URL-decoding them', async () => {
    const fields = await trickyNotification();
    const undecoded = Object.fromEntries(encodeNotificationForm(fields).split('&').map((pair) => pair.split('=') as [string, string]));
    const message = messageOf(await verifyNotification(undecoded, { key }));
    expect(message).toMatch(/still URL-encoded/);
  });

  it('fields decoded with decodeURIComponent (`+` kept as a plus)', async () => {
    const body = encodeNotificationForm(vendorNotification());
    const wrong = Object.fromEntries(body.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
    const message = messageOf(await verifyNotification(wrong, { key }));
    expect(message).toMatch(/`\+` is read as a space/);
  });

  it('a body whose builder did not percent-encode `+`', async () => {
    const fields = await trickyNotification();
    const body = Object.entries(fields)
      .map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2B/g, '+')}`)
      .join('&');
    const message = messageOf(await verifyNotification(body, { key }));
    expect(message).toMatch(/literal plus/);
  });

  it('a wrong key says what to check, mentions the field count, not the key', async () => {
    const message = messageOf(await verifyNotification(vendorNotification(), { key: 'not-the-key' }));
    expect(message).toMatch(/over the 26 received fields/);
    expect(message).not.toContain('not-the-key');
  });

  it('says plainly that no key produced the sign, with one key and with several (no double negative)', async () => {
    const one = messageOf(await verifyNotification(vendorNotification(), { key: 'not-the-key' }));
    expect(one).toContain('The configured key does not produce this SHA256 sign over the 26 received fields');
    const several = messageOf(await verifyNotification(vendorNotification(), { keys: ['old-key', 'not-the-key'] }));
    expect(several).toContain('None of the 2 configured keys produces this SHA256 sign over the 26 received fields');
    expect(several).not.toMatch(/None of .* not produce/);
  });

  it('an MD5-length sign under signType SHA256', async () => {
    const sign = independentSign(VENDOR_FIELDS, key, { algorithm: 'md5' });
    const message = messageOf(await verifyNotification(vendorNotification({ sign }), { key }));
    expect(message).toMatch(/32 is an MD5 length/);
  });

  it('a parsed body turned back into a string is refused as malformed, saying so', async () => {
    const result = await verifyNotification(String(vendorNotification()), { key });
    expect(result).toMatchObject({ ok: false, reason: 'malformed-body' });
    expect(messageOf(result)).toMatch(/already-parsed object was turned back into a string/);
  });

  it('JSON numbers are said to be signed as String(value)', async () => {
    const json = JSON.stringify({ ...vendorNotification(), totalAmount: 1.5 });
    const message = messageOf(await verifyNotification(json, { key }));
    expect(message).toMatch(/`totalAmount` were not strings in the JSON body/);
  });
});
