// A fetch wrapper that remembers the last request's exact body, so the demo can show what the SDK
// actually sent (requestTimestamp filled in, the bytes that were signed).

export interface RecordedExchange {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  /** The Authorization scheme and appId/timestamp, without the signature or token. */
  readonly authorization: string;
  readonly status: number;
}

function describeAuthorization(header: string | null): string {
  if (!header) return '(none)';
  const scheme = header.split(' ', 1)[0] ?? '';
  const appId = /AppId="([^"]*)"/.exec(header)?.[1];
  const timestamp = /Timestamp="([^"]*)"/.exec(header)?.[1];
  return appId ? `${scheme} AppId="${appId}", Timestamp="${timestamp ?? ''}", Nonce=…, Signature=…` : `${scheme} …`;
}

export function recordingFetch(inner: (request: Request) => Promise<Response> = (request) => globalThis.fetch(request)) {
  const exchanges: RecordedExchange[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const body = await request.clone().text();
    const response = await inner(request);
    exchanges.push({
      method: request.method,
      path: new URL(request.url).pathname,
      body,
      authorization: describeAuthorization(request.headers.get('authorization')),
      status: response.status,
    });
    return response;
  };
  return { fetch, last: (): RecordedExchange | undefined => exchanges.at(-1) };
}
