import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, DEMO_NOTIFY_KEY } from '../../src/sandbox/index.js';
import { buildEntry, runNode, type BuiltEntry } from '../cli/build-entry.js';

let demo: BuiltEntry;
beforeAll(async () => {
  demo = await buildEntry('src/demo/main.ts', 'demo');
});
afterAll(async () => {
  await demo?.remove();
});

describe('the npm start demo', () => {
  it('walks the whole flow against the sandbox and exits 0, never printing a key', async () => {
    const result = await runNode(demo.file, [], { timeoutMs: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^chinaums demo — local sandbox on 127\.0\.0\.1/);
    expect(out).toMatch(/received\s+notifyId [0-9a-f-]{36}, status TRADE_SUCCESS/);
    expect(out).toMatch(/netpayQuery[\s\S]*answer\s+errCode SUCCESS, merOrderId \S+, status TRADE_SUCCESS/);
    expect(out).toMatch(/netpayWxUnifiedOrder[\s\S]*answer\s+errCode SUCCESS, merOrderId 3194\d+, status WAIT_BUYER_PAY/);
    expect(out).toMatch(/front end\s+wx\.requestPayment\(miniPayRequest\) with it unchanged: keys .*package/);
    // The same refundOrderId twice: one refund.
    expect(out).toMatch(/again\s+errCode SUCCESS, refundStatus SUCCESS, refundAmount 100, refundOrderId (\d+)/);
    expect(out).toMatch(/sandbox\s+1 refund recorded/);
    expect(out).toMatch(/status TRADE_REFUND, refundStatus SUCCESS/);
    expect(out).toMatch(/netpayClose[\s\S]*status TRADE_CLOSED/);
    expect(out).toMatch(/browser\s+GET → HTTP 302, Location http:\/\/127\.0\.0\.1:\d+\/_sandbox\/cashier\/3194\d+/);
    expect(out).toMatch(/bills form: notifyId \S+, billNo 3194\d+, billStatus PAID/);
    expect(out).toMatch(/refund\s+billStatus REFUND, refundStatus SUCCESS/);
    expect(out).toMatch(/billStatus CLOSED, billPayment\.status TRADE_CLOSED/);
    expect(out).toMatch(/respCode 0000/);
    expect(out).toMatch(/delivery\s+\S+: acknowledged after 1 attempt\(s\), last answer HTTP 200 "SUCCESS"/);
    expect(out).toMatch(/All 13 steps passed\.\n$/);
    for (const secret of [DEMO_APP.appKey, DEMO_NOTIFY_KEY]) expect(out).not.toContain(secret);
  });

  it('fails with a clear message and exit 1 when pointed at production', async () => {
    const result = await runNode(demo.file, [], { env: { CHINAUMS_APP_ID: 'x', CHINAUMS_APP_KEY: 'y', CHINAUMS_ENV: 'production' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DEMO FAILED: the demo talks only to the test environment; CHINAUMS_ENV is production/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
