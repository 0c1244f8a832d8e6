// A received body (bytes from either endpoint adapter, or the text/bytes given to
// verifyNotification) becomes unique, once-decoded fields: the size limit, UTF-8, the field cap and
// one parser per format (form.ts, JSON). Other inputs (records, URLSearchParams) are in input.ts.
import type { CollectedFields, FieldSet } from './fields.js';
import { collectFlat, describeNames, fieldSetOf } from './fields.js';
import { splitForm } from './form.js';
import { jsonShapeProblem, MAX_JSON_DEPTH } from './json-shape.js';
import type { NotificationFailureReason } from './types.js';

/** How the fields arrived, which decides which encoding mistakes are worth checking for. */
export type ReceivedFormat = 'form' | 'json' | 'decoded-fields';

export interface ParsedNotification {
  readonly format: ReceivedFormat;
  /** Unique names in received order, values decoded exactly once. */
  readonly fields: FieldSet;
  /** Form bodies only: the text as received, to test encoding hypotheses when a sign fails. */
  readonly formText?: string;
  /** Fields whose JSON/record value was not a string and was rendered with String()/JSON.stringify. */
  readonly renderedFields: readonly string[];
}

export type ParseOutcome =
  | { readonly ok: true; readonly parsed: ParsedNotification }
  | { readonly ok: false; readonly reason: NotificationFailureReason; readonly message: string };

/** What a body may be before any work is spent on it. */
export interface InputLimits {
  readonly maxBytes: number;
  readonly maxFields: number;
}

/** Which parser a body needs: the content type said JSON, or it may be either (sniffed). */
export type BodyKind = 'json' | 'sniff';

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

export function refuse(reason: NotificationFailureReason, message: string): ParseOutcome & { ok: false } {
  return { ok: false, reason, message };
}

export function tooManyFields(maxFields: number) {
  return refuse('too-many-fields', `More than ${maxFields} fields (maxFields); a notification has about 40.`);
}

export function tooLarge(maxBytes: number) {
  return refuse('body-too-large', `The body is over ${maxBytes} bytes (maxBodyBytes); a notification is a few KB.`);
}

export function unreadable() {
  return refuse('malformed-body', 'The body could not be read (the client went away, or other code consumed it).');
}

/** Which parser a media type (lowercase, no parameters) asks for; undefined when it is not a notification body. */
export function bodyKindFor(contentType: string | null | undefined): BodyKind | undefined {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  // The platform sends form bodies; some proxies drop or rewrite the type, so sniff for JSON.
  if (type === '' || type === 'application/x-www-form-urlencoded' || type === 'text/plain') return 'sniff';
  return undefined;
}

export function unsupportedContentType(contentType: string | null | undefined) {
  const type = (contentType ?? '').split(';', 1)[0]!.trim();
  return refuse(
    'unsupported-content-type',
    `Content-Type ${JSON.stringify(type.slice(0, 80))} is not a notification body (form-urlencoded, or JSON).`,
  );
}

export function uniqueOrRefused(collected: CollectedFields, format: ReceivedFormat, formText?: string): ParseOutcome {
  if (!collected.ok) {
    return refuse('malformed-body', `The body repeats ${describeNames(collected.duplicates)}: which value was signed is ambiguous.`);
  }
  return { ok: true, parsed: { format, fields: collected.fields, formText, renderedFields: [] } };
}

/** A form body's fields (`+` a space, `%xx` decoded once); `plusIsSpace: false` only tests a diagnosis. */
export function parseFormText(text: string, maxFields: number, plusIsSpace = true): ParseOutcome {
  const flat = splitForm(text, maxFields, plusIsSpace);
  return flat ? uniqueOrRefused(collectFlat(flat), 'form', text) : tooManyFields(maxFields);
}

/**
 * The fields of a parsed JSON body or record. A non-string value is signed as String(value)
 * (`null` as empty) or, nested, as its JSON.stringify: its exact source text is gone. With
 * `refuseNested` (a record someone else parsed), nested values are refused instead.
 */
export function fromObject(object: object, format: ReceivedFormat, refuseNested?: (nested: readonly string[]) => ParseOutcome): ParseOutcome {
  const entries: [string, string][] = [];
  const renderedFields: string[] = [];
  const nested: string[] = [];
  for (const name of Object.keys(object)) {
    const value: unknown = (object as Record<string, unknown>)[name];
    const type = typeof value;
    if (type === 'string') {
      entries.push([name, value as string]);
      continue;
    }
    const primitive = value === null || value === undefined || type === 'number' || type === 'boolean' || type === 'bigint';
    if (!primitive && refuseNested) {
      nested.push(name);
      continue;
    }
    renderedFields.push(name);
    entries.push([name, value === null || value === undefined ? '' : primitive ? String(value) : (JSON.stringify(value) ?? '')]);
  }
  if (nested.length > 0) return refuseNested!(nested);
  return { ok: true, parsed: { format, fields: fieldSetOf(entries), renderedFields } };
}

function parseJsonText(text: string, maxFields: number): ParseOutcome {
  const problem = jsonShapeProblem(text, maxFields);
  if (problem === 'too-many-fields') return tooManyFields(maxFields);
  if (problem === 'too-deep') return refuse('malformed-body', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('malformed-body', 'The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('malformed-body', 'The JSON body is not an object.');
  return fromObject(value, 'json');
}

/** Where exceedsBytes encodes, a piece at a time: a buffer the size of the limit costs more to allocate than the count. */
const COUNTING = new Uint8Array(16 * 1024);

/**
 * Whether the text's UTF-8 form is over maxBytes. Between the two cheap bounds it is encoded into
 * one small reused buffer, piece by piece (encodeInto never splits a surrogate pair and writes a
 * lone one as U+FFFD, 3 bytes): counting in a JavaScript loop cost ~150 µs for 64 KiB on Node 22,
 * and TextEncoder's encode allocates the whole copy.
 */
function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  let bytes = 0;
  // Each piece reads at least one code point (the buffer holds any four bytes), so this ends.
  for (let at = 0; at < text.length; ) {
    const { read, written } = utf8Encoder.encodeInto(at === 0 ? text : text.slice(at), COUNTING);
    bytes += written;
    at += read;
    if (bytes > maxBytes) return true;
  }
  return false;
}

/** The body as received (bytes, or text already decoded) → fields, within the limits. */
export function parseBody(body: Uint8Array | string, kind: BodyKind, limits: InputLimits): ParseOutcome {
  let text: string;
  if (typeof body === 'string') {
    if (exceedsBytes(body, limits.maxBytes)) return tooLarge(limits.maxBytes);
    text = body;
  } else {
    if (body.byteLength > limits.maxBytes) return tooLarge(limits.maxBytes);
    try {
      text = utf8Decoder.decode(body);
    } catch {
      return refuse('malformed-body', 'The body is not UTF-8 (re-encoded as GBK?).');
    }
  }
  if (text.startsWith('[object ')) {
    return refuse(
      'malformed-body',
      `The body is ${JSON.stringify(text.slice(0, 20))}: an already-parsed object was turned back into a string. Pass the raw body (express.raw).`,
    );
  }
  // trimStart also drops a byte-order mark (U+FEFF counts as white space).
  const json = kind === 'json' || text.trimStart().startsWith('{');
  return json ? parseJsonText(text, limits.maxFields) : parseFormText(text, limits.maxFields);
}
