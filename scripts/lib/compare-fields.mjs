// Field-by-field comparison of a page table with a spec schema. Drift is what the spec fails to
// cover (a missing field, another type, another length, an undocumented enum value); spec fields
// the page does not list are reported as information only.

import { fieldsOf, childSchemaOf } from './spec-fields.mjs';
import { matchType, specTypeLabel } from './type-match.mjs';
import { documentedValues, childValues } from './spec-values.mjs';
import { formatLength } from './length-bound.mjs';

/** @typedef {import('./schema-walk.mjs').Json} Json */
/** @typedef {import('./page-table.mjs').PageField} PageField */
/** @typedef {import('./spec-fields.mjs').SpecField} SpecField */
/** @typedef {'missing' | 'removed' | 'type' | 'length' | 'enum'} DriftKind */
/** @typedef {{ kind: DriftKind, message: string }} Drift */
/**
 * @typedef {object} FieldRow
 * @property {string} section request | response
 * @property {string} path e.g. eventList[].flowId
 * @property {number} line page line of the row
 * @property {string} pageType
 * @property {string} pageLength
 * @property {string} specType '' when the spec lacks the field
 * @property {string} specLength
 * @property {Drift[]} drift
 * @property {string[]} notes
 */
/** @typedef {{ section: string, path: string, specType: string }} ExtraRow */
/** @typedef {{ rows: FieldRow[], extras: ExtraRow[] }} Comparison */

/**
 * @param {Json} doc bundled spec
 * @param {string} section `request` (fields the SDK sends) or `response` (fields it receives)
 * @param {PageField[]} pageFields
 * @param {Json | null} schema the spec schema the table maps to
 * @param {unknown[]} examples example payloads for that schema
 * @returns {Comparison}
 */
export function compareTable(doc, section, pageFields, schema, examples) {
  /** @type {Comparison} */
  const out = { rows: [], extras: [] };
  walk(doc, { section, prefix: '', pageFields, schema, examples, received: section !== 'request' }, out);
  return out;
}

/**
 * @param {Json} doc
 * @param {{ section: string, prefix: string, pageFields: PageField[], schema: Json | null, examples: unknown[], received: boolean }} level
 * @param {Comparison} out
 */
function walk(doc, level, out) {
  const specFields = fieldsOf(doc, level.schema);
  for (const page of level.pageFields) {
    const path = level.prefix + page.name;
    const spec = specFields.get(page.name);
    const row = compareField(page, spec, level, path);
    out.rows.push(row);
    if (page.children.length === 0) continue;
    const suffix = page.type === 'array' || (spec && spec.types.includes('array')) ? '[].' : '.';
    const childSchema = spec ? childSchemaOf(doc, spec) : null;
    if (spec && !childSchema && row.drift.length === 0) row.notes.push('spec does not describe the sub-fields');
    walk(doc, {
      section: level.section,
      prefix: path + suffix,
      pageFields: page.children,
      schema: childSchema,
      examples: childValues(level.examples, page.name),
      received: level.received,
    }, out);
  }
  // Spec-only fields are information (protocol extras, alternate spellings), unless the spec
  // requires them: then the spec demands a field the page no longer documents.
  const onPage = new Set(level.pageFields.map((f) => f.name));
  const required = new Set(level.schema && Array.isArray(level.schema.required) ? level.schema.required : []);
  for (const spec of specFields.values()) {
    if (onPage.has(spec.name)) continue;
    const path = level.prefix + spec.name;
    if (!required.has(spec.name)) {
      out.extras.push({ section: level.section, path, specType: specTypeLabel(spec) });
      continue;
    }
    out.rows.push({
      section: level.section, path, line: 0, pageType: '-', pageLength: '-',
      specType: specTypeLabel(spec), specLength: specLength(spec.schema),
      drift: [{ kind: 'removed', message: 'required by the spec but not on the page' }], notes: [],
    });
  }
}

/**
 * @param {PageField} page
 * @param {SpecField | undefined} spec
 * @param {{ section: string, examples: unknown[], received: boolean }} level
 * @param {string} path
 * @returns {FieldRow}
 */
function compareField(page, spec, level, path) {
  /** @type {FieldRow} */
  const row = {
    section: level.section,
    path,
    line: page.line,
    pageType: page.typeWord,
    pageLength: page.length ? page.length.raw : '-',
    specType: '',
    specLength: '',
    drift: [],
    notes: [],
  };
  if (!spec) {
    row.drift.push({ kind: 'missing', message: 'not in spec' });
    return row;
  }
  row.specType = specTypeLabel(spec);
  row.specLength = specLength(spec.schema);
  const type = matchType(page, spec);
  if (!type.ok) row.drift.push({ kind: 'type', message: `page ${page.typeWord}, spec ${row.specType}${type.note ? `: ${type.note}` : ''}` });
  else if (type.note) row.notes.push(type.note);
  const length = compareLength(page, spec.schema, level.received);
  if (length.drift) row.drift.push({ kind: 'length', message: length.drift });
  if (length.note) row.notes.push(length.note);
  const documented = documentedValues(spec.schema, childValues(level.examples, page.name));
  const fresh = page.enumValues.filter((v) => !documented.has(v));
  if (fresh.length > 0) {
    const known = [...documented].slice(0, 6).join(', ');
    row.drift.push({ kind: 'enum', message: `new value${fresh.length > 1 ? 's' : ''} ${fresh.join(', ')} (spec documents: ${known || 'none'})` });
  }
  return row;
}

/**
 * Only text has a length: pages also print one for amounts (`number 64`), which means nothing
 * a schema could check. Sent fields must carry the page's bounds exactly ("strict out"); for
 * received fields a looser spec still accepts everything the page promises ("lenient in"), so
 * only a stricter spec is drift.
 * @param {PageField} page
 * @param {Json} schema
 * @param {boolean} received
 * @returns {{ drift: string, note: string }}
 */
function compareLength(page, schema, received) {
  const bound = page.length;
  if (!bound || (page.type !== 'string' && page.type !== 'date')) return { drift: '', note: '' };
  const min = typeof schema.minLength === 'number' ? schema.minLength : null;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : null;
  const maxDiffers = bound.max !== null && bound.max !== max;
  const minDiffers = bound.min !== null && bound.min !== min;
  if (!maxDiffers && !minDiffers) return { drift: '', note: '' };
  const message = `page ${formatLength(bound)}, spec ${formatLength({ min, max, raw: '' })}`;
  const stricter = (bound.max !== null && max !== null && max < bound.max) || (bound.min !== null && min !== null && min > bound.min);
  if (received && !stricter) return { drift: '', note: `length ${message}: spec looser, fine for a received field` };
  return { drift: message, note: '' };
}

/**
 * @param {Json} schema
 * @returns {string}
 */
function specLength(schema) {
  const min = typeof schema.minLength === 'number' ? schema.minLength : null;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : null;
  return formatLength({ min, max, raw: '' });
}
