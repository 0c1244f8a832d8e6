// The usual form body (well-formed text, valid %xx escapes of UTF-8) split without URLSearchParams,
// whose parser is the largest single cost of verifying a notification. Anything unusual returns
// undefined and goes to URLSearchParams, the reference: the property tests check both agree.

const PLUS = /\+/g;

type WellFormedCheck = (text: string) => boolean;

// ES2024; where missing, every body takes the general path.
const isWellFormed: WellFormedCheck | undefined =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as string & { isWellFormed(): boolean }).isWellFormed()
    : undefined;

/**
 * One name or value, decoded as the URL standard does: `+` is a space, then `%xx` escapes are
 * UTF-8. decodeURIComponent throws exactly where the standard would keep a `%` or write U+FFFD
 * (a bad escape, invalid UTF-8), which sends the body to the general path.
 */
function decode(part: string): string {
  const spaced = part.includes('+') ? part.replace(PLUS, ' ') : part;
  return spaced.includes('%') ? decodeURIComponent(spaced) : spaced;
}

/**
 * Names and values, alternating, in received order; undefined when the general parser must
 * decide. Lone surrogates are turned into U+FFFD by URLSearchParams, so such text goes there.
 */
export function splitFormFast(text: string): string[] | undefined {
  if (!isWellFormed?.(text)) return undefined;
  const flat: string[] = [];
  try {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('&', start);
      if (end < 0) end = text.length;
      // Empty sequences (`a=1&&b=2`, a trailing `&`) are skipped, as the standard does.
      if (end > start) {
        const eq = text.indexOf('=', start);
        if (eq >= 0 && eq < end) flat.push(decode(text.slice(start, eq)), decode(text.slice(eq + 1, end)));
        else flat.push(decode(text.slice(start, end)), '');
      }
      start = end + 1;
    }
  } catch {
    return undefined;
  }
  return flat;
}
