// Parses a ChinaUMS API page saved as text: its title, endpoint, and the request and response
// parameter tables (see page-table.mjs for rows, nesting and multi-line cells).

import { normalizeLine } from './page-text.mjs';
import { isTableHeader, parseTable, HEADINGS } from './page-table.mjs';
import { PageParseError } from './page-error.mjs';

export { PageParseError } from './page-error.mjs';

/** @typedef {import('./page-table.mjs').PageField} PageField */
/** @typedef {import('./page-table.mjs').Line} Line */
/**
 * @typedef {object} ParsedPage
 * @property {string} title e.g. 支付结果查询
 * @property {string | null} method e.g. POST; null for a notification page
 * @property {string | null} path URL path, e.g. /v1/netpay/query; null when the page has none
 * @property {string | null} url the production URL as written
 * @property {PageField[] | null} request null when the page has no request table
 * @property {PageField[] | null} response null when the page has no response table
 */

const ENDPOINT = /\b(POST|GET|PUT|DELETE|PATCH)\s+`*\s*(https?:\/\/[^\s`]+)/;

/**
 * @param {string} text the page as saved
 * @returns {ParsedPage}
 * @throws {PageParseError} naming the line that stopped the parse
 */
export function parsePage(text) {
  /** @type {Line[]} */
  const lines = text.split('\n').map((raw, i) => ({ no: i + 1, text: normalizeLine(raw) }));
  const urlIndex = lines.findIndex((l) => l.text.trim() === 'URL');
  if (urlIndex < 0) throw new PageParseError('no "URL" heading: cannot locate the title and endpoint', lines[0]);
  const title = findTitle(lines, urlIndex);
  const endpoint = findEndpoint(lines, urlIndex);
  const request = findTable(lines, '请求参数');
  const response = findTable(lines, '响应参数');
  if (request === null && response === null) {
    throw new PageParseError('no 请求参数 or 响应参数 table with a 名称 类型 ... header', lines[urlIndex]);
  }
  return { title, ...endpoint, request, response };
}

/**
 * The title is the last non-empty line above the URL heading (the code samples come before it).
 * @param {Line[]} lines
 * @param {number} urlIndex
 * @returns {string}
 */
function findTitle(lines, urlIndex) {
  for (let i = urlIndex - 1; i >= 0; i -= 1) {
    const t = lines[i]?.text.trim() ?? '';
    if (t !== '') return t;
  }
  throw new PageParseError('no title line above the "URL" heading', lines[urlIndex]);
}

/**
 * Prefers the 生产环境 line; a page whose URL lines carry no method and path (the payment
 * notification) yields nulls.
 * @param {Line[]} lines
 * @param {number} urlIndex
 * @returns {{ method: string | null, path: string | null, url: string | null }}
 */
function findEndpoint(lines, urlIndex) {
  /** @type {{ method: string, url: string, production: boolean }[]} */
  const found = [];
  for (let i = urlIndex + 1; i < lines.length; i += 1) {
    const t = lines[i]?.text.trim() ?? '';
    if (HEADINGS.has(t) || t.startsWith('描述')) break;
    const m = ENDPOINT.exec(t);
    if (m && m[1] && m[2]) found.push({ method: m[1], url: m[2], production: t.includes('生产') });
  }
  const chosen = found.find((f) => f.production) ?? found[0];
  if (!chosen) return { method: null, path: null, url: null };
  let path;
  try {
    path = new URL(chosen.url).pathname.replace(/\/+$/, '');
  } catch {
    return { method: null, path: null, url: null };
  }
  return path === '' ? { method: null, path: null, url: chosen.url } : { method: chosen.method, path, url: chosen.url };
}

/**
 * @param {Line[]} lines
 * @param {string} heading 请求参数 or 响应参数
 * @returns {PageField[] | null} null when the heading or its header line is absent
 */
function findTable(lines, heading) {
  const at = lines.findIndex((l) => l.text.trim() === heading);
  if (at < 0) return null;
  for (let i = at + 1; i < lines.length; i += 1) {
    const t = lines[i]?.text.trim() ?? '';
    if (t === '') continue;
    if (isTableHeader(t)) return parseTable(lines, i).fields;
    return null; // the heading is followed by something else: the page has no such table
  }
  return null;
}
