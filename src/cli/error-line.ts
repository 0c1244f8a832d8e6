// How `chinaums call` words a failed call: one line, with what the SDK error alone does not say.
import { AuthenticationError, ChinaUmsError, NetworkError } from '../errors.js';

/**
 * The deepest useful reason under a network failure: undici's `fetch failed` hides the socket
 * error (`connect ECONNREFUSED 127.0.0.1:9`, `getaddrinfo ENOTFOUND …`) in its `cause`.
 */
export function networkCause(error: unknown): string | undefined {
  const reasons: string[] = [];
  let current = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      const errors = current instanceof AggregateError ? current.errors.filter((e): e is Error => e instanceof Error).map((e) => e.message) : [];
      const text = current.message || errors.join('; ');
      if (text && text !== 'fetch failed') reasons.push(typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text);
      current = current.cause;
    } else {
      reasons.push(String(current));
      break;
    }
  }
  return reasons.length > 0 ? reasons.join(' ← ') : undefined;
}

export interface CallContext {
  /** Where the call went with --sandbox, else undefined. */
  readonly sandbox: string | undefined;
  /** Credentials came from the environment and are not the sandbox's demo app. */
  readonly ownCredentials: boolean;
}

/** `Name code: message[. cause][ (hint)]`, whitespace folded so it stays one line. */
export function callErrorLine(error: ChinaUmsError, context: CallContext): string {
  let line = `${error.name} ${error.code}: ${error.message}`;
  if (error instanceof NetworkError) {
    const cause = networkCause(error);
    if (cause) line += ` Cause: ${cause}.`;
    if (context.sandbox) line += ` Is \`chinaums sandbox\` running at ${context.sandbox}?`;
  }
  if (error instanceof AuthenticationError && context.sandbox && context.ownCredentials) {
    line +=
      ' The sandbox knows only its demo app (the credentials `chinaums sandbox` prints), and CHINAUMS_APP_ID / CHINAUMS_APP_KEY from the environment were used: unset them for --sandbox.';
  }
  return line.replace(/\s+/g, ' ');
}
