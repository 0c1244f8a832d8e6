// Reads one parameter table: rows, nesting by indentation, and cells that continue on the
// following lines (errCode's 平台错误码/业务错误码, cardAttr's enum lines, a trailing example).

import { parsePipeRow, parseSpaceRow, pipeColumns, splitPipes, isValueToken } from './page-row.mjs';
import { enumFromLine, isEnumLike } from './enum-like.mjs';
import { indentOf } from './page-text.mjs';
import { PageParseError } from './page-error.mjs';

/** @typedef {import('./page-row.mjs').RowCells} RowCells */
/** @typedef {import('./page-row.mjs').PipeColumns} PipeColumns */
/**
 * @typedef {RowCells & { line: number, enumValues: string[], children: PageField[] }} PageField
 * enumValues: enum-like values the page shows for the field (example column and enum lines).
 */
/** @typedef {{ no: number, text: string }} Line */

/** Headings that end a table even without a blank line before them (pipe pages have none). */
export const HEADINGS = new Set(['请求参数', '响应参数', '请求示例', '响应示例', '错误码', '请求头', '响应头', 'URL', '返回码', '公共参数']);

/**
 * @param {string} text a normalized, trimmed line
 * @returns {boolean}
 */
export function isTableHeader(text) {
  return /^\|?\s*(名称|参数|字段)/.test(text) && text.includes('类型');
}

/**
 * @param {Line[]} lines the page, normalized
 * @param {number} headerIndex index of the header line in `lines`
 * @returns {{ fields: PageField[], end: number }} end: index of the first line after the table
 */
export function parseTable(lines, headerIndex) {
  const header = lines[headerIndex]?.text.trim() ?? '';
  const pipe = header.includes('|');
  /** @type {PipeColumns | null} */
  const columns = pipe ? pipeColumns(splitPipes(header)) : null;
  if (pipe && !columns) throw new PageParseError('table header has no 名称/类型 columns', lines[headerIndex]);
  /** @type {PageField[]} */
  const roots = [];
  /** @type {{ width: number, field: PageField }[]} */
  const stack = [];
  /** @type {PageField | null} */
  let last = null;
  /** @type {string[]} */
  let pending = [];
  let rootWidth = -1;
  let i = headerIndex + 1;
  for (; i < lines.length; i += 1) {
    const line = /** @type {Line} */ (lines[i]);
    const trimmed = line.text.trim();
    if (HEADINGS.has(trimmed)) break;
    if (trimmed === '') {
      // A blank line ends the table unless more rows follow it (a stray blank inside a pasted
      // table must not silently drop the rows after it).
      if (!rowFollows(lines, i + 1, pipe, columns)) break;
      continue;
    }
    if (pipe && /^\|?\s*:?-{3,}/.test(trimmed)) continue; // the |---|---| separator
    const result = pipe && columns && trimmed.includes('|')
      ? parsePipeRow(splitPipes(line.text), columns)
      : parseSpaceRow(trimmed);
    if (result.kind === 'bad') throw new PageParseError(result.reason, line);
    if (result.kind === 'text') {
      if (!last) throw new PageParseError('expected a parameter row (名称 类型 ...) after the table header', line);
      pending.push(trimmed);
      continue;
    }
    if (last) finishCell(last, pending);
    pending = [];
    const field = { ...result.cells, line: line.no, enumValues: [], children: [] };
    const width = indentOf(line.text);
    if (rootWidth < 0) rootWidth = width;
    if (width < rootWidth) throw new PageParseError(`row is indented less (${width}) than the table's first row (${rootWidth})`, line);
    while (stack.length > 0 && (stack[stack.length - 1]?.width ?? 0) >= width) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent && width !== rootWidth) throw new PageParseError(`indentation ${width} matches no enclosing row (top level is ${rootWidth})`, line);
    const siblings = parent ? parent.field.children : roots;
    const sibling = siblings[0];
    if (parent && sibling && indentOfField(lines, sibling) !== width) {
      throw new PageParseError(`indentation ${width} differs from the sibling row "${sibling.name}" (${indentOfField(lines, sibling)})`, line);
    }
    siblings.push(field);
    stack.push({ width, field });
    last = field;
  }
  if (last) finishCell(last, pending);
  return { fields: roots, end: i };
}

/**
 * @param {Line[]} lines
 * @param {number} from
 * @param {boolean} pipe
 * @param {PipeColumns | null} columns
 * @returns {boolean} whether the next non-blank line is a parameter row
 */
function rowFollows(lines, from, pipe, columns) {
  for (let i = from; i < lines.length; i += 1) {
    const t = lines[i]?.text.trim() ?? '';
    if (t === '') continue;
    const r = pipe && columns && t.includes('|') ? parsePipeRow(splitPipes(t), columns) : parseSpaceRow(t);
    return r.kind === 'row';
  }
  return false;
}

/**
 * @param {Line[]} lines
 * @param {PageField} field
 * @returns {number}
 */
function indentOfField(lines, field) {
  const line = lines.find((l) => l.no === field.line);
  return line ? indentOf(line.text) : 0;
}

/**
 * Folds continuation lines into the row: a final lone value is the example column, lines like
 * `CODE(含义)` document enum values, the rest continue the description.
 * @param {PageField} field
 * @param {string[]} extra
 */
function finishCell(field, extra) {
  const rest = [...extra];
  const tail = rest[rest.length - 1];
  if (tail !== undefined && !tail.includes(' ') && isValueToken(tail) && field.example === '' && enumFromLine(tail) === null) {
    field.example = tail;
    rest.pop();
  }
  for (const text of rest) {
    const code = enumFromLine(text);
    if (code && !field.enumValues.includes(code)) field.enumValues.push(code);
  }
  if (rest.length > 0) field.description = [field.description, ...rest].filter((s) => s !== '').join(' ');
  if (field.example !== '' && isEnumLike(field.example) && !field.enumValues.includes(field.example)) {
    field.enumValues.push(field.example);
  }
}
