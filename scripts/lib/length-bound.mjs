// Parses the 最大长度 column of a ChinaUMS page: `15`, `6..32`, `<=64`, `⇐32`, `≤32`, `-`.

/** @typedef {{ min: number | null, max: number | null, raw: string }} LengthBound */

const RANGE = /^(\d+)\s*(?:\.\.|~|-)\s*(\d+)$/;
const AT_MOST = /^(?:<=|⇐|≤|＜=)\s*(\d+)$/;
const PLAIN = /^\d+$/;

/**
 * True when `token` is written like a length cell (so a row parser can tell it from a description).
 * @param {string} token
 * @returns {boolean}
 */
export function isLengthToken(token) {
  return token === '-' || token === '—' || PLAIN.test(token) || RANGE.test(token) || AT_MOST.test(token);
}

/**
 * @param {string} token a length cell; `-` or empty means "no bound given"
 * @returns {LengthBound | null} null when the page gives no bound
 */
export function parseLength(token) {
  const raw = token.trim();
  if (raw === '' || raw === '-' || raw === '—') return null;
  const range = RANGE.exec(raw);
  if (range) return { min: Number(range[1]), max: Number(range[2]), raw };
  const atMost = AT_MOST.exec(raw);
  if (atMost) return { min: null, max: Number(atMost[1]), raw };
  // The column is "maximum length", so a bare number bounds only the maximum.
  if (PLAIN.test(raw)) return { min: null, max: Number(raw), raw };
  return null;
}

/**
 * @param {LengthBound | null} bound
 * @returns {string}
 */
export function formatLength(bound) {
  if (!bound) return '-';
  if (bound.min !== null && bound.max !== null) return `${bound.min}..${bound.max}`;
  if (bound.max !== null) return `<=${bound.max}`;
  if (bound.min !== null) return `>=${bound.min}`;
  return '-';
}
