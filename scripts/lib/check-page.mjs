// Checks one saved page against the bundled spec and returns a plain result object that both
// the text report and --json print.

import { readFileSync } from 'node:fs';
import { parsePage, PageParseError } from './page-parser.mjs';
import { findTarget } from './spec-fields.mjs';
import { compareTable } from './compare-fields.mjs';

/** @typedef {import('./schema-walk.mjs').Json} Json */
/** @typedef {import('./compare-fields.mjs').FieldRow} FieldRow */
/** @typedef {import('./compare-fields.mjs').ExtraRow} ExtraRow */
/**
 * @typedef {object} PageResult
 * @property {string} file
 * @property {'ok' | 'drift' | 'unparseable'} status
 * @property {string} title
 * @property {string} endpoint `POST /v1/netpay/query`, or `(no endpoint: notification)`
 * @property {string} target the spec operation or webhook, '' when none matches
 * @property {FieldRow[]} fields
 * @property {ExtraRow[]} extras spec fields the page does not list (informational)
 * @property {string[]} problems page-level drift (no operation for the path...)
 * @property {{ line: number, text: string, reason: string } | null} error why the page did not parse
 */

/**
 * @param {Json} doc
 * @param {string} file
 * @returns {PageResult}
 */
export function checkPage(doc, file) {
  /** @type {PageResult} */
  const result = { file, status: 'ok', title: '', endpoint: '', target: '', fields: [], extras: [], problems: [], error: null };
  let page;
  try {
    page = parsePage(readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof PageParseError) result.error = { line: err.line, text: err.text, reason: err.reason };
    else result.error = { line: 0, text: '', reason: err instanceof Error ? err.message : String(err) };
    result.status = 'unparseable';
    return result;
  }
  result.title = page.title;
  result.endpoint = page.path === null ? '(no endpoint: notification)' : `${page.method} ${page.path}`;
  const target = findTarget(doc, page);
  if (!target) {
    result.problems.push(page.path === null ? 'spec has no notification webhook (webhooks.paymentNotification)' : `spec has no operation for ${page.method} ${page.path}`);
    result.status = 'drift';
    return result;
  }
  result.target = target.label;
  for (const [section, fields, schema, examples] of /** @type {const} */ ([
    ['request', page.request, target.request, target.requestExamples],
    ['response', page.response, target.response, target.responseExamples],
  ])) {
    if (!fields || fields.length === 0) continue;
    if (!schema) result.problems.push(`spec ${target.label} has no ${section} schema for the page's ${section} table`);
    const cmp = compareTable(doc, section, fields, schema, examples);
    result.fields.push(...cmp.rows);
    result.extras.push(...cmp.extras);
  }
  if (result.problems.length > 0 || result.fields.some((f) => f.drift.length > 0)) result.status = 'drift';
  return result;
}
