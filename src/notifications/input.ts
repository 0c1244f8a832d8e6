// What verifyNotification accepts besides a body: a Request (read with the size limit), the
// URLSearchParams or the record someone already parsed. The endpoints never need this file.
import { readBodyWithLimit } from '../wire/limited-body.js';
import { collectFields, describeNames } from './fields.js';
import type { InputLimits, ParseOutcome } from './parse.js';
import { bodyKindFor, fromObject, parseBody, refuse, tooLarge, tooManyFields, uniqueOrRefused, unreadable, unsupportedContentType } from './parse.js';
import type { NotificationInput } from './types.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_FIELDS } from './types.js';

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxBytes: DEFAULT_MAX_BODY_BYTES, maxFields: DEFAULT_MAX_FIELDS };

function nestedRefusal(nested: readonly string[]): ParseOutcome {
  return refuse(
    'malformed-body',
    `The fields ${describeNames(nested)} are objects or arrays, not the strings that were signed: a parser ` +
      `nested them (e.g. express.urlencoded({ extended: true }) / qs) or merged repeated keys. Pass the raw ` +
      `body instead (express.raw({ type: '*/*' }) or express.text({ type: '*/*' }) for this route).`,
  );
}

async function parseRequest(request: Request, limits: InputLimits): Promise<ParseOutcome> {
  const contentType = request.headers.get('content-type');
  const kind = bodyKindFor(contentType);
  if (kind === undefined) return unsupportedContentType(contentType);
  const body = await readBodyWithLimit(request, limits.maxBytes);
  if (!body.ok) return body.problem === 'too-large' ? tooLarge(limits.maxBytes) : unreadable();
  return parseBody(body.bytes, kind, limits);
}

function isURLSearchParams(value: object): value is URLSearchParams {
  return value instanceof URLSearchParams || Object.prototype.toString.call(value) === '[object URLSearchParams]';
}

function isRequest(value: object): value is Request {
  return typeof Request !== 'undefined' && value instanceof Request;
}

function parseSearchParams(params: URLSearchParams, limits: InputLimits): ParseOutcome {
  // Already decoded once by whoever built it: keep the pairs, refuse repeats like a raw body.
  let count = 0;
  for (const _ of params.keys()) if (++count > limits.maxFields) return tooManyFields(limits.maxFields);
  if (params.toString().length > limits.maxBytes) return tooLarge(limits.maxBytes);
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
  if (typeof input === 'string' || input instanceof Uint8Array) return parseBody(input, 'sniff', limits);
  if (input instanceof ArrayBuffer) return parseBody(new Uint8Array(input), 'sniff', limits);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse('malformed-body', 'Pass the raw body (string or bytes), URLSearchParams, a Request, or a record of strings.');
  }
  if (isRequest(input)) return parseRequest(input, limits);
  if (isURLSearchParams(input)) return parseSearchParams(input, limits);
  if (Object.keys(input).length > limits.maxFields) return tooManyFields(limits.maxFields);
  if (totalLength(input) > limits.maxBytes) return tooLarge(limits.maxBytes);
  return fromObject(input, 'decoded-fields', nestedRefusal);
}
