// Which page values look like enumeration codes (SUCCESS, TRADE_CLOSED, Order_Paid), as opposed
// to identifiers, amounts or dates that merely illustrate a field.

const UPPER_CODE = /^[A-Z][A-Z]+(?:_[A-Z0-9]+)*$/;
const SNAKE_CODE = /^[A-Za-z][A-Za-z]*(?:_[A-Za-z0-9]+)+$/;
// `DEBIT_CARD(借记卡);` / `DEBIT_CARD：借记卡` / `01-微信` inside a multi-line description cell.
const ENUM_LINE = /^([A-Za-z0-9][A-Za-z0-9_]*)\s*(?:[(（:：=]|-\s*\S)/;

/**
 * @param {string} value
 * @returns {boolean}
 */
export function isEnumLike(value) {
  return UPPER_CODE.test(value) || SNAKE_CODE.test(value);
}

/**
 * @param {string} line one continuation line of a description cell
 * @returns {string | null} the code it documents, if the line reads like `CODE(meaning)`
 */
export function enumFromLine(line) {
  const m = ENUM_LINE.exec(line.trim());
  return m && m[1] ? m[1] : null;
}
