// The Node adapter: node:http and Express-style `(req, res)`. The only notifications file that
// knows Node; it needs Node's types but no Node runtime module, so it bundles anywhere.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigurationError } from '../errors.js';
import type { NotificationHandlerOptions } from './handler.js';
import { createNotificationHandler, notificationHooks } from './handler.js';
import { failedResponse, refusalResponse } from './responses.js';
import { DEFAULT_MAX_BODY_BYTES } from './types.js';

/** `req.body` is read only when a framework left it raw (express.raw / express.text). */
export type NodeNotificationRequest = IncomingMessage & { body?: unknown };

export type NodeNotificationHandler = (req: NodeNotificationRequest, res: ServerResponse) => Promise<void>;

type NodeBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; problem: 'too-large' | 'unreadable' };

const encoder = new TextEncoder();

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads the stream with the limit checked per chunk; stops reading (never buffers) past it. */
function readStream(req: IncomingMessage, maxBytes: number): Promise<NodeBody> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    return Promise.resolve({ ok: false, problem: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const finish = (outcome: NodeBody) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFailure);
      req.off('close', onFailure);
      resolve(outcome);
    };
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      total += bytes.byteLength;
      if (total > maxBytes) {
        req.pause();
        finish({ ok: false, problem: 'too-large' });
      } else {
        chunks.push(bytes);
      }
    };
    const onEnd = () => finish({ ok: true, bytes: concat(chunks, total) });
    const onFailure = () => finish({ ok: false, problem: 'unreadable' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFailure);
    req.on('close', onFailure);
  });
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // The body is handed over as bytes: framing headers no longer apply; HTTP/2 pseudo-headers never did.
    if (value === undefined || name.startsWith(':') || name === 'content-length' || name === 'transfer-encoding') continue;
    try {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    } catch {
      // A header value the Fetch API refuses is not one a notification needs.
    }
  }
  return headers;
}

async function send(res: ServerResponse, response: Response, closeConnection = false): Promise<void> {
  const body = await response.text();
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  // Past the size limit the rest of the upload is not read; closing makes that explicit.
  if (closeConnection) res.setHeader('connection', 'close');
  res.end(body);
}

const PARSED_BODY_MESSAGE =
  'The request body was already parsed into an object by a body parser, so the exact fields that were signed are ' +
  "gone. For this route use express.raw({ type: '*/*' }) or express.text({ type: '*/*' }), or register it before express.urlencoded/express.json.";

const CONSUMED_BODY_MESSAGE =
  'The request body stream was already read by earlier middleware (a body parser such as express.urlencoded, ' +
  'express.json or body-parser, or a raw-body reader) and req.body holds no raw body, so the signed fields are gone. ' +
  "For this route use express.raw({ type: '*/*' }) or express.text({ type: '*/*' }), or register it before the body parsers.";

/** Someone read the stream before us: waiting for its 'end' would wait forever. */
function streamAlreadyRead(req: IncomingMessage): boolean {
  return req.readableEnded || req.readableDidRead;
}

/**
 * The notification endpoint for `node:http` and Express-style frameworks: reads the raw body
 * itself (or takes `req.body` when it is a Buffer or string), then answers exactly like
 * `createNotificationHandler`.
 */
export function createNodeNotificationHandler(options: NotificationHandlerOptions): NodeNotificationHandler {
  const handle = createNotificationHandler(options);
  const hooks = notificationHooks(options);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  return async function handleNodeNotification(req, res): Promise<void> {
    try {
      const url = `http://localhost${req.url?.startsWith('/') ? req.url : '/'}`;
      const method = req.method ?? 'GET';
      if (method !== 'POST') return await send(res, await handle(new Request(url, { method, headers: headersOf(req) })));

      const body = req.body;
      let outcome: NodeBody;
      if (body instanceof Uint8Array) {
        // Copied: a Buffer may be a view into a shared pool, and fetch wants an ArrayBuffer-backed view.
        outcome = body.byteLength > maxBytes ? { ok: false, problem: 'too-large' } : { ok: true, bytes: new Uint8Array(body) };
      } else if (typeof body === 'string') {
        const bytes = encoder.encode(body);
        outcome = bytes.byteLength > maxBytes ? { ok: false, problem: 'too-large' } : { ok: true, bytes };
      } else if (typeof body === 'object' && body !== null && req.readableEnded) {
        hooks.reportError(new ConfigurationError(PARSED_BODY_MESSAGE, 'NOTIFICATION_BODY_ALREADY_PARSED'), 'configuration');
        return await send(res, failedResponse(500, 'body-already-parsed'));
      } else if (streamAlreadyRead(req)) {
        hooks.reportError(new ConfigurationError(CONSUMED_BODY_MESSAGE, 'NOTIFICATION_BODY_ALREADY_CONSUMED'), 'configuration');
        return await send(res, failedResponse(500, 'body-already-consumed'));
      } else {
        outcome = await readStream(req, maxBytes);
      }

      if (!outcome.ok) {
        const request = new Request(url, { method, headers: headersOf(req) });
        const rejection =
          outcome.problem === 'too-large'
            ? { ok: false as const, reason: 'body-too-large' as const, message: `The notification body is larger than ${maxBytes} bytes.` }
            : { ok: false as const, reason: 'malformed-body' as const, message: 'The request body could not be read (the client went away).' };
        hooks.reportRejection(rejection, request);
        return await send(res, refusalResponse(rejection.reason), outcome.problem === 'too-large');
      }
      const request = new Request(url, { method, headers: headersOf(req), body: outcome.bytes });
      await send(res, await handle(request));
    } catch (error) {
      hooks.reportError(error, 'configuration');
      if (!res.headersSent) await send(res, failedResponse(500, 'internal-error')).catch(() => undefined);
    }
  };
}
