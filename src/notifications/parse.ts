import type { CollectedFields, FieldSet } from './fields.js';
import { DEFAULT_MAX_FIELDS, formHasTooManyFields, jsonShapeProblem, MAX_JSON_DEPTH, paramsHaveTooManyFields, recordHasTooManyFields } from './field-limit.js';
import { collectFields, collectFlat, describeNames, fieldSetOf } from './fields.js';
import { splitFormBytes } from './parse-form-bytes.js';
import { splitFormFast } from './parse-form-fast.js';
import { readBodyWithLimit } from './read-body.js';
import type { NotificationFailureReason, NotificationInput } from './types.js';
import { DEFAULT_MAX_BODY_BYTES } from './types.js';

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

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function refuse(reason: NotificationFailureReason, message: string): ParseOutcome {
  return { ok: false, reason, message };
}

/** What a body may be before any work is spent on it. */
export interface InputLimits {
  readonly maxBytes: number;
  readonly maxFields: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxBytes: DEFAULT_MAX_BODY_BYTES, maxFields: DEFAULT_MAX_FIELDS };

function tooManyFields(maxFields: number): ParseOutcome {
  return refuse(
    'too-many-fields',
    `The notification has more than ${maxFields} fields; a real one has about 40. Raise maxFields only if you are sure.`,
  );
}

function tooLarge(maxBytes: number): ParseOutcome {
  return refuse(
    'body-too-large',
    `The notification body is larger than ${maxBytes} bytes; a real notification is a few KB. Raise maxBodyBytes only if you are sure.`,
  );
}

/** UTF-8 length without encoding when the answer is obvious either way. */
function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return new TextEncoder().encode(text).length > maxBytes;
}

export function looksLikeJson(text: string): boolean {
  // trimStart also drops a byte-order mark (U+FEFF counts as white space).
  return text.trimStart().startsWith('{');
}

function uniqueOrRefused(collected: CollectedFields, format: ReceivedFormat, formText?: string): ParseOutcome {
  if (!collected.ok) {
    return refuse(
      'malformed-body',
      `The form body repeats ${describeNames(collected.duplicates)}; it is ambiguous which value was signed, so it is refused.`,
    );
  }
  return { ok: true, parsed: { format, fields: collected.fields, formText, renderedFields: [] } };
}

/**
 * Parses a form body once with the URL standard's decoding (`+` is a space, `%xx` decoded once):
 * the fast path for the usual body (parse-form-fast.ts), else the standard's parser on bytes
 * (parse-form-bytes.ts); both agree with URLSearchParams. `plusIsSpace: false` exists only to
 * test a diagnosis.
 */
export function parseFormText(text: string, plusIsSpace = true): ParseOutcome {
  const flat = (plusIsSpace ? splitFormFast(text) : undefined) ?? splitFormBytes(text, plusIsSpace);
  return uniqueOrRefused(collectFlat(flat), 'form', text);
}

/** The text a non-string value is signed as; its exact source text is no longer available. */
function renderValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return '';
  return undefined;
}

function nestedRefusal(nested: readonly string[]): ParseOutcome {
  return refuse(
    'malformed-body',
    `The fields ${describeNames(nested)} are objects or arrays, not the strings that were signed: a parser ` +
      `nested them (e.g. express.urlencoded({ extended: true }) / qs) or merged repeated keys. Pass the raw ` +
      `body instead (express.raw({ type: '*/*' }) or express.text({ type: '*/*' }) for this route).`,
  );
}

/** Without `refuseNested`, nested values are signed as JSON.stringify (a JSON body); a record's are refused. */
function fromObject(object: object, format: ReceivedFormat, refuseNested?: (nested: readonly string[]) => ParseOutcome): ParseOutcome {
  const entries: [string, string][] = [];
  const renderedFields: string[] = [];
  const nested: string[] = [];
  for (const name of Object.keys(object)) {
    const value: unknown = (object as Record<string, unknown>)[name];
    const text = renderValue(value);
    if (text !== undefined) {
      if (typeof value !== 'string') renderedFields.push(name);
      entries.push([name, text]);
    } else if (!refuseNested) {
      renderedFields.push(name);
      entries.push([name, JSON.stringify(value) ?? '']);
    } else {
      nested.push(name);
    }
  }
  if (refuseNested && nested.length > 0) return refuseNested(nested);
  return { ok: true, parsed: { format, fields: fieldSetOf(entries), renderedFields } };
}

function parseJsonText(text: string): ParseOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('malformed-body', 'The body starts like JSON but is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('malformed-body', 'The JSON body is not an object of fields.');
  }
  return fromObject(value, 'json');
}

function parseText(text: string, limits: InputLimits, kind: 'form' | 'json' | 'sniff'): ParseOutcome {
  if (exceedsBytes(text, limits.maxBytes)) return tooLarge(limits.maxBytes);
  if (text.startsWith('[object ')) {
    return refuse(
      'malformed-body',
      `The body is the text ${JSON.stringify(text.slice(0, 20))}: an already-parsed object was turned back into a string. ` +
        'Pass the raw body as received (express.raw / express.text for this route), or the parsed record itself.',
    );
  }
  const json = kind === 'json' || (kind === 'sniff' && looksLikeJson(text));
  if (!json) return formHasTooManyFields(text, limits.maxFields) ? tooManyFields(limits.maxFields) : parseFormText(text);
  const problem = jsonShapeProblem(text, limits.maxFields);
  if (problem === 'too-many-fields') return tooManyFields(limits.maxFields);
  if (problem === 'too-deep') {
    return refuse('malformed-body', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels; a notification is a flat object of fields.`);
  }
  return parseJsonText(text);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function parseBytes(bytes: Uint8Array, limits: InputLimits, kind: 'form' | 'json' | 'sniff'): ParseOutcome {
  if (bytes.byteLength > limits.maxBytes) return tooLarge(limits.maxBytes);
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return refuse('malformed-body', 'The body is not valid UTF-8; the platform sends UTF-8 (was it re-encoded as GBK?).');
  }
  return parseText(text, limits, kind);
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Which parser a content type asks for; undefined when it is not a notification body at all. */
export function bodyKindFor(contentType: string): 'json' | 'sniff' | undefined {
  if (contentType === 'application/json' || contentType.endsWith('+json')) return 'json';
  // The platform sends form bodies; some proxies drop or rewrite the type, so sniff for JSON.
  if (contentType === '' || contentType === 'application/x-www-form-urlencoded' || contentType === 'text/plain') {
    return 'sniff';
  }
  return undefined;
}

export async function parseRequest(request: Request, limits: InputLimits): Promise<ParseOutcome> {
  const type = mediaType(request);
  const kind = bodyKindFor(type);
  if (kind === undefined) {
    return refuse(
      'unsupported-content-type',
      `Content-Type ${JSON.stringify(type.slice(0, 80))} is not a notification body; the platform sends application/x-www-form-urlencoded (JSON from older systems).`,
    );
  }
  const body = await readBodyWithLimit(request, limits.maxBytes);
  if (!body.ok) {
    return body.problem === 'too-large'
      ? tooLarge(limits.maxBytes)
      : refuse('malformed-body', 'The request body could not be read (was it already consumed by other code?).');
  }
  return parseBytes(body.bytes, limits, kind);
}

function isURLSearchParams(value: object): value is URLSearchParams {
  return value instanceof URLSearchParams || Object.prototype.toString.call(value) === '[object URLSearchParams]';
}

function isRequest(value: object): value is Request {
  return typeof Request !== 'undefined' && value instanceof Request;
}

function parseSearchParams(params: URLSearchParams, limits: InputLimits): ParseOutcome {
  // Already decoded once by whoever built it: keep the pairs, refuse repeats like a raw body.
  if (paramsHaveTooManyFields(params, limits.maxFields)) return tooManyFields(limits.maxFields);
  if (exceedsBytes(params.toString(), limits.maxBytes)) return tooLarge(limits.maxBytes);
  return uniqueOrRefused(collectFields(params), 'decoded-fields');
}

function totalLength(object: object): number {
  let total = 0;
  for (const name of Object.keys(object)) {
    const value: unknown = (object as Record<string, unknown>)[name];
    total += name.length + (typeof value === 'string' ? value.length : 16);
  }
  return total;
}

/**
 * Turns any accepted input into unique, once-decoded fields, or says why it cannot. Synchronous
 * except for a Request, whose body has to be read: a verification need not wait a microtask.
 */
export function parseNotificationInput(input: NotificationInput, limits: InputLimits): ParseOutcome | Promise<ParseOutcome> {
  if (typeof input === 'string') return parseText(input, limits, 'sniff');
  if (input instanceof Uint8Array) return parseBytes(input, limits, 'sniff');
  if (input instanceof ArrayBuffer) return parseBytes(new Uint8Array(input), limits, 'sniff');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse('malformed-body', 'Pass the raw body (string or bytes), URLSearchParams, a Request, or a record of strings.');
  }
  if (isRequest(input)) return parseRequest(input, limits);
  if (isURLSearchParams(input)) return parseSearchParams(input, limits);
  if (recordHasTooManyFields(input, limits.maxFields)) return tooManyFields(limits.maxFields);
  if (totalLength(input) > limits.maxBytes) return tooLarge(limits.maxBytes);
  return fromObject(input, 'decoded-fields', nestedRefusal);
}
