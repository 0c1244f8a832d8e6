/**
 * Reading what the platform sends (answers, notifications): its word, never refused. Values are
 * converted to their typed form where they convert; one that does not (an amount that is not an
 * integer of fen, a JSON string that does not parse, a value of the wrong JSON type) is left out
 * of the typed object (the caller keeps the text as received) and listed as a problem, as is any
 * value outside what the pages document (an unknown enum value, a longer string, another format).
 */
import type { ReceivedValidateFunction, ValidationError } from '../../generated/validators/types.js';
import { applyWireFormats, type WireFormatRules } from './format.js';
import { describeSchemaProblem } from './validation-message.js';

/** One received value that is not what the spec documents. Names the field, never quotes the value. */
export interface ReceivedProblem {
  /** JSON pointer into the received object, e.g. `/status` or `/billPayment/totalAmount`. */
  readonly instancePath: string;
  /**
   * What is unfamiliar: `enum` (a value outside the documented set), `maxLength`, `pattern`, … (the
   * schema keyword), or, for a value left out of the typed object, `integer` (not an integer of
   * fen), `json` (a JSON string that does not parse) or `type` (another JSON type).
   */
  readonly keyword: string;
  readonly message: string;
  /** True when the value was left out of the typed object (it is still in the raw text/fields). */
  readonly leftOut: boolean;
}

function pointer(error: ValidationError): string {
  const missing = error.params['missingProperty'];
  return error.keyword === 'required' && typeof missing === 'string' ? `${error.instancePath}/${missing}` : error.instancePath;
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Removes the value at a JSON pointer when its parent is an object; false when it cannot. */
function leaveOut(root: unknown, path: string): boolean {
  const segments = path.split('/').slice(1).map(unescapeSegment);
  const last = segments.pop();
  if (last === undefined) return false;
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  return delete (node as Record<string, unknown>)[last];
}

/**
 * Converts `value` in place (a fresh copy, never the caller's object) and lists its problems.
 * Without `validate` only the wire formats are checked (amounts, JSON strings).
 */
export function readReceived(value: Record<string, unknown>, rules: WireFormatRules, validate?: ReceivedValidateFunction): ReceivedProblem[] {
  const problems: ReceivedProblem[] = applyWireFormats(value, rules).map((p) => ({
    instancePath: `/${p.field.replace(/\./g, '/')}`,
    keyword: p.problem === 'not-json' ? 'json' : 'integer',
    message: p.problem === 'not-json' ? 'is not valid JSON, so it was left out' : 'is not an integer amount in fen, so it was left out',
    leftOut: true,
  }));
  if (!validate || validate(value)) {
    for (const error of validate?.problems ?? []) problems.push({ instancePath: pointer(error), keyword: error.keyword, message: describeSchemaProblem(error), leftOut: false });
    return problems;
  }
  // Read both lists before leaving values out: the validator is not run again.
  const known = validate.problems ?? [];
  for (const error of validate.errors ?? []) {
    const path = pointer(error);
    const leftOut = error.keyword === 'type' && leaveOut(value, path);
    problems.push({ instancePath: path, keyword: error.keyword, message: `${describeSchemaProblem(error)}${leftOut ? ', so it was left out' : ''}`, leftOut });
  }
  for (const error of known) {
    // A problem inside a value that was left out is moot: that value is no longer in the object.
    if (problems.some((p) => p.leftOut && (error.instancePath === p.instancePath || error.instancePath.startsWith(`${p.instancePath}/`)))) continue;
    problems.push({ instancePath: pointer(error), keyword: error.keyword, message: describeSchemaProblem(error), leftOut: false });
  }
  return problems;
}

/** `status is not one of the documented values (…); totalAmount …` for logs and refusals. */
export function describeReceivedProblems(problems: readonly ReceivedProblem[], limit = 5): string {
  const shown = problems.slice(0, limit).map((p) => `${p.instancePath.slice(1).replace(/\//g, '.') || '(body)'} ${p.message}`);
  return `${shown.join('; ')}${problems.length > limit ? ` and ${problems.length - limit} more` : ''}`;
}
