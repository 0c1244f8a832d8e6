// CPU amplification without the key: a forged body of any shape within the size limit must cost
// about what a forged realistic one costs. Cost is measured here deterministically, as the bytes
// the verifier hashes (a spy provider), never as time; bench case 4 shows the times.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/crypto/node.js';
import type { CryptoProvider } from '../../src/crypto/provider.js';
import { createNotificationHandler, DEFAULT_MAX_FIELDS, REFUSAL_HEADER, signNotification, verifyNotification } from '../../src/notifications/index.js';
import { splitForm } from '../../src/notifications/form.js';
import { jsonShapeProblem, MAX_JSON_DEPTH } from '../../src/notifications/json-shape.js';
import { VENDOR_FIELDS, VENDOR_KEY, vendorNotification } from '../helpers/notification-fixtures.js';

const FORGED_SIGN = 'A'.repeat(64);
const LIMIT = 64 * 1024 - 64;

/** A provider that counts the characters it is asked to hash. */
function countingCrypto() {
  const counter = { hashed: 0, calls: 0 };
  const provider: CryptoProvider = {
    ...nodeCrypto,
    name: 'counting',
    hexDigest: (algorithm, text) => {
      counter.calls++;
      counter.hashed += text.length;
      return nodeCrypto.hexDigest!(algorithm, text);
    },
  };
  return { provider, counter };
}

function formFields(count: number, value: (length: number) => string): string {
  const per = Math.floor(LIMIT / count) - 6;
  const parts = [`sign=${FORGED_SIGN}`];
  for (let i = 0; i < count; i++) parts.push(`f${i.toString(36)}=${value(per)}`);
  return parts.join('&').slice(0, LIMIT).replace(/%[^&]{0,2}$/, '');
}

async function hashedFor(body: string): Promise<{ reason: string | undefined; hashed: number; calls: number }> {
  const { provider, counter } = countingCrypto();
  const result = await verifyNotification(body, { key: VENDOR_KEY, crypto: provider });
  return { reason: result.ok ? undefined : result.reason, ...counter };
}

describe('maxFields', () => {
  it('refuses a form body with more fields than maxFields before hashing anything', async () => {
    const many = formFields(12_000, () => '1');
    expect(await hashedFor(many)).toEqual({ reason: 'too-many-fields', hashed: 0, calls: 0 });
    const justOver = formFields(DEFAULT_MAX_FIELDS, () => 'x'); // sign + 256
    expect((await hashedFor(justOver)).reason).toBe('too-many-fields');
    const atLimit = formFields(DEFAULT_MAX_FIELDS - 1, () => 'x');
    expect((await hashedFor(atLimit)).reason).toBe('bad-signature');
  });

  it('counts fields as the URL standard does (empty parts between & are not fields)', () => {
    const tooMany = (text: string, max: number) => splitForm(text, max) === undefined;
    expect(tooMany(`a=1${'&'.repeat(5000)}b=2`, 2)).toBe(false);
    expect(tooMany('a=1&b=2&c', 2)).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('&', '=', 'a', '%', '+'), maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (text, max) => {
        expect(tooMany(text, max)).toBe([...new URLSearchParams(text)].length > max);
      }),
      { numRuns: 1000 },
    );
  });

  it('a genuine notification verifies under the default; a lower maxFields refuses it', async () => {
    expect((await verifyNotification(vendorNotification(), { key: VENDOR_KEY })).ok).toBe(true);
    const body = new URLSearchParams(vendorNotification()).toString();
    expect(await verifyNotification(body, { key: VENDOR_KEY, maxFields: 20 })).toMatchObject({ ok: false, reason: 'too-many-fields' });
    const fields = { ...VENDOR_FIELDS, ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`extra${i}`, 'v'])) };
    const signed = { ...fields, sign: await signNotification(fields, { key: VENDOR_KEY }) };
    expect((await verifyNotification(new URLSearchParams(signed).toString(), { key: VENDOR_KEY, validate: false })).ok).toBe(true);
  });

  it('applies to every input: records, URLSearchParams, JSON, Requests', async () => {
    const record = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, '1']));
    const inputs = [
      { ...record, sign: FORGED_SIGN },
      new URLSearchParams({ ...record, sign: FORGED_SIGN }),
      JSON.stringify({ ...record, sign: FORGED_SIGN }),
      new Request('http://127.0.0.1/notify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...record, sign: FORGED_SIGN }) }),
    ];
    for (const input of inputs) expect(await verifyNotification(input, { key: VENDOR_KEY })).toMatchObject({ ok: false, reason: 'too-many-fields' });
  });

  it('the handler answers FAILED 413 with the reason in its header', async () => {
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification: () => undefined });
    const response = await handle(new Request('http://127.0.0.1/notify', { method: 'POST', body: formFields(12_000, () => '1') }));
    expect([response.status, await response.text(), response.headers.get(REFUSAL_HEADER)]).toEqual([413, 'FAILED', 'too-many-fields']);
  });
});

describe('JSON bodies', () => {
  it('counts members and array items at every depth; refuses nesting deeper than MAX_JSON_DEPTH before parsing', async () => {
    expect(jsonShapeProblem(JSON.stringify({ a: Array.from({ length: 300 }, () => 1) }), 256)).toBe('too-many-fields');
    expect(jsonShapeProblem(JSON.stringify({ a: 'x,'.repeat(500), b: ':'.repeat(500), c: '[{'.repeat(100) }), 256)).toBeUndefined();
    expect(jsonShapeProblem(`{"a":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`, 256)).toBe('too-deep');
    expect(jsonShapeProblem(`{"a":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`, 256)).toBeUndefined();
    const deep = `{"sign":"${FORGED_SIGN}","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(await hashedFor(deep)).toMatchObject({ reason: 'malformed-body', calls: 0 });
  });

  it('agrees with a count over the parsed value (property)', () => {
    const count = (value: unknown): number => {
      if (Array.isArray(value)) return value.length + value.reduce((sum: number, item) => sum + count(item), 0);
      if (typeof value === 'object' && value !== null) return Object.values(value).reduce((sum: number, item) => sum + 1 + count(item), 0);
      return 0;
    };
    const depth = (value: unknown): number =>
      typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }), fc.integer({ min: 0, max: 40 }), fc.boolean(), (object, max, indent) => {
        const text = JSON.stringify(object, null, indent ? 1 : undefined);
        const expected = depth(object) > MAX_JSON_DEPTH ? 'too-deep' : count(object) > max ? 'too-many-fields' : undefined;
        expect(jsonShapeProblem(text, max)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('refusing a forged body costs about what refusing a realistic one does', () => {
  const realistic = new URLSearchParams({ ...VENDOR_FIELDS, sign: FORGED_SIGN }).toString();
  const shapes: Record<string, string> = {
    'one huge field': `sign=${FORGED_SIGN}&x=${'a'.repeat(LIMIT - 80)}`,
    'many fields at the limit': formFields(255, (n) => 'a'.repeat(n)),
    'double-encoded escapes': formFields(200, (n) => '%2541'.repeat(Math.floor(n / 5))),
    'plus signs': formFields(200, (n) => '+'.repeat(n)),
    'JSON spaces and plus signs': JSON.stringify(Object.fromEntries([['sign', FORGED_SIGN], ...Array.from({ length: 250 }, (_, i) => [`f${i}`, ' +'.repeat(115)])])),
  };

  it.each(Object.entries(shapes))('%s: hashed once, not once more per diagnosis hypothesis', async (_, body) => {
    const forged = await hashedFor(body);
    expect(forged.reason).toBe('bad-signature');
    // The one verification (no empty values, one key); the diagnosis hashes nothing this large.
    expect(forged.calls).toBe(1);
    expect(forged.hashed).toBeLessThanOrEqual(body.length + VENDOR_KEY.length);
  });

  it('says when a body was too large for the hypotheses to be tested', async () => {
    const result = await verifyNotification(shapes['one huge field']!, { key: VENDOR_KEY });
    expect(result.ok ? '' : result.message).toMatch(/over 8192 characters, so the usual encoding mistakes were not tested/);
  });

  it('a realistic forged body still gets every diagnosis hypothesis', async () => {
    const forged = await hashedFor(realistic);
    expect(forged.calls).toBeGreaterThanOrEqual(3);
  });
});
