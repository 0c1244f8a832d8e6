// Small text helpers shared by the page parser's modules.

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Saved pages indent with NBSP+space pairs; fold every NBSP to a space and drop CR.
 * @param {string} line
 * @returns {string}
 */
export function normalizeLine(line) {
  return line.replace(/\r$/, '').replace(/\u00a0/g, ' ').replace(/\t/g, '   ');
}

/**
 * @param {string} text
 * @returns {boolean} true when the text holds Chinese (or full-width) characters
 */
export function hasCjk(text) {
  return CJK.test(text);
}

/**
 * @param {string} line an already normalized line
 * @returns {number} the width of its leading whitespace
 */
export function indentOf(line) {
  const m = /^ */.exec(line);
  return m ? m[0].length : 0;
}
