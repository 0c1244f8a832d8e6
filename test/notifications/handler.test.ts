// createNotificationHandler with web Requests: answers, statuses, dedupe, hooks.
import { describe, expect, it, vi } from 'vitest';
import type { NotificationRejected, NotificationStore } from '../../src/notifications/index.js';
import { createNotificationHandler, encodeNotificationForm, MemoryNotificationStore, REFUSAL_HEADER, signNotification } from '../../src/notifications/index.js';
import { ConfigurationError } from '../../src/errors.js';
import { VENDOR_FIELDS, VENDOR_KEY, vendorFormBody } from '../helpers/notification-fixtures.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function post(body: BodyInit, headers: Record<string, string> = FORM): Request {
  return new Request('http://127.0.0.1/notify', { method: 'POST', headers, body });
}

async function answer(response: Response) {
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type'), refusal: response.headers.get(REFUSAL_HEADER) };
}

describe('createNotificationHandler', () => {
  it('answers SUCCESS (200, text/plain) and passes the typed notification and raw fields', async () => {
    const onNotification = vi.fn();
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification });
    expect(await answer(await handle(post(vendorFormBody())))).toMatchObject({ status: 200, body: 'SUCCESS', type: 'text/plain; charset=utf-8' });
    expect(onNotification).toHaveBeenCalledTimes(1);
    const [notification, context] = onNotification.mock.calls[0]!;
    expect(notification.totalAmount).toBe(1);
    expect(context).toMatchObject({ dedupeKey: 'notifyId:e82a0275-f767-4f77-90c2-614c91222275', signType: 'SHA256', keyIndex: 0 });
    expect(context.raw.ns).toBe('cyuT');
  });

  it('runs the callback once per notifyId; retries get SUCCESS', async () => {
    const onNotification = vi.fn();
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification });
    for (let i = 0; i < 3; i++) expect((await handle(post(vendorFormBody()))).status).toBe(200);
    expect(onNotification).toHaveBeenCalledTimes(1);
  });

  it('store: false runs the callback on every delivery', async () => {
    const onNotification = vi.fn();
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification, store: false });
    await handle(post(vendorFormBody()));
    await handle(post(vendorFormBody()));
    expect(onNotification).toHaveBeenCalledTimes(2);
  });

  it('a throwing callback answers FAILED (500), reports through onError, and the retry runs it again', async () => {
    const onError = vi.fn();
    let calls = 0;
    const handle = createNotificationHandler({
      key: VENDOR_KEY,
      onError,
      onNotification: () => {
        calls++;
        if (calls === 1) throw new Error('database down');
      },
    });
    expect(await answer(await handle(post(vendorFormBody())))).toMatchObject({ status: 500, body: 'FAILED' });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'database down' }), expect.objectContaining({ stage: 'callback' }));
    expect(await answer(await handle(post(vendorFormBody())))).toMatchObject({ status: 200, body: 'SUCCESS' });
    expect(calls).toBe(2);
  });

  it('concurrent duplicates: one runs the callback, the other answers FAILED (409) so the platform retries', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const onNotification = vi.fn(() => gate);
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification });
    const first = handle(post(vendorFormBody()));
    await vi.waitFor(() => expect(onNotification).toHaveBeenCalledTimes(1));
    expect(await answer(await handle(post(vendorFormBody())))).toMatchObject({ status: 409, body: 'FAILED', refusal: 'in-flight' });
    release();
    expect((await first).status).toBe(200);
    expect((await handle(post(vendorFormBody()))).status).toBe(200);
    expect(onNotification).toHaveBeenCalledTimes(1);
  });

  it('a callback that outlives its lease and then fails does not let a third delivery run concurrently', async () => {
    let now = 1_000_000;
    const store = new MemoryNotificationStore({ now: () => now });
    const gates: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
    // The first two deliveries wait for the test; any later one would finish at once.
    const onNotification = vi.fn(() => (gates.length < 2 ? new Promise<void>((resolve, reject) => gates.push({ resolve, reject })) : undefined));
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification, store, inFlightLeaseMs: 1_000, onError: () => undefined });
    const first = handle(post(vendorFormBody()));
    await vi.waitFor(() => expect(onNotification).toHaveBeenCalledTimes(1));
    now += 1_001; // the first delivery's lease runs out while its callback still runs
    const second = handle(post(vendorFormBody()));
    await vi.waitFor(() => expect(onNotification).toHaveBeenCalledTimes(2));
    gates[0]!.reject(new Error('late failure'));
    expect((await first).status).toBe(500);
    // The second delivery still runs: a third must wait for it, not start a concurrent callback.
    expect(await answer(await handle(post(vendorFormBody())))).toMatchObject({ status: 409, refusal: 'in-flight' });
    expect(onNotification).toHaveBeenCalledTimes(2);
    gates[1]!.resolve();
    expect((await second).status).toBe(200);
    expect((await handle(post(vendorFormBody()))).status).toBe(200);
    expect(onNotification).toHaveBeenCalledTimes(2);
  });

    it("refusals: bad signature 401, malformed 400, schema 422 (schema: 'refuse'), wrong method 405, wrong type 415, too large 413", async () => {
    const onNotification = vi.fn();
    const rejections: NotificationRejected[] = [];
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification, onRejected: (r) => rejections.push(r), maxBodyBytes: 4096, schema: 'refuse', logger: false });
    const mistypedFields = { ...VENDOR_FIELDS, totalAmount: '1.00' };
    const mistyped = { ...mistypedFields, sign: await signNotification(mistypedFields, { key: VENDOR_KEY }) };
    const cases: [Request, number, string][] = [
      [post(vendorFormBody({ totalAmount: '100' })), 401, 'bad-signature'],
      [post(`${vendorFormBody()}&ns=again`), 400, 'malformed-body'],
      [post(vendorFormBody(), { 'content-type': 'multipart/form-data; boundary=x' }), 415, 'unsupported-content-type'],
      [post(`${vendorFormBody()}&pad=${'x'.repeat(5000)}`), 413, 'body-too-large'],
      [post(encodeNotificationForm(mistyped)), 422, 'schema-mismatch'],
      [new Request('http://127.0.0.1/notify'), 405, 'method-not-allowed'],
    ];
    for (const [request, status, refusal] of cases) {
      expect(await answer(await handle(request))).toMatchObject({ status, body: 'FAILED', refusal });
    }
    expect(onNotification).not.toHaveBeenCalled();
    expect(rejections.map((r) => r.reason)).toEqual(['bad-signature', 'malformed-body', 'unsupported-content-type', 'body-too-large', 'schema-mismatch']);
    expect((await handle(new Request('http://127.0.0.1/notify'))).headers.get('allow')).toBe('POST');
  });

  it('a store failure answers FAILED (503) without running the callback', async () => {
    const broken: NotificationStore = {
      claim: () => Promise.reject(new Error('redis down')),
      complete: () => Promise.resolve(),
      release: () => Promise.resolve(),
    };
    const onNotification = vi.fn();
    const onError = vi.fn();
    const handle = createNotificationHandler({ key: VENDOR_KEY, onNotification, store: broken, onError });
    expect(await answer(await handle(post(vendorFormBody())))).toMatchObject({ status: 503, body: 'FAILED' });
    expect(onNotification).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ stage: 'store' }));
  });

  it('hooks that throw do not change the answer', async () => {
    const handle = createNotificationHandler({
      key: VENDOR_KEY,
      onNotification: () => {
        throw new Error('x');
      },
      onError: () => {
        throw new Error('logger broken');
      },
    });
    expect((await handle(post(vendorFormBody()))).status).toBe(500);
  });

  it('refuses to start without a key or a callback', () => {
    expect(() => createNotificationHandler({ key: '', onNotification: () => undefined })).toThrow(ConfigurationError);
    expect(() => createNotificationHandler({ key: ' ', onNotification: () => undefined })).toThrow(ConfigurationError);
    expect(() => createNotificationHandler({ key: 'k' } as never)).toThrow(/onNotification/);
  });
});
