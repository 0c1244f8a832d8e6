/**
 * Turns values as the platform puts them on the wire into the types the spec declares:
 * amounts that arrive as numeric strings become numbers, and fields whose wire form is a
 * JSON-encoded string (`x-json-string` in the spec) become objects. Which paths to touch is
 * generated from the spec, so a new amount field needs a spec edit, not a code change.
 */

/** A path into a JSON value; `*` stands for every item of an array. */
export type FieldPath = readonly string[];

export interface WireFormatRules {
  /** Paths declared `integer` in the spec (amounts in fen, counts). */
  readonly integers: readonly FieldPath[];
  /** Paths declared `x-json-string`, shallowest first so nested rules apply after parsing. */
  readonly jsonStrings: readonly FieldPath[];
}

export interface WireFormatProblem {
  /** Dotted location, e.g. `billPayment` or `eventList.0.goodsList`. */
  readonly field: string;
  readonly problem: 'not-json' | 'not-an-integer';
}

const INTEGER_TEXT = /^-?\d{1,15}$/;

type Visit = (holder: Record<string, unknown>, key: string, value: unknown, location: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(node: unknown, path: FieldPath, depth: number, location: string, visit: Visit): void {
  const key = path[depth];
  if (key === undefined) return;
  const last = depth === path.length - 1;
  if (key === '*') {
    if (!Array.isArray(node)) return;
    node.forEach((item, i) => {
      // `*` is never last: the generator only emits paths that end in a property name.
      walk(item, path, depth + 1, `${location}.${i}`, visit);
    });
    return;
  }
  if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, key)) return;
  const here = location ? `${location}.${key}` : key;
  if (last) visit(node, key, node[key], here);
  else walk(node[key], path, depth + 1, here, visit);
}

/**
 * Applies the rules in place to a freshly parsed value (never to the caller's object) and
 * reports values that could not be converted; they are left as received so nothing is lost.
 */
export function applyWireFormats(value: unknown, rules: WireFormatRules): WireFormatProblem[] {
  const problems: WireFormatProblem[] = [];
  for (const path of rules.jsonStrings) {
    walk(value, path, 0, '', (holder, key, raw, field) => {
      if (typeof raw !== 'string') return;
      if (raw === '') {
        // An empty JSON-valued field means "absent"; dropping it keeps the object typed.
        delete holder[key];
        return;
      }
      try {
        holder[key] = JSON.parse(raw) as unknown;
      } catch {
        problems.push({ field, problem: 'not-json' });
      }
    });
  }
  for (const path of rules.integers) {
    walk(value, path, 0, '', (holder, key, raw, field) => {
      if (typeof raw !== 'string') return;
      const text = raw.trim();
      if (text === '') {
        delete holder[key];
      } else if (INTEGER_TEXT.test(text)) {
        holder[key] = Number(text);
      } else {
        problems.push({ field, problem: 'not-an-integer' });
      }
    });
  }
  return problems;
}
