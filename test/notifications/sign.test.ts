// signNotification and encodeNotificationForm: the exact string the key is appended to.
import { describe, expect, it } from 'vitest';
import { nobleCrypto } from '../../src/crypto/noble.js';
import { nodeCrypto } from '../../src/crypto/node.js';
import { ConfigurationError } from '../../src/errors.js';
import { encodeNotificationForm, signNotification } from '../../src/notifications/index.js';
import { fieldSetOf } from '../../src/notifications/fields.js';
import { joinFields, type EmptyValuePolicy } from '../../src/notifications/string-to-sign.js';
import { VENDOR_FIELDS, VENDOR_KEY, VENDOR_SIGN } from '../helpers/notification-fixtures.js';
import { independentSign } from '../helpers/notification-independent-sign.js';

function stringToSign(entries: [string, string][], emptyValues: EmptyValuePolicy): string {
  const fields = fieldSetOf(entries);
  return joinFields(fields, emptyValues);
}

describe('signNotification', () => {
  it('reproduces the vendor sign with every crypto provider', async () => {
    for (const crypto of [undefined, nobleCrypto, nodeCrypto]) {
      expect(await signNotification(VENDOR_FIELDS, crypto ? { key: VENDOR_KEY, crypto } : { key: VENDOR_KEY })).toBe(VENDOR_SIGN);
    }
  });

  it('ignores a sign field and field order; accepts pairs and Maps', async () => {
    const reversed = new Map(Object.entries(VENDOR_FIELDS).reverse());
    expect(await signNotification(reversed, { key: VENDOR_KEY })).toBe(VENDOR_SIGN);
    expect(await signNotification({ ...VENDOR_FIELDS, sign: 'anything' }, { key: VENDOR_KEY })).toBe(VENDOR_SIGN);
  });

  it('sorts names, not k=v strings (a name that prefixes another)', () => {
    // Sorting "a1=1" and "a=2" as strings puts a1 first ('1' < '='); sorting names puts a first.
    const entries: [string, string][] = [['a1', '1'], ['a', '2'], ['B', '3'], ['a_b', '4']];
    expect(stringToSign(entries, 'omit')).toBe('B=3&a=2&a1=1&a_b=4');
  });

  it('appends the key with no separator and keeps signType in the string', () => {
    expect(stringToSign([['signType', 'MD5'], ['sign', 'X'], ['a', '']], 'omit')).toBe('signType=MD5');
    expect(stringToSign([['signType', 'MD5'], ['a', '']], 'include')).toBe('a=&signType=MD5');
  });

  it('writes numbers with String()', async () => {
    const sign = await signNotification({ a: 1, b: 'x' }, { key: 'k' });
    expect(sign).toBe(independentSign({ a: '1', b: 'x' }, 'k'));
  });

  it('refuses contradictions instead of guessing', async () => {
    await expect(signNotification(VENDOR_FIELDS, { key: '' })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(signNotification(VENDOR_FIELDS, { key: 'k', signType: 'MD5' })).rejects.toThrow(/disagrees/);
    await expect(signNotification({ signType: 'RSA' }, { key: 'k' })).rejects.toThrow(/MD5 or SHA256/);
    await expect(signNotification([['a', '1'], ['a', '2']], { key: 'k' })).rejects.toThrow(/repeat/);
  });
});

describe('encodeNotificationForm', () => {
  it('encodes as URLSearchParams does: spaces as +, + and & and = and % escaped', () => {
    const body = encodeNotificationForm({ a: 'x y', b: '1+1=2 & 100%', c: '测试', d: '' });
    expect(body).toBe('a=x+y&b=1%2B1%3D2+%26+100%25&c=%E6%B5%8B%E8%AF%95&d=');
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({ a: 'x y', b: '1+1=2 & 100%', c: '测试', d: '' });
  });
});
