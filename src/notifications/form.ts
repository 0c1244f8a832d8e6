// The one form parser: the URL standard's application/x-www-form-urlencoded parsing
// (https://url.spec.whatwg.org/#urlencoded-parsing), with the field cap counted in the same pass.
// Same output as URLSearchParams (the property tests compare them on arbitrary text), without its
// costs: Node 20's URLSearchParams made a forged 64 KiB body of bad escapes cost ~35× a realistic
// forged notification and garbles raw non-ASCII text next to a `%`.

const encoder = new TextEncoder();
// "UTF-8 decode without BOM": invalid sequences become U+FFFD, a leading U+FEFF is kept.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const PLUS = /\+/g;
/** Past this many `+`, one pass over the bytes beats a replace per field (~30 ns per `+`). */
const MANY_PLUSES = 64;

type WellFormedCheck = (text: string) => boolean;
// ES2024; where missing, the text takes the UTF-8 round trip, which is always right.
const isWellFormed: WellFormedCheck | undefined =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as string & { isWellFormed(): boolean }).isWellFormed()
    : undefined;

/** The value of an ASCII hex digit, or -1. */
function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * The standard's percent-decoding on the UTF-8 bytes, for what decodeURIComponent refuses (a bad
 * escape, escapes that are not UTF-8): a `%` without two hex digits stays, invalid UTF-8 is U+FFFD.
 */
function percentDecodeBytes(part: string): string {
  const bytes = encoder.encode(part);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const high = byte === 0x25 && i + 2 < bytes.length ? hexValue(bytes[i + 1]!) : -1;
    const low = high < 0 ? -1 : hexValue(bytes[i + 2]!);
    if (low < 0) bytes[length++] = byte;
    else {
      bytes[length++] = high * 16 + low;
      i += 2;
    }
  }
  return decoder.decode(bytes.subarray(0, length));
}

/** Whether a character occurs in text[from, to), for ranges that only move forward. */
class Occurrences {
  readonly #text: string;
  readonly #char: string;
  #next: number;

  constructor(text: string, char: string) {
    this.#text = text;
    this.#char = char;
    this.#next = text.indexOf(char);
  }

  // One search per occurrence passed, not one per range: a few over a whole body (a search per
  // field made verifying a realistic notification ~15 % slower).
  within(from: number, to: number): boolean {
    if (this.#next >= 0 && this.#next < from) this.#next = this.#text.indexOf(this.#char, from);
    return this.#next >= 0 && this.#next < to;
  }
}

function hasManyPluses(text: string): boolean {
  let count = 0;
  for (let at = text.indexOf('+'); at >= 0; at = text.indexOf('+', at + 1)) if (++count > MANY_PLUSES) return true;
  return false;
}

/** Every `+` made a space in one pass: the same as per field, since `+` is neither `&` nor `=`. */
function spacesForPluses(text: string): string {
  const bytes = encoder.encode(text);
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x2b) bytes[i] = 0x20;
  return decoder.decode(bytes);
}

/**
 * Names and values, alternating, in received order, exactly as `new URLSearchParams(text)` reads
 * them; undefined as soon as there are more than `maxFields` fields (non-empty `&`-separated
 * parts), before any of the rest is decoded. `plusIsSpace: false` reads `+` literally (only to
 * test a diagnosis).
 */
/** The parse of one body: where `+` and `%` occur, and whether decodeURIComponent has refused once. */
class FormDecoder {
  readonly #text: string;
  readonly #plus: Occurrences | undefined;
  readonly #percent: Occurrences;
  // After one refusal by decodeURIComponent, the rest skips straight to the bytes: one exception per body.
  #bytesOnly = false;

  constructor(text: string, plusIsSpace: boolean) {
    this.#text = text;
    this.#plus = plusIsSpace ? new Occurrences(text, '+') : undefined;
    this.#percent = new Occurrences(text, '%');
  }

  /** text[from, to) decoded: `+` a space (when asked), then `%xx` escapes as UTF-8. */
  decode(from: number, to: number): string {
    let part = this.#text.slice(from, to);
    if (this.#plus?.within(from, to)) part = part.replace(PLUS, ' ');
    if (!this.#percent.within(from, to)) return part;
    if (!this.#bytesOnly) {
      try {
        return decodeURIComponent(part);
      } catch {
        this.#bytesOnly = true;
      }
    }
    return percentDecodeBytes(part);
  }
}

/**
 * Names and values, alternating, in received order, exactly as `new URLSearchParams(text)` reads
 * them; undefined as soon as there are more than `maxFields` fields (non-empty `&`-separated
 * parts), before any of the rest is decoded. `plusIsSpace: false` reads `+` literally (only to
 * test a diagnosis).
 */
export function splitForm(received: string, maxFields: number, plusIsSpace = true): string[] | undefined {
  // The standard reads the text's UTF-8 bytes: lone surrogates become U+FFFD first.
  let text = isWellFormed?.(received) ? received : decoder.decode(encoder.encode(received));
  if (plusIsSpace && hasManyPluses(text)) text = spacesForPluses(text);
  const form = new FormDecoder(text, plusIsSpace);
  const flat: string[] = [];
  let fields = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    // Empty sequences (`a=1&&b=2`, a trailing `&`) are skipped, as the standard does.
    if (end > start) {
      if (++fields > maxFields) return undefined;
      let eq = text.indexOf('=', start);
      if (eq < 0 || eq > end) eq = end;
      flat.push(form.decode(start, eq), eq < end ? form.decode(eq + 1, end) : '');
    }
    start = end + 1;
  }
  return flat;
}
