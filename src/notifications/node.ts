// The Node adapter: node:http and Express-style `(req, res)` over the core, with no Web Request
// or Response on the way (a Request is built only when the callback reads `context.request` or
// `onRejected` is set). The only notifications file that knows Node; it needs Node's types but no
// Node runtime module, so it bundles anywhere.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CryptoProvider } from '../crypto/provider.js';
import { webCrypto } from '../crypto/web.js';
import { ConfigurationError } from '../errors.js';
import { concat } from '../wire/limited-body.js';
import type { NotificationAnswer } from './answers.js';
import { failedAnswer } from './answers.js';
import type { DeliveredBody } from './core.js';
import { createNotificationCore } from './core.js';
import type { NotificationHandlerOptions } from './settings.js';

/** `req.body` is read only when a framework left it raw (express.raw / express.text). */
export type NodeNotificationRequest = IncomingMessage & { body?: unknown };

export type NodeNotificationHandler = (req: NodeNotificationRequest, res: ServerResponse) => Promise<void>;

const encoder = new TextEncoder();

/** Reads the stream with the limit checked per chunk (and from Content-Length); stops reading (never buffers) past it. */
function readStream(req: IncomingMessage, maxBytes: number): Promise<DeliveredBody> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    return Promise.resolve({ ok: false, problem: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const finish = (outcome: DeliveredBody) => {
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

function send(res: ServerResponse, answer: NotificationAnswer, closeConnection: boolean): void {
  // A body left unread (too large, or refused before reading) is not drained: closing says so.
  if (closeConnection) res.setHeader('connection', 'close');
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
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

/** The raw body from `req.body` (Buffer or string) or the stream; a setup error when a parser took it first. */
function readNodeBody(req: NodeNotificationRequest, maxBytes: number): Promise<DeliveredBody> | DeliveredBody {
  const { body } = req;
  if (body instanceof Uint8Array || typeof body === 'string') {
    const bytes = typeof body === 'string' ? encoder.encode(body) : body;
    return bytes.byteLength > maxBytes ? { ok: false, problem: 'too-large' } : { ok: true, bytes };
  }
  if (typeof body === 'object' && body !== null && req.readableEnded) {
    return { ok: false, problem: 'misconfigured', refusal: 'body-already-parsed', error: new ConfigurationError(PARSED_BODY_MESSAGE, 'NOTIFICATION_BODY_ALREADY_PARSED') };
  }
  if (streamAlreadyRead(req)) {
    return { ok: false, problem: 'misconfigured', refusal: 'body-already-consumed', error: new ConfigurationError(CONSUMED_BODY_MESSAGE, 'NOTIFICATION_BODY_ALREADY_CONSUMED') };
  }
  return readStream(req, maxBytes);
}

/**
 * The notification endpoint for `node:http` and Express-style frameworks: reads the raw body
 * itself (or takes `req.body` when it is a Buffer or string), then answers exactly like
 * `createNotificationHandler`.
 */
export function createNodeNotificationHandler(options: NotificationHandlerOptions): NodeNotificationHandler {
  return createNodeNotificationHandlerWith(webCrypto, options);
}

/** createNodeNotificationHandler with another default provider (the Node and workerd entries). */
export function createNodeNotificationHandlerWith(defaultCrypto: CryptoProvider, options: NotificationHandlerOptions): NodeNotificationHandler {
  const core = createNotificationCore(defaultCrypto, options);

  return async function handleNodeNotification(req, res): Promise<void> {
    try {
      const method = req.method ?? 'GET';
      let bytes: Uint8Array | undefined;
      const answer = await core.answer({
        method,
        contentType: req.headers['content-type'],
        readBody: async (maxBytes) => {
          const body = await readNodeBody(req, maxBytes);
          if (body.ok) bytes = body.bytes;
          return body;
        },
        request: () => {
          const url = `http://localhost${req.url?.startsWith('/') ? req.url : '/'}`;
          // Copied: a Buffer may be a view into a shared pool, and fetch wants an ArrayBuffer-backed view.
          return new Request(url, { method, headers: headersOf(req), body: bytes && new Uint8Array(bytes) });
        },
      });
      // `complete` is false while the upload is still arriving (a real IncomingMessage; mocks leave it out).
      send(res, answer, req.complete === false);
    } catch (error) {
      core.reportError(error, 'configuration');
      if (!res.headersSent) {
        try {
          send(res, failedAnswer(500, 'internal-error'), false);
        } catch {
          // The response is beyond repair; the platform retries.
        }
      }
    }
  };
}
