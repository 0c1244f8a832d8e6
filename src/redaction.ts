// The one place credentials are scrubbed from text the SDK hands out. Error construction and the
// event emitter run every message through it, whatever produced the text: a Redis client that
// quotes its command, a fetch error, a store's own message. Two nets: the credentials this process
// was given or has seen (appKeys, md5 keys, access tokens), and named fields (`accessToken=…`,
// `"AccessToken":"…"`, `appKey=…`, `md5Key=…`) for values it has not seen.

export const REDACTED = '[REDACTED]';

/**
 * Configured credentials (appKeys, md5 keys) and recent access tokens, kept apart so that token
 * refreshes never push out a key. Small, because each redaction scans the text once per entry; an
 * old token has expired, so forgetting it is safe. A Set keeps insertion order: the first is the oldest.
 */
const LIMITS = { credential: 128, token: 64 } as const;
/** Shorter values would blank ordinary words; real credentials are 32 characters and more. */
const MIN_SECRET_LENGTH = 8;
const known = { credential: new Set<string>(), token: new Set<string>() };

/** Registers a credential so that it is replaced by `[REDACTED]` wherever it appears later. */
export function rememberSecret(value: unknown, kind: keyof typeof known = 'credential'): void {
  if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
  const set = known[kind];
  if (set.has(value)) return;
  set.add(value);
  if (set.size > LIMITS[kind]) {
    const oldest = set.values().next();
    if (!oldest.done) set.delete(oldest.value);
  }
}

// A quoted name (JSON, possibly escaped inside another string) may be followed by `:` or `=`;
// a bare name only by `=`: "accessToken: the token store failed" is our own operation prefix.
const NAMES = String.raw`access[-_]?token|app[-_]?key|md5[-_]?keys?`;
const QUOTED_NAME = new RegExp(String.raw`(\\?["'])(${NAMES})\1(\s*[:=]\s*)(\\?"(?:[^"\\]|\\[^"])*\\?"|'[^']*'|[^\s"',;&}\]]+)`, 'gi');
const BARE_NAME = new RegExp(String.raw`(^|[^\w"'\\-])(${NAMES})(\s*=\s*)("[^"]*"|'[^']*'|[^\s"',;&}\]]+)`, 'gi');

function quoted(value: string): string {
  const quote = /^\\?["']/.exec(value)?.[0];
  return quote === undefined ? REDACTED : `${quote}${REDACTED}${quote}`;
}

/** `text` with every known credential and every named credential field replaced by `[REDACTED]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const set of [known.credential, known.token]) {
    for (const secret of set) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  out = out.replace(QUOTED_NAME, (_all, q: string, name: string, separator: string, value: string) => `${q}${name}${q}${separator}${quoted(value)}`);
  return out.replace(BARE_NAME, (_all, before: string, name: string, separator: string, value: string) => `${before}${name}${separator}${quoted(value)}`);
}

const MAX_CAUSE_DEPTH = 5;

/**
 * The same cause when its chain carries no credential, else a copy of the chain with redacted
 * messages (name and `code` kept, so `ECONNREFUSED` and the like stay recognisable).
 */
export function redactCause(cause: unknown, depth = 0): unknown {
  if (typeof cause === 'string') return redactSecrets(cause);
  if (!(cause instanceof Error) || depth >= MAX_CAUSE_DEPTH) return cause;
  const message = redactSecrets(cause.message);
  const inner = cause.cause === undefined ? undefined : redactCause(cause.cause, depth + 1);
  if (message === cause.message && inner === cause.cause) return cause;
  const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  return copy;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (depth > 0 || typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return redactRecord(value as Record<string, unknown>, depth + 1);
}

function redactRecord(record: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = redactValue(value, depth);
  return out;
}

/**
 * A copy of an event with its strings redacted, and those of plain objects one level down (headers).
 * Errors are left as they are: their construction already redacted them.
 */
export function redactFields<T extends object>(event: T): T {
  return redactRecord(event as Record<string, unknown>, 0) as T;
}
