// The URL standard's application/x-www-form-urlencoded parser, on bytes: for the bodies the fast
// splitter leaves (malformed escapes, escapes that are not UTF-8, lone surrogates). Same output
// as URLSearchParams (the property tests compare them on arbitrary text), without its per-escape
// cost: Node 20's URLSearchParams made a forged 64 KiB body of bad escapes cost ~35× a realistic
// forged notification. https://url.spec.whatwg.org/#urlencoded-parsing

const encoder = new TextEncoder();
// "UTF-8 decode without BOM": invalid sequences become U+FFFD, a leading U+FEFF is kept.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const PLUS = 0x2b;
const PERCENT = 0x25;
const SPACE = 0x20;

/** The value of an ASCII hex digit, or -1. */
function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** bytes[from, to) with `+` as a space (when asked), percent-decoded, as UTF-8 text. */
function decodeRange(bytes: Uint8Array, from: number, to: number, scratch: Uint8Array, plusIsSpace: boolean): string {
  let length = 0;
  for (let i = from; i < to; i++) {
    const byte = bytes[i]!;
    if (byte === PLUS && plusIsSpace) {
      scratch[length++] = SPACE;
    } else if (byte === PERCENT && i + 2 < to) {
      const high = hexValue(bytes[i + 1]!);
      const low = high < 0 ? -1 : hexValue(bytes[i + 2]!);
      if (low < 0) {
        scratch[length++] = byte; // not an escape: the `%` stays
      } else {
        scratch[length++] = high * 16 + low;
        i += 2;
      }
    } else {
      scratch[length++] = byte;
    }
  }
  return decoder.decode(scratch.subarray(0, length));
}

/**
 * Names and values, alternating, in received order, exactly as `new URLSearchParams(text)` reads
 * them (lone surrogates in the text become U+FFFD first, as there). `plusIsSpace: false` reads
 * `+` literally (only to test a diagnosis).
 */
export function splitFormBytes(text: string, plusIsSpace = true): string[] {
  const bytes = encoder.encode(text);
  const scratch = new Uint8Array(bytes.length);
  const flat: string[] = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(AMPERSAND, start);
    if (end < 0) end = bytes.length;
    if (end > start) {
      let eq = bytes.indexOf(EQUALS, start);
      if (eq < 0 || eq > end) eq = end;
      flat.push(decodeRange(bytes, start, eq, scratch, plusIsSpace));
      flat.push(eq < end ? decodeRange(bytes, eq + 1, end, scratch, plusIsSpace) : '');
    }
    start = end + 1;
  }
  return flat;
}
