// The field cap for JSON bodies, checked before JSON.parse (form bodies count theirs while they are
// split: form.ts). Without it a forged body of the allowed size but thousands of tiny fields cost
// ~500× a forged realistic notification (each name hashed into a record, sorted, joined and hashed
// several times over by the diagnosis). It only counts characters (indexOf, or one loop for unusual JSON).

/** JSON nesting accepted in a JSON body: notifications are flat, with at most a small object inside. */
export const MAX_JSON_DEPTH = 16;

export type ShapeProblem = 'too-many-fields' | 'too-deep';

/** Occurrences of `char` in `text`, counting no further than `limit + 1`. */
function countUpTo(text: string, char: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0 && count <= limit; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/**
 * Too many values (object members and array items at every depth: nested values are signed as
 * their JSON text, so their size counts too) or nesting deeper than MAX_JSON_DEPTH. Counting
 * characters bounds both (a member follows a `:`; an array item opens its array or follows a
 * `,`; a level opens with `{` or `[`), so the usual body needs no closer look; otherwise one
 * pass that skips string contents decides.
 */
export function jsonShapeProblem(text: string, maxFields: number): ShapeProblem | undefined {
  const arrays = countUpTo(text, '[', MAX_JSON_DEPTH);
  const levels = countUpTo(text, '{', MAX_JSON_DEPTH) + arrays;
  const members = countUpTo(text, ':', maxFields);
  const values = arrays === 0 ? members : members + arrays + countUpTo(text, ',', maxFields);
  return values <= maxFields && levels <= MAX_JSON_DEPTH ? undefined : scanJson(text, maxFields);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const WHITESPACE = /\s/;

function scanJson(text: string, maxFields: number): ShapeProblem | undefined {
  // Per open container: is it an array, and has it had an item yet (only arrays need to know).
  const isArray: boolean[] = [];
  let arrayEmpty = false;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    const inArray = isArray.length > 0 && isArray[isArray.length - 1] === true;
    // An array's first item is counted where it starts; later ones at their comma.
    if (inArray && arrayEmpty && c !== CLOSE_ARRAY && !WHITESPACE.test(text[i]!)) {
      arrayEmpty = false;
      if (++values > maxFields) return 'too-many-fields';
    }
    if (c === QUOTE) inString = true;
    else if (c === COLON || (c === COMMA && inArray)) {
      if (++values > maxFields) return 'too-many-fields';
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (isArray.push(c === OPEN_ARRAY) > MAX_JSON_DEPTH) return 'too-deep';
      arrayEmpty = c === OPEN_ARRAY;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      isArray.pop();
      arrayEmpty = false;
    }
  }
  return undefined;
}
