// Splits one parameter-table line into cells. Two page forms exist: space-separated rows whose
// empty cells are simply missing, and pipe tables (`name | type | 必填 | len | desc | example |`).

import { isLengthToken, parseLength } from './length-bound.mjs';
import { pageType } from './page-types.mjs';
import { hasCjk } from './page-text.mjs';

/** @typedef {import('./length-bound.mjs').LengthBound} LengthBound */
/** @typedef {import('./page-types.mjs').PageType} PageType */
/**
 * @typedef {object} RowCells
 * @property {string} name
 * @property {string} typeWord the type as written on the page
 * @property {PageType} type
 * @property {boolean | null} required null when the page leaves 必填 empty
 * @property {LengthBound | null} length
 * @property {string} description
 * @property {string} example '' when the row has none
 */
/** @typedef {{ kind: 'row', cells: RowCells } | { kind: 'text' } | { kind: 'bad', reason: string }} RowResult */

const NAME = /^[A-Za-z_$][A-Za-z0-9_$.-]*$/;
const FIELD_NAME = /^[a-z][A-Za-z0-9_]*$/;
const REQUIRED = new Map([
  ['是', true], ['否', false], ['Y', true], ['N', false], ['M', true], ['O', false], ['C', false],
  ['必填', true], ['选填', false], ['可选', false], ['true', true], ['false', false],
]);
const FORMAT_PATTERN = /y{2,}|M{2}|d{2}|H{2}|m{2}|s{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}$/;

/**
 * Space form: `name type [必填] [length] description... [example]`.
 * @param {string} text the row without its indentation
 * @returns {RowResult}
 */
export function parseSpaceRow(text) {
  const tokens = text.split(/ +/).filter((t) => t !== '');
  const [name = '', typeWord = ''] = tokens;
  const type = pageType(typeWord);
  if (!NAME.test(name) || type === null) return classifyNonRow(name, typeWord, tokens.length);
  let i = 2;
  /** @type {boolean | null} */
  let required = null;
  const req = REQUIRED.get(tokens[i] ?? '');
  if (req !== undefined) {
    required = req;
    i += 1;
  }
  /** @type {LengthBound | null} */
  let length = null;
  if (tokens[i] !== undefined && isLengthToken(tokens[i] ?? '')) {
    length = parseLength(tokens[i] ?? '');
    i += 1;
  }
  const { description, example } = splitExample(tokens.slice(i));
  return { kind: 'row', cells: { name, typeWord, type, required, length, description, example } };
}

/**
 * A line that is not a row is either text continuing the previous cell, or a row gone wrong.
 * Reporting the latter beats silently folding a field into its neighbour's description.
 * @param {string} first
 * @param {string} second
 * @param {number} count
 * @returns {RowResult}
 */
function classifyNonRow(first, second, count) {
  if (count >= 2 && FIELD_NAME.test(first) && first.length > 1 && /^[A-Za-z]+$/.test(second)) {
    return { kind: 'bad', reason: `unknown type "${second}" for field "${first}"` };
  }
  if (count >= 2 && FIELD_NAME.test(first) && first.length > 1 && !hasCjk(first) && isLengthToken(second)) {
    return { kind: 'bad', reason: `field "${first}" has no type` };
  }
  return { kind: 'text' };
}

/**
 * The example column is the trailing token when it reads like a value: no Chinese, not a
 * `yyyy-MM-dd` format hint, and something must remain for the description. A date followed by
 * a time is one example.
 * @param {string[]} rest
 * @returns {{ description: string, example: string }}
 */
export function splitExample(rest) {
  const n = rest.length;
  const last = rest[n - 1] ?? '';
  const prev = rest[n - 2] ?? '';
  if (n >= 3 && TIME.test(last) && DATE.test(prev)) {
    return { description: rest.slice(0, n - 2).join(' '), example: `${prev} ${last}` };
  }
  if (n >= 2 && isValueToken(last)) return { description: rest.slice(0, n - 1).join(' '), example: last };
  return { description: rest.join(' '), example: '' };
}

/**
 * @param {string} token
 * @returns {boolean}
 */
export function isValueToken(token) {
  return token !== '' && !hasCjk(token) && !FORMAT_PATTERN.test(token) && !/[\\,;(（]$/.test(token);
}

/**
 * Pipe form. `columns` maps header names to cell positions, so a page may drop or reorder
 * columns; surplus cells (a `|` inside a description) are folded back into the description.
 * @param {string[]} cells the row's cells, trimmed, trailing empty cell removed
 * @param {PipeColumns} columns
 * @returns {RowResult}
 */
export function parsePipeRow(cells, columns) {
  const name = (cells[columns.name] ?? '').trim();
  const typeWord = (cells[columns.type] ?? '').trim();
  const type = pageType(typeWord);
  if (!NAME.test(name) || type === null) {
    if (cells.length >= 2 && NAME.test(name)) return { kind: 'bad', reason: `unknown type "${typeWord}" for field "${name}"` };
    return { kind: 'text' };
  }
  const extra = Math.max(0, cells.length - columns.count);
  const at = (/** @type {number} */ index) => (index < 0 ? '' : (cells[index] ?? '').trim());
  const descEnd = columns.description < 0 ? -1 : columns.description + extra;
  const description = columns.description < 0 ? '' : cells.slice(columns.description, descEnd + 1).join(' | ').trim();
  const exampleIndex = columns.example < 0 ? -1 : columns.example + extra;
  const req = REQUIRED.get(at(columns.required));
  return {
    kind: 'row',
    cells: {
      name,
      typeWord,
      type,
      required: req === undefined ? null : req,
      length: parseLength(at(columns.length)),
      description,
      example: at(exampleIndex),
    },
  };
}

/**
 * @typedef {{ name: number, type: number, required: number, length: number, description: number, example: number, count: number }} PipeColumns
 */

/**
 * @param {string[]} headerCells
 * @returns {PipeColumns | null} null when the header lacks 名称 or 类型
 */
export function pipeColumns(headerCells) {
  const find = (/** @type {RegExp} */ re) => headerCells.findIndex((c) => re.test(c.trim()));
  const columns = {
    name: find(/^(名称|参数|字段|参数名|字段名)/),
    type: find(/^类型/),
    required: find(/^(必填|是否必填|必选)/),
    length: find(/长度/),
    description: find(/^(描述|说明|含义)/),
    example: find(/^示例/),
    count: headerCells.length,
  };
  return columns.name < 0 || columns.type < 0 ? null : columns;
}

/**
 * @param {string} line
 * @returns {string[]} cells of a `a | b | c |` line, without the empty cell after a closing pipe
 */
export function splitPipes(line) {
  const cells = line.trim().replace(/^\|/, '').split('|').map((c) => c.trim());
  if (line.trim().endsWith('|')) cells.pop();
  return cells;
}
