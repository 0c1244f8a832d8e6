/** The parts of an `OPEN-BODY-SIG` Authorization header. */
export interface OpenBodySigParts {
  appId: string;
  timestamp: string;
  nonce: string;
  signature: string;
}

export function formatOpenBodySigHeader(parts: OpenBodySigParts): string {
  return `OPEN-BODY-SIG AppId="${parts.appId}", Timestamp="${parts.timestamp}", Nonce="${parts.nonce}", Signature="${parts.signature}"`;
}

const PARAM = /([A-Za-z]+)="([^"]*)"/g;

/**
 * Parses an `OPEN-BODY-SIG` header as peers send it (`", "` or `","` between parameters).
 * Returns undefined when the scheme or a parameter is missing, so callers can answer 412.
 */
export function parseOpenBodySigHeader(header: string): OpenBodySigParts | undefined {
  const trimmed = header.trim();
  if (!trimmed.startsWith('OPEN-BODY-SIG ')) return undefined;
  const params = new Map<string, string>();
  for (const match of trimmed.slice('OPEN-BODY-SIG '.length).matchAll(PARAM)) {
    if (params.has(match[1]!)) return undefined;
    params.set(match[1]!, match[2]!);
  }
  const appId = params.get('AppId');
  const timestamp = params.get('Timestamp');
  const nonce = params.get('Nonce');
  const signature = params.get('Signature');
  if (!appId || !timestamp || !nonce || !signature) return undefined;
  return { appId, timestamp, nonce, signature };
}

export function formatAccessTokenHeader(accessToken: string): string {
  return `OPEN-ACCESS-TOKEN AccessToken=${accessToken}`;
}

/** Parses `OPEN-ACCESS-TOKEN AccessToken=<token>` (unquoted; a quoted token is tolerated). */
export function parseAccessTokenHeader(header: string): string | undefined {
  const match = /^OPEN-ACCESS-TOKEN\s+AccessToken="?([^"\s]+)"?$/.exec(header.trim());
  return match?.[1];
}
