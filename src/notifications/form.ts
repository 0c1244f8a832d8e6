// The one form parser: the URL standard's application/x-www-form-urlencoded parsing
// (https://url.spec.whatwg.org/#urlencoded-parsing), with the field cap counted in the same pass.
// Same output as URLSearchParams (the property tests compare them on arbitrary text), without its
// costs: Node 20's URLSearchParams made a forged 64 KiB body of bad escapes cost ~35× a realistic
// forged notification and garbles raw non-ASCII text next to a `%`.

const encoder = new TextEncoder();
// "UTF-8 decode without BOM": invalid sequences become U+FFFD, a leading U+FEFF is kept.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const PLUS = /\+/g;

/** Bodies up to this many bytes are encoded into one reused buffer; a larger one gets its own and leaves none behind. */
const SCRATCH_MAX_BYTES = 256 * 1024;
let scratch = new Uint8Array(0);

/**
 * The text's UTF-8 bytes, in a buffer reused across calls and valid until the next one (every
 * caller finishes with them synchronously): allocating a fresh 64 KiB array per forged body cost
 * Node 22 more than the pass over it.
 */
function utf8Bytes(text: string): Uint8Array {
  const most = text.length * 3; // a UTF-16 code unit is at most 3 bytes of UTF-8
  if (most > SCRATCH_MAX_BYTES) return encoder.encode(text);
  if (scratch.length < most) scratch = new Uint8Array(Math.max(most, 4096));
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}
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
 * The same parse on the UTF-8 bytes of the whole text, for a body with escapes decodeURIComponent
 * refuses (bad escapes, escapes that are not UTF-8): `+` a space (when asked), `%xx` with two hex
 * digits a byte (any other `%` stays), each part then UTF-8 with U+FFFD for what is invalid. One
 * pass finds the separators and decodes in place (the output never passes the input): encoding
 * per field cost ~2 µs each, a scratch buffer per body more than the parse, and a search for each
 * `&` a fifth of it (64 KiB of such escapes was ~18× a forged notification on Node 22).
 */
function splitBytes(text: string, maxFields: number, plusIsSpace: boolean): string[] | undefined {
  const bytes = utf8Bytes(text);
  const end = bytes.length;
  const flat: string[] = [];
  let fields = 0;
  let fieldStart = 0; // where the current field began in the input
  let partStart = 0; // where the current part's decoded bytes began
  let written = 0;
  let name: string | undefined; // the current field's name, once its first `=` is passed
  for (let i = 0; i <= end; i++) {
    const byte = i < end ? bytes[i]! : 0x26;
    if (byte === 0x26) {
      if (i > fieldStart) {
        if (++fields > maxFields) return undefined;
        const part = decoder.decode(bytes.subarray(partStart, written));
        if (name === undefined) flat.push(part, '');
        else flat.push(name, part);
      }
      name = undefined;
      fieldStart = i + 1;
      partStart = written;
    } else if (byte === 0x3d && name === undefined) {
      name = decoder.decode(bytes.subarray(partStart, written));
      partStart = written;
    } else {
      // `&` and `=` are not hex digits, so an escape never reaches into the next part.
      const high = byte === 0x25 && i + 2 < end ? hexValue(bytes[i + 1]!) : -1;
      const low = high < 0 ? -1 : hexValue(bytes[i + 2]!);
      if (low >= 0) {
        bytes[written++] = high * 16 + low;
        i += 2;
      } else bytes[written++] = byte === 0x2b && plusIsSpace ? 0x20 : byte;
    }
  }
  return flat;
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
  const bytes = utf8Bytes(text);
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x2b) bytes[i] = 0x20;
  return decoder.decode(bytes);
}


/** Thrown by a FormDecoder when decodeURIComponent refuses a part: the body is then parsed as bytes. */
const REFUSED = Symbol('refused');

/** The parse of one body as text: where `+` and `%` occur. */
class FormDecoder {
  readonly #text: string;
  readonly #plus: Occurrences | undefined;
  readonly #percent: Occurrences;

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
    try {
      return decodeURIComponent(part);
    } catch {
      throw REFUSED;
    }
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
  let text = isWellFormed?.(received) ? received : decoder.decode(utf8Bytes(received));
  if (plusIsSpace && hasManyPluses(text)) text = spacesForPluses(text);
  try {
    return splitText(text, new FormDecoder(text, plusIsSpace), maxFields);
  } catch (error) {
    if (error !== REFUSED) throw error;
    return splitBytes(text, maxFields, plusIsSpace);
  }
}

function splitText(text: string, form: FormDecoder, maxFields: number): string[] | undefined {
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
