// Decides whether a page's type word and the spec's schema describe the same thing. ChinaUMS
// pages say `number` for amounts in fen (spec: integer), `Date` for formatted timestamps (spec:
// a string with a date pattern), and `string` for fields that carry JSON text.

/** @typedef {import('./spec-fields.mjs').SpecField} SpecField */
/** @typedef {import('./page-types.mjs').PageType} PageType */

/**
 * @param {SpecField} field
 * @returns {string} the spec side as a short label (`integer`, `string(json)`, `string(date)`)
 */
export function specTypeLabel(field) {
  const base = field.types.length > 0 ? field.types.filter((t) => t !== 'null').join('|') : 'any';
  if (field.jsonString) return `${base}(json)`;
  if (field.types.includes('string') && isDateString(field)) return `${base}(date)`;
  return base;
}

/**
 * @param {SpecField} field
 * @returns {boolean}
 */
function isDateString(field) {
  const { format, pattern } = field.schema;
  if (format === 'date' || format === 'date-time') return true;
  return typeof pattern === 'string' && /\\d\{4\}|\[0-9\]\{4\}/.test(pattern);
}

/**
 * Digits-only patterns (`^\d+$`, `^[0-9]{1,12}$`, `^-?\d+(\.\d+)?$`) mark a number sent as text,
 * which is how a form-encoded notification carries amounts.
 * @param {SpecField} field
 * @returns {boolean}
 */
function isNumericString(field) {
  const { pattern } = field.schema;
  if (typeof pattern !== 'string' || !/\\d|\[0-9\]/.test(pattern)) return false;
  const rest = pattern.replace(/^\^|\$$/g, '').replace(/\\d|\[0-9\]|\\\./g, '').replace(/[+*?{}0-9,()|-]/g, '');
  return rest === '';
}

/**
 * @param {{ type: PageType, children: unknown[] }} page
 * @param {SpecField} spec
 * @returns {{ ok: boolean, note: string }} note explains a match that is not literal
 */
export function matchType(page, spec) {
  const t = spec.types;
  if (t.length === 0) return { ok: true, note: 'spec gives no type' };
  const has = (/** @type {string} */ name) => t.includes(name);
  switch (page.type) {
    case 'string':
      // x-json-string: the wire carries JSON text and the schema describes the parsed value.
      if (spec.jsonString) return { ok: true, note: 'JSON text (x-json-string)' };
      if (page.children.length > 0 && has('string')) {
        return { ok: false, note: 'page lists sub-fields inside this string (JSON text); spec lacks x-json-string' };
      }
      return { ok: has('string'), note: '' };
    case 'number':
    case 'integer':
      if (has('integer') || has('number')) return { ok: true, note: '' };
      if (has('string') && isNumericString(spec)) return { ok: true, note: 'number sent as digits (string pattern)' };
      return { ok: false, note: '' };
    case 'date':
      if (has('string') && isDateString(spec)) return { ok: true, note: 'date as formatted string' };
      return { ok: false, note: has('string') ? 'spec string has no date pattern or format' : '' };
    case 'boolean':
      return { ok: has('boolean'), note: '' };
    case 'object':
    case 'array':
      if (has(page.type)) return { ok: true, note: spec.jsonString ? 'JSON text (x-json-string)' : '' };
      if (spec.jsonString) return { ok: true, note: 'JSON text (x-json-string)' };
      return { ok: false, note: '' };
    default:
      return { ok: false, note: '' };
  }
}
