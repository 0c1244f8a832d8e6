// The Fetch adapter: (Request) => Promise<Response> over the core. Deno.serve, Workers, Bun,
// Hono, Next.js route handlers.
import type { CryptoProvider } from '../crypto/provider.js';
import { webCrypto } from '../crypto/web.js';
import { readBodyWithLimit } from '../wire/limited-body.js';
import { createNotificationCore } from './core.js';
import type { NotificationHandler, NotificationHandlerOptions } from './settings.js';

/**
 * A `(Request) => Promise<Response>` notification endpoint for Deno.serve, Workers, Bun, Hono,
 * Next.js route handlers. Answers `SUCCESS` once the callback succeeded (or the notification was
 * already handled), `FAILED` otherwise so the platform retries; see answers.ts for statuses.
 */
export function createNotificationHandler(options: NotificationHandlerOptions): NotificationHandler {
  return createNotificationHandlerWith(webCrypto, options);
}

/** createNotificationHandler with another default provider (the workerd entry's native MD5), so the portable default can be left out of a bundle. */
export function createNotificationHandlerWith(defaultCrypto: CryptoProvider, options: NotificationHandlerOptions): NotificationHandler {
  const core = createNotificationCore(defaultCrypto, options);
  return async function handleNotification(request: Request): Promise<Response> {
    const answer = await core.answer({
      method: request.method,
      contentType: request.headers.get('content-type'),
      readBody: (maxBytes) => readBodyWithLimit(request, maxBytes),
      request: () => request,
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
}
