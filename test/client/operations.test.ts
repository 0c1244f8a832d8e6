import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { createChinaUmsClient } from '../../src/index.js';
import { beijingDateTime } from '../../src/time.js';
import { platformHandlers, successExample, TEST_APP, type RecordedRequest } from '../helpers/msw-platform.js';
import { bundledSpec, requestExamples } from '../helpers/spec.js';

const recorded: RecordedRequest[] = [];
const server = setupServer(...platformHandlers(recorded));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  recorded.length = 0;
  server.resetHandlers();
});
afterAll(() => server.close());

const FIXED_NOW = Date.UTC(2024, 11, 31, 16, 0, 1); // 2025-01-01 00:00:01 in Beijing

function client() {
  return createChinaUmsClient({ ...TEST_APP, environment: 'test', now: () => FIXED_NOW });
}

/** The success example with amounts as numbers, the way the SDK must hand it to users. */
function normalized(example: Record<string, unknown>, operationId: keyof typeof operations): Record<string, unknown> {
  const copy = structuredClone(example);
  for (const path of operations[operationId].responseWireFormat.integers) {
    let holder: unknown = copy;
    for (const key of path.slice(0, -1)) holder = (holder as Record<string, unknown> | undefined)?.[key];
    const last = path[path.length - 1]!;
    const h = holder as Record<string, unknown> | undefined;
    if (h && typeof h[last] === 'string') {
      if (h[last] === '') delete h[last];
      else h[last] = Number(h[last]);
    }
  }
  return copy;
}

// Calls (JSON in, JSON out); the browser pages (H5) are covered by test/client/browser-pages.test.ts.
const sdkOperations = Object.values(operations).filter((op) => op.sdkMethod && op.transport === 'json');

describe('every operation end to end', () => {
  it('has a client method for every operation of the spec not marked x-sdk-method: false', () => {
    // From the spec itself, not a hard-coded list: a new endpoint keeps this green.
    const inSpec = Object.values(bundledSpec()['paths'] as Record<string, Record<string, Record<string, unknown>>>)
      .flatMap((item) => Object.values(item))
      .filter((op) => op['x-sdk-method'] !== false)
      .map((op) => String(op['operationId']));
    expect(inSpec.length).toBeGreaterThan(0);
    const methods = Object.values(operations).filter((op) => op.sdkMethod);
    expect(methods.map((op) => op.operationId).sort()).toEqual(inSpec.sort());
    const ums = client() as unknown as Record<string, unknown>;
    for (const operationId of inSpec) expect(typeof ums[operationId], operationId).toBe('function');
  });

  it.each(sdkOperations.map((op) => op.operationId))('%s: signs the exact bytes, sends JSON, returns typed data', async (operationId) => {
    const ums = client();
    const example = Object.values(requestExamples(operations[operationId].path))[0] as Record<string, unknown>;
    expect(example, `spec request example for ${operationId}`).toBeDefined();
    const method = (ums as unknown as Record<string, (body: unknown) => Promise<unknown>>)[operationId]!;
    const data = await method(example);

    expect(recorded).toHaveLength(1);
    const [sent] = recorded;
    expect(sent!.contentType).toMatch(/^application\/json/);
    const sentBody = JSON.parse(sent!.body) as Record<string, unknown>;
    // Fields the spec says the SDK fills in (x-sdk-fill) appear when the example leaves them out.
    const filled = operations[operationId].fills.filter((fill) => example[fill.field] === undefined);
    for (const fill of filled) {
      expect(sentBody[fill.field], fill.field).toMatch(new RegExp(`^${String(example[fill.prefixFrom]).slice(0, 4)}\\d{24}$`));
      delete sentBody[fill.field];
    }
    expect(sentBody).toEqual(example);
    expect(data).toEqual(normalized(successExample(operationId), operationId));
  });
});

describe('requestTimestamp', () => {
  it('is filled in Beijing time when left out, and the header timestamp matches', async () => {
    await client().netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' });
    const body = JSON.parse(recorded[0]!.body) as Record<string, unknown>;
    expect(body['requestTimestamp']).toBe('2025-01-01 00:00:01');
    expect(body['requestTimestamp']).toBe(beijingDateTime(FIXED_NOW));
    expect(recorded[0]!.authorization).toContain('Timestamp="20250101000001"');
  });

  it('is kept when the caller sets it', async () => {
    await client().netpayQuery({
      requestTimestamp: '2022-04-20 15:50:10',
      mid: '898201612345678',
      tid: '88880001',
      instMid: 'YUEDANDEFAULT',
      merOrderId: '327M202204141724489725391331',
    });
    expect(JSON.parse(recorded[0]!.body)).toMatchObject({ requestTimestamp: '2022-04-20 15:50:10' });
  });
});

describe('nonces and signatures', () => {
  it('uses a fresh 32-hex nonce per request', async () => {
    const ums = client();
    const body = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
    await Promise.all([ums.netpayQuery(body), ums.netpayQuery(body), ums.netpayQuery(body)]);
    const nonces = recorded.map((r) => /Nonce="([0-9a-f]{32})"/.exec(r.authorization ?? '')?.[1]);
    expect(new Set(nonces).size).toBe(3);
    expect(nonces.every(Boolean)).toBe(true);
  });

  it('signs requests made through the raw openapi-fetch client too', async () => {
    const ums = client();
    const { data, response } = await ums.raw.POST('/v1/netpay/query', {
      body: { requestTimestamp: '2022-04-20 15:50:10', mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ errCode: 'SUCCESS' });
  });

  it('sends the body with non-ASCII text byte for byte as signed', async () => {
    await client().netpayQuery({
      mid: '898201612345678',
      tid: '88880001',
      instMid: 'YUEDANDEFAULT',
      merOrderId: '327M202204141724489725391331',
      srcReserve: '测试 "quoted" \\ emoji 😀',
    });
    expect(JSON.parse(recorded[0]!.body)).toMatchObject({ srcReserve: '测试 "quoted" \\ emoji 😀' });
  });
});
