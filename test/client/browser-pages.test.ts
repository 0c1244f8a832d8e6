import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { requestValidators } from '../../generated/validators/requests.js';
import { createChinaUmsClient, createOpenFormParams, InvalidRequestError } from '../../src/index.js';
import { createOpenFormParams as nodeCreateOpenFormParams } from '../../src/index.node.js';
import { expectedSignature } from '../helpers/independent-signature.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { requestExamples } from '../helpers/spec.js';

// The vendor's OPEN-BODY-SIG vector (protocol.md §1), which OPEN-FORM-PARAM reuses with content as the body (§5).
const VECTOR = {
  appId: '12345678901234567890123456789012',
  appKey: '67890123456789012345678901234567',
  timestamp: '20170101120000',
  nonce: '09876543210987654321098765432109',
  content: 'A',
};
const VECTOR_SIGNATURE = 'GINsCTyNKTpEI9KXO16KqZJ64fOyAytEKl8aaR/Dy08=';
const FIXED_NOW = Date.UTC(2024, 11, 31, 16, 0, 1); // 2025-01-01 00:00:01 in Beijing

const pages = Object.values(operations).filter((op) => op.transport === 'browser-redirect');

/** Checks a URL the way the platform would, with node:crypto; returns why it is wrong, or null. */
function platformCheck(url: string, appId: string, appKey: string): string | null {
  const query = url.slice(url.indexOf('?') + 1);
  if (query.includes('%20')) return 'a space encoded as %20';
  const params = new URLSearchParams(query);
  if (params.get('authorization') !== 'OPEN-FORM-PARAM') return 'authorization is not OPEN-FORM-PARAM';
  if (params.get('appId') !== appId) return 'wrong appId';
  const timestamp = params.get('timestamp') ?? '';
  if (!/^\d{14}$/.test(timestamp)) return 'timestamp is not yyyyMMddHHmmss';
  const nonce = params.get('nonce') ?? '';
  const content = params.get('content');
  if (content === null) return 'no content';
  return expectedSignature(appId, appKey, timestamp, nonce, content) === params.get('signature') ? null : 'bad signature';
}

describe('createOpenFormParams', () => {
  it('reproduces the vendor vector: the OPEN-BODY-SIG signature over the raw content', async () => {
    for (const build of [createOpenFormParams, nodeCreateOpenFormParams]) {
      const params = await build(VECTOR);
      expect([...params.keys()]).toEqual(['authorization', 'appId', 'timestamp', 'nonce', 'content', 'signature']);
      expect(params.get('authorization')).toBe('OPEN-FORM-PARAM');
      expect(params.get('signature')).toBe(VECTOR_SIGNATURE);
      expect(params.toString()).toContain(`signature=${encodeURIComponent(VECTOR_SIGNATURE)}`);
    }
  });

  it('encodes spaces as + (java.net.URLEncoder), never %20, and other bytes percent-encoded', async () => {
    const content = JSON.stringify({ requestTimestamp: '2024-04-01 12:00:00', orderDesc: '测试 & co+%' });
    const text = (await createOpenFormParams({ ...VECTOR, content })).toString();
    expect(text).not.toContain('%20');
    expect(text).toContain('2024-04-01+12%3A00%3A00');
    expect(text).toContain('%E6%B5%8B%E8%AF%95+%26+co%2B%25');
    expect(new URLSearchParams(text).get('content')).toBe(content);
  });

  it.each(['appId', 'appKey', 'nonce'] as const)('refuses an empty %s with a typed error', async (name) => {
    await expect(createOpenFormParams({ ...VECTOR, [name]: '' })).rejects.toThrow(`${name} must be a non-empty string`);
  });

  it('refuses a dashed timestamp (the platform answers "Timestamp解析失败")', async () => {
    await expect(createOpenFormParams({ ...VECTOR, timestamp: '2017-01-01 12:00:00' })).rejects.toThrow(/yyyyMMddHHmmss/);
  });
});

describe('H5 page methods', () => {
  const ums = createChinaUmsClient({ ...TEST_APP, environment: 'test', now: () => FIXED_NOW });
  const method = (operationId: string) => (ums as unknown as Record<string, (content: unknown) => Promise<string>>)[operationId]!;

  it('exist for every browser page of the spec', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const op of pages) expect(op.method).toBe('GET');
  });

  it.each(pages.map((op) => op.operationId))('%s: returns the signed browser URL for the spec example, without a request', async (operationId) => {
    const op = operations[operationId as keyof typeof operations];
    const example = Object.values(requestExamples(op.path))[0] as Record<string, unknown>;
    expect(example, `spec content example for ${operationId}`).toBeDefined();
    const { requestTimestamp: _left, ...content } = example;
    // No fetch is configured to answer: building the URL must not request anything.
    const url = await method(operationId)(content);
    expect(url.startsWith(`https://test-api-open.chinaums.com${op.path}?`)).toBe(true);
    expect(platformCheck(url, TEST_APP.appId, TEST_APP.appKey)).toBeNull();
    const params = new URL(url).searchParams;
    expect(params.get('timestamp')).toBe('20250101000001');
    const sent = JSON.parse(params.get('content')!) as Record<string, unknown>;
    expect(sent).toEqual({ ...content, requestTimestamp: '2025-01-01 00:00:01' });
    expect(requestValidators[operationId as keyof typeof requestValidators](sent)).toBe(true);
  });

  it('the independent check notices a wrong key and a %20 encoding (it can fail)', async () => {
    const url = await ums.netpayTradeH5Pay({ merOrderId: '3194202404011200000001234567', mid: '898201612345678', tid: '88880001', instMid: 'H5DEFAULT', totalAmount: 1 });
    expect(platformCheck(url, TEST_APP.appId, 'another-key')).toBe('bad signature');
    expect(platformCheck(url.replace(/\+/g, '%20'), TEST_APP.appId, TEST_APP.appKey)).toBe('a space encoded as %20');
  });

  it('checks the content against the spec when requestValidators are given, before signing', async () => {
    const strict = createChinaUmsClient({ ...TEST_APP, environment: 'test', requestValidators });
    const bad = { merOrderId: '3194202404011200000001234567', mid: '898201612345678', tid: '88880001', instMid: 'H5DEFAULT', totalAmount: 1 };
    await expect(strict.netpayWxpayH5Pay(bad as never)).rejects.toThrow(InvalidRequestError);
    await expect(strict.netpayWxpayH5Pay(bad as never)).rejects.toThrow(/sceneType/);
  });

  it('refuses a content that is not an object', async () => {
    await expect(method('netpayTradeH5Pay')('not an object')).rejects.toThrow(/plain object/);
  });
});
