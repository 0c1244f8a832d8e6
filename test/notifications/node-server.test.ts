// The Node adapter end to end: a real node:http server on 127.0.0.1, real HTTP clients.
import { request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NodeNotificationRequest } from '../../src/notifications/index.js';
import { createNodeNotificationHandler, encodeNotificationForm, signNotification } from '../../src/notifications/index.js';
import { VENDOR_FIELDS, VENDOR_KEY, vendorFormBody } from '../helpers/notification-fixtures.js';

let server: Server;
let baseUrl: string;
let calls = 0;
let failNext = false;
/** When set, the callback waits for it: a test holds a delivery in flight for as long as it needs. */
let gate: Promise<void> | undefined;
const errors: unknown[] = [];

const handle = createNodeNotificationHandler({
  key: VENDOR_KEY,
  maxBodyBytes: 8 * 1024,
  onError: (error) => errors.push(error),
  async onNotification() {
    calls++;
    if (gate) await gate;
    if (failNext) {
      failNext = false;
      throw new Error('order service unavailable');
    }
  },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    // Simulate Express middleware for two paths: raw Buffer body, and an already-parsed object.
    const path = req.url ?? '/';
    if (path === '/consumed' || path === '/consumed-closed') {
      // Middleware that read the stream (a body parser for another type, a raw-body logger) and left
      // req.body unset, calling the next handler at 'end' or later (once the stream has closed,
      // no event the adapter could wait for is left to come).
      req.resume();
      req.on(path === '/consumed' ? 'end' : 'close', () => void handle(req, res));
      return;
    }
    if (path === '/parsed' || path === '/raw-buffer') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        (req as NodeNotificationRequest).body = path === '/parsed' ? Object.fromEntries(new URLSearchParams(text)) : Buffer.from(text);
        void handle(req, res);
      });
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  calls = 0;
  failNext = false;
  gate = undefined;
  errors.length = 0;
});

/** Each test uses its own notifyId (re-signed, since the sign covers it) so dedupe state stays per test. */
async function signedBody(notifyId: string): Promise<string> {
  const fields = { ...VENDOR_FIELDS, notifyId };
  return encodeNotificationForm({ ...fields, sign: await signNotification(fields, { key: VENDOR_KEY }) });
}

async function deliver(payload: string, init: { path?: string; method?: string; type?: string } = {}) {
  const response = await fetch(`${baseUrl}${init.path ?? '/notify'}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': init.type ?? 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: init.method === 'GET' ? null : payload,
  });
  return { status: response.status, text: await response.text() };
}

/** A chunked upload without Content-Length, so only the streaming check can stop it. */
function uploadChunked(totalBytes: number, type = 'application/x-www-form-urlencoded'): Promise<number> {
  return uploadChunkedAnswer(totalBytes, type).then((answer) => answer.status);
}

function uploadChunkedAnswer(totalBytes: number, type: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}/notify`, {
      method: 'POST',
      headers: { 'content-type': type, 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
    });
    req.on('error', reject);
    const chunk = 'a'.repeat(1024);
    let sent = 0;
    const pump = () => {
      // Stops writing once the server has answered or everything was sent.
      while (sent < totalBytes && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('node:http adapter', () => {
  it('verifies the vendor example and answers SUCCESS in plain text', async () => {
    const response = await fetch(`${baseUrl}/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: vendorFormBody(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('SUCCESS');
  });

  it('retries of one notifyId run the callback once', async () => {
    const payload = await signedBody('retry-1');
    for (let i = 0; i < 4; i++) expect(await deliver(payload)).toEqual({ status: 200, text: 'SUCCESS' });
    expect(calls).toBe(1);
  });

  it('concurrent duplicate deliveries run the callback once', async () => {
    // The first delivery's callback holds until both duplicates have been answered: no timing.
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    const payload = await signedBody('concurrent-1');
    const first = deliver(payload);
    await vi.waitFor(() => expect(calls).toBe(1));
    const duplicates = await Promise.all([deliver(payload), deliver(payload)]);
    open();
    const answers = [await first, ...duplicates];
    expect(answers.filter((a) => a.text === 'SUCCESS')).toHaveLength(1);
    expect(answers.filter((a) => a.text === 'FAILED' && a.status === 409)).toHaveLength(2);
    expect(calls).toBe(1);
    expect(await deliver(payload)).toEqual({ status: 200, text: 'SUCCESS' });
    expect(calls).toBe(1);
  });

  it('a throwing callback gives FAILED, and the later retry succeeds', async () => {
    failNext = true;
    const payload = await signedBody('fails-once-1');
    expect(await deliver(payload)).toEqual({ status: 500, text: 'FAILED' });
    expect(errors).toEqual([expect.objectContaining({ message: 'order service unavailable' })]);
    expect(await deliver(payload)).toEqual({ status: 200, text: 'SUCCESS' });
    expect(calls).toBe(2);
  });

  it('an oversized body gets 413, by Content-Length and while streaming', async () => {
    expect(await deliver(`${await signedBody('big-1')}&pad=${'x'.repeat(9000)}`)).toEqual({ status: 413, text: 'FAILED' });
    expect(await uploadChunked(1024 * 1024)).toBe(413);
    expect(calls).toBe(0);
    // The server is still healthy afterwards.
    expect(await deliver(await signedBody('after-big-1'))).toEqual({ status: 200, text: 'SUCCESS' });
  });

  it('refuses a wrong content type before reading the upload, and closes instead of draining it', async () => {
    expect(await uploadChunkedAnswer(1024 * 1024, 'multipart/form-data; boundary=x')).toEqual({ status: 415, connection: 'close' });
    expect(calls).toBe(0);
    expect(await deliver(await signedBody('after-type-1'))).toEqual({ status: 200, text: 'SUCCESS' });
  });

  it('GET gets 405, a wrong content type 415, a bad signature 401; none runs the callback', async () => {
    expect(await deliver('', { method: 'GET' })).toEqual({ status: 405, text: 'FAILED' });
    expect(await deliver(await signedBody('type-1'), { type: 'multipart/form-data; boundary=x' })).toEqual({ status: 415, text: 'FAILED' });
    expect(await deliver(vendorFormBody({ totalAmount: '100' }))).toEqual({ status: 401, text: 'FAILED' });
    expect(calls).toBe(0);
  });

  it('takes a raw Buffer req.body (express.raw)', async () => {
    expect(await deliver(await signedBody('raw-buffer-1'), { path: '/raw-buffer' })).toEqual({ status: 200, text: 'SUCCESS' });
    expect(calls).toBe(1);
  });

  it('answers a stream consumed by earlier middleware (req.body unset) with a configuration error instead of hanging', async () => {
    expect(await deliver(await signedBody('consumed-1'), { path: '/consumed' })).toEqual({ status: 500, text: 'FAILED' });
    expect(await deliver('', { path: '/consumed' })).toEqual({ status: 500, text: 'FAILED' });
    expect(calls).toBe(0);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ name: 'ConfigurationError', code: 'NOTIFICATION_BODY_ALREADY_CONSUMED' });
    expect(String((errors[0] as Error).message)).toMatch(/express\.urlencoded.*express\.raw/);
  });

  it('answers the same once the consumed stream has closed (nothing left to wait for)', async () => {
    expect(await deliver(await signedBody('consumed-2'), { path: '/consumed-closed' })).toEqual({ status: 500, text: 'FAILED' });
    expect(errors).toEqual([expect.objectContaining({ code: 'NOTIFICATION_BODY_ALREADY_CONSUMED' })]);
  });

  it('refuses a body a parser already turned into an object, and says to use express.raw', async () => {
    expect(await deliver(await signedBody('parsed-1'), { path: '/parsed' })).toEqual({ status: 500, text: 'FAILED' });
    expect(calls).toBe(0);
    expect(String((errors[0] as Error).message)).toMatch(/express\.raw/);
  });
});

/** A POST through node:http (no Fetch API on the client side, so only the server's Fetch objects are counted). */
function postRaw(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('node:http adapter without the Web bridge', () => {
  it('builds no Web Request or Response unless the callback reads context.request, and then the one it reads', async () => {
    const built: string[] = [];
    const { Request: WebRequest, Response: WebResponse } = globalThis;
    vi.stubGlobal('Request', class extends WebRequest {
      constructor(...args: ConstructorParameters<typeof Request>) {
        super(...args);
        built.push('Request');
      }
    });
    vi.stubGlobal('Response', class extends WebResponse {
      constructor(...args: ConstructorParameters<typeof Response>) {
        super(...args);
        built.push('Response');
      }
    });
    let readRequest = false;
    let seen: Request | undefined;
    const own = createNodeNotificationHandler({
      key: VENDOR_KEY,
      logger: false,
      onNotification(_notification, context) {
        if (readRequest) seen = context.request;
      },
    });
    const ownServer = createServer((req, res) => void own(req, res));
    await new Promise<void>((resolve) => ownServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(ownServer.address() as AddressInfo).port}/notify?x=1`;
    try {
      expect(await postRaw(url, await signedBody('bridge-1'))).toEqual({ status: 200, text: 'SUCCESS' });
      expect(await postRaw(url, vendorFormBody({ totalAmount: '100' }))).toEqual({ status: 401, text: 'FAILED' });
      expect(built).toEqual([]);

      readRequest = true;
      const body = await signedBody('bridge-2');
      expect(await postRaw(url, body)).toEqual({ status: 200, text: 'SUCCESS' });
      expect(built).toEqual(['Request']);
      expect(seen?.method).toBe('POST');
      expect(seen?.url).toBe('http://localhost/notify?x=1');
      expect(seen?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
      expect(await seen?.text()).toBe(body);
    } finally {
      vi.unstubAllGlobals();
      ownServer.closeAllConnections();
      await new Promise<void>((resolve) => ownServer.close(() => resolve()));
    }
  });
});
