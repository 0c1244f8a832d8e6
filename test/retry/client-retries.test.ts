import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  ChinaUmsError,
  createChinaUmsClient,
  HttpError,
  PlatformError,
  TimeoutError,
  type ChinaUmsClientOptions,
  type RetryEvent,
} from '../../src/index.js';
import { checkAuthorization } from '../helpers/independent-signature.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { failOnPendingSdkTimers, failOnUnhandledRejection } from '../faults/helpers/guards.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const CANCEL = { mid: '898201612345678', tid: '88880001', instMid: 'QRPAYDEFAULT', billNo: '31940000201700002', billDate: '2024-01-01', merOrderId: '3194201701010000001' };
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const OK = { errCode: 'SUCCESS', errMsg: '查询成功', responseTimestamp: '2024-01-01 12:00:00', status: 'TRADE_SUCCESS' };

failOnUnhandledRejection();

interface Sent {
  body: string;
  authorization: string | null;
}

function answering(reply: (n: number, request: Request) => Response | Promise<Response>, extra: Partial<ChinaUmsClientOptions> = {}) {
  const sent: Sent[] = [];
  const retries: RetryEvent[] = [];
  const ums = createChinaUmsClient({
    ...TEST_APP,
    environment: 'test',
    retry: { baseDelayMs: 1, maxDelayMs: 4 },
    hooks: { onRetry: (e) => retries.push(e) },
    fetch: async (request) => {
      // Counted when fetch is called, before the body is read: with a 20 ms timeout on a loaded
      // machine the attempt can time out while the body is still being read, and a request
      // counted only after that read went missing (3 attempts, 2 recorded).
      const entry: Sent = { body: '', authorization: request.headers.get('authorization') };
      sent.push(entry);
      const n = sent.length;
      entry.body = await request.clone().text();
      return reply(n, request);
    },
    ...extra,
  });
  return { ums, sent, retries };
}

async function failure(promise: Promise<unknown>): Promise<ChinaUmsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChinaUmsError);
  return error as ChinaUmsError;
}

/** Never answers, but ends when the request's signal aborts (like real fetch). */
const hanging = (_n: number, request: Request) =>
  new Promise<Response>((_, reject) => {
    if (request.signal.aborted) reject(request.signal.reason);
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });

describe('retries', () => {
  failOnPendingSdkTimers();

  it('a safe operation is retried on 5xx up to 3 attempts; the error carries attempts', async () => {
    const { ums, sent } = answering(() => json({ message: 'busy' }, 503));
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503, attempts: 3, operation: 'netpayQuery' });
    expect(sent).toHaveLength(3);
  });

  it('succeeds when a retry succeeds; each attempt is signed afresh over the same body', async () => {
    const { ums, sent, retries } = answering((n) => (n < 3 ? json({ errCode: '9200', errInfo: '系统繁忙' }, 412) : json(OK)));
    expect(await ums.netpayQuery(QUERY)).toMatchObject({ errCode: 'SUCCESS' });
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.body)).size).toBe(1);
    expect(new Set(sent.map((s) => s.authorization)).size).toBe(3);
    for (const s of sent) expect(checkAuthorization(s.authorization, TEST_APP.appId, TEST_APP.appKey, s.body)).toBeNull();
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, '9200'],
      [2, '9200'],
    ]);
  });

  it('an unsafe operation (billsPreauthCancel) is attempted once', async () => {
    const { ums, sent } = answering(() => json({ message: 'busy' }, 503));
    const error = await failure(ums.billsPreauthCancel(CANCEL));
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(sent).toHaveLength(1);
  });

  it('an unsafe operation retries when the call opts in ({ retry: true } or a policy)', async () => {
    const a = answering(() => json({ message: 'busy' }, 503));
    expect(await failure(a.ums.billsPreauthCancel(CANCEL, { retry: true }))).toMatchObject({ attempts: 3 });
    const b = answering(() => json({ message: 'busy' }, 503));
    expect(await failure(b.ums.billsPreauthCancel(CANCEL, { retry: { maxAttempts: 2, baseDelayMs: 1 } }))).toMatchObject({ attempts: 2 });
  });

  it('retry: false per call and per client', async () => {
    const a = answering(() => json({}, 500));
    expect(await failure(a.ums.netpayQuery(QUERY, { retry: false }))).toMatchObject({ attempts: 1 });
    const b = answering(() => json({}, 500), { retry: false });
    expect(await failure(b.ums.netpayQuery(QUERY))).toMatchObject({ attempts: 1 });
  });

  it('a business or validation error is not retried', async () => {
    const a = answering(() => json({ errCode: 'NO_ORDER', errMsg: '订单不存在' }));
    expect(await failure(a.ums.netpayQuery(QUERY))).toMatchObject({ code: 'NO_ORDER', attempts: 1 });
    const b = answering(() => json({ errCode: '9001', errInfo: '参数校验失败' }, 412));
    expect(await failure(b.ums.netpayQuery(QUERY))).toBeInstanceOf(PlatformError);
    expect(b.sent).toHaveLength(1);
  });

  it('a Retry-After longer than maxRetryAfterMs or the deadline ends the retries', async () => {
    const a = answering(() => json({}, 503, { 'retry-after': '120' }));
    expect(await failure(a.ums.netpayQuery(QUERY))).toMatchObject({ attempts: 1, status: 503 });
    const b = answering(() => json({}, 503, { 'retry-after': '2' }), { deadlineMs: 1_000 });
    expect(await failure(b.ums.netpayQuery(QUERY))).toMatchObject({ attempts: 1, status: 503 });
  });
});

describe('Retry-After is honoured (fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['seconds', () => '2'],
    ['an HTTP date', () => new Date(Date.now() + 2_000).toUTCString()],
  ])('as %s: waits at least that long, then retries; no timer left', async (_, header) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.UTC(2024, 0, 1, 4, 0, 0)); // a whole second, so an HTTP date is exact
    const { ums, sent, retries } = answering((n) => (n === 1 ? json({}, 503, { 'retry-after': header() }) : json(OK)), {
      retry: { baseDelayMs: 1, maxDelayMs: 1, random: () => 0 },
    });
    const pending = ums.netpayQuery(QUERY);
    // Web Crypto settles outside the fake clock: wait (in real time) until the retry is scheduled.
    await vi.waitFor(() => expect(retries).toHaveLength(1));
    // Backoff alone would be 0 ms here (random 0): the wait comes from Retry-After (the fake clock may have moved a little).
    const delay = retries[0]!.delayMs;
    expect(delay).toBeGreaterThan(1_500);
    expect(delay).toBeLessThanOrEqual(2_000);
    await vi.advanceTimersByTimeAsync(delay - 50);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(await pending).toMatchObject({ errCode: 'SUCCESS' });
    expect(sent).toHaveLength(2);
    // At most the idle shared deadline timer remains (unref'd); once its time passes it is gone and nothing re-arms.
    await vi.runOnlyPendingTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('timeouts, deadline and the caller’s signal', () => {
  failOnPendingSdkTimers();

  it('each attempt times out after timeoutMs; a safe call tries 3 times', async () => {
    const { ums, retries } = answering(hanging, { timeoutMs: 20 });
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', attempts: 3 });
    // Counted by the retry events, not by requests seen: on a loaded machine 20 ms can pass
    // before an attempt reaches fetch (signing, the first Request), and it still times out.
    expect(retries.map((r) => r.reason)).toEqual(['TIMEOUT', 'TIMEOUT']);
  });

  it('the attempt ends on time even when the fetch ignores its signal', async () => {
    const { ums } = answering(() => new Promise<Response>(() => undefined), { timeoutMs: 20, retry: false });
    expect(await failure(ums.netpayQuery(QUERY))).toMatchObject({ name: 'TimeoutError', code: 'TIMEOUT', attempts: 1 });
  });

  it('a per-call timeoutMs overrides the client’s', async () => {
    const { ums } = answering(hanging, { timeoutMs: 60_000 });
    expect(await failure(ums.billsPreauthCancel(CANCEL, { timeoutMs: 15 }))).toMatchObject({ code: 'TIMEOUT', attempts: 1 });
  });

  it('a per-call timeoutMs of 0 is clamped to 1 ms, not replaced by the client’s 60 s', async () => {
    const { ums } = answering(hanging, { timeoutMs: 60_000 });
    expect(await failure(ums.billsPreauthCancel(CANCEL, { timeoutMs: 0 }))).toMatchObject({ code: 'TIMEOUT', attempts: 1 });
    expect(await failure(ums.billsPreauthCancel(CANCEL, { deadlineMs: -5 }))).toMatchObject({ code: 'DEADLINE_EXCEEDED', attempts: 1 });
  });

  it('the overall deadline bounds all attempts and is not retried', async () => {
    const { ums, sent, retries } = answering(hanging, { timeoutMs: 60_000 });
    const error = await failure(ums.netpayQuery(QUERY, { deadlineMs: 30 }));
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'DEADLINE_EXCEEDED', attempts: 1 });
    // At most the one request: the deadline may pass before it reaches fetch on a loaded machine.
    expect(retries).toEqual([]);
    expect(sent.length).toBeLessThanOrEqual(1);
  });

  it('the caller’s abort ends the attempt and is never retried', async () => {
    const { ums, sent } = answering(hanging);
    const controller = new AbortController();
    const pending = ums.netpayQuery(QUERY, { signal: controller.signal });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    controller.abort();
    expect(await failure(pending)).toBeInstanceOf(AbortedError);
    expect(sent).toHaveLength(1);
  });

  it('an abort during the backoff wait ends the call at once', async () => {
    const { ums, sent, retries } = answering(() => json({}, 503), {
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 0.9 },
      deadlineMs: 120_000,
    });
    const controller = new AbortController();
    const pending = ums.netpayQuery(QUERY, { signal: controller.signal });
    await vi.waitFor(() => expect(retries).toHaveLength(1));
    controller.abort();
    expect(await failure(pending)).toMatchObject({ name: 'AbortedError', attempts: 1 });
  });

  it('an already aborted signal sends nothing', async () => {
    const { ums, sent } = answering(() => json(OK));
    expect(await failure(ums.netpayQuery(QUERY, { signal: AbortSignal.abort() }))).toBeInstanceOf(AbortedError);
    expect(sent).toHaveLength(0);
  });

  it('rejects a non-positive timeout option', () => {
    expect(() => createChinaUmsClient({ ...TEST_APP, environment: 'test', timeoutMs: 0 })).toThrow(/timeoutMs must be a positive/);
  });
});
