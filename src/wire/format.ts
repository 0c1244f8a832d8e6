/**
 * Turns values as the platform puts them on the wire into the types the spec declares:
 * amounts that arrive as numeric strings become numbers, and fields whose wire form is a
 * JSON-encoded string (`x-json-string` in the spec) become objects. Which paths to touch is
 * generated from the spec, so a new amount field needs a spec edit, not a code change.
 */

import type { FieldPath, WireFormatRules } from '../../generated/operations.js';

// The rule types are generated with the table that holds the rules; generated/ never imports src/.
export type { FieldPath, WireFormatRules };

export interface WireFormatProblem {
  /** Dotted location, e.g. `billPayment` or `eventList.0.goodsList`. */
  readonly field: string;
  readonly problem: 'not-json' | 'not-an-integer';
}

const INTEGER_TEXT = /^-?\d{1,15}$/;

type Rule = 'json' | 'integer';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts one value in place; false when it has the wrong form (then it is left out: no typed value is better than a wrong one). */
function convert(holder: Record<string, unknown>, key: string, raw: unknown, rule: Rule): boolean {
  if (typeof raw !== 'string') return true;
  if (rule === 'json') {
    if (raw === '') {
      // An empty JSON-valued field means "absent"; dropping it keeps the object typed.
      delete holder[key];
      return true;
    }
    try {
      holder[key] = JSON.parse(raw) as unknown;
      return true;
    } catch {
      delete holder[key];
      return false;
    }
  }
  const text = raw.trim();
  if (text === '') delete holder[key];
  else if (INTEGER_TEXT.test(text)) holder[key] = Number(text);
  else {
    // "1.00" is not reinterpreted as 1 (or 100): the unit is not ours to guess.
    delete holder[key];
    return false;
  }
  return true;
}

// Bounded by the path's length (the generator emits finite paths); no closures or location strings
// on the way, since this runs over every field rule of every response.
function walk(node: unknown, path: FieldPath, depth: number, rule: Rule, trail: (string | number)[], problems: WireFormatProblem[]): void {
  const key = path[depth];
  if (key === undefined) return;
  if (key === '*') {
    if (!Array.isArray(node)) return;
    // `*` is never last: the generator only emits paths that end in a property name.
    for (let i = 0; i < node.length; i++) {
      trail.push(i);
      walk(node[i], path, depth + 1, rule, trail, problems);
      trail.pop();
    }
    return;
  }
  if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, key)) return;
  trail.push(key);
  if (depth === path.length - 1) {
    if (!convert(node, key, node[key], rule)) problems.push({ field: trail.join('.'), problem: rule === 'json' ? 'not-json' : 'not-an-integer' });
  } else {
    walk(node[key], path, depth + 1, rule, trail, problems);
  }
  trail.pop();
}

/**
 * Applies the rules in place to a freshly parsed value (never to the caller's object) and
 * reports values that could not be converted. Those are removed from the value: the caller keeps
 * the text as received (a notification's `raw`, an answer's body), so nothing is lost.
 */
export function applyWireFormats(value: unknown, rules: WireFormatRules): WireFormatProblem[] {
  const problems: WireFormatProblem[] = [];
  const trail: (string | number)[] = [];
  for (const path of rules.jsonStrings) walk(value, path, 0, 'json', trail, problems);
  for (const path of rules.integers) walk(value, path, 0, 'integer', trail, problems);
  return problems;
}
