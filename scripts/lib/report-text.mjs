// Human-readable report: one aligned row per page field, spec-only fields as information, and
// a one-line summary.

/** @typedef {import('./check-page.mjs').PageResult} PageResult */

/**
 * @param {string[][]} rows
 * @returns {string[]} rows with every column but the last padded to a common width
 */
function align(rows) {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, [...cell].length); });
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/**
 * @param {PageResult} r
 * @returns {string}
 */
export function formatPage(r) {
  const out = [`${r.title || '(untitled)'}  ${r.file}`];
  if (r.error) {
    out.push(`  UNPARSEABLE${r.error.line ? ` at line ${r.error.line}` : ''}: ${r.error.reason}`);
    if (r.error.text) out.push(`    ${r.error.line} | ${r.error.text}`);
    return out.join('\n');
  }
  out.push(`  page ${r.endpoint}  ->  spec ${r.target || '(nothing matches)'}`);
  for (const p of r.problems) out.push(`  DRIFT ${p}`);
  if (r.fields.length > 0) {
    const rows = [['', 'section', 'field', 'line', 'page type', 'len', 'spec type', 'len', 'result']];
    for (const f of r.fields) {
      const result = f.drift.length > 0 ? f.drift.map((d) => `${d.kind.toUpperCase()}: ${d.message}`).join('; ') : `ok${f.notes.length ? ` (${f.notes.join('; ')})` : ''}`;
      rows.push([f.drift.length > 0 ? '!' : ' ', f.section, f.path, f.line > 0 ? String(f.line) : '-', f.pageType, f.pageLength, f.specType || '-', f.specType ? f.specLength : '-', result]);
    }
    out.push(...align(rows).map((l) => `  ${l}`));
  }
  if (r.extras.length > 0) {
    out.push(`  spec-only fields (informational, not drift): ${r.extras.map((e) => `${e.section}.${e.path}`).join(', ')}`);
  }
  const drift = r.fields.filter((f) => f.drift.length > 0).length + r.problems.length;
  out.push(`  => ${r.fields.length} fields, ${drift === 0 ? 'spec covers the page' : `${drift} drift`}, ${r.extras.length} spec-only`);
  return out.join('\n');
}

/**
 * @param {PageResult[]} results
 * @returns {{ pages: number, fields: number, drift: Record<string, number>, extras: number, unparseable: number, drifting: number }}
 */
export function summarize(results) {
  /** @type {Record<string, number>} */
  const drift = { missing: 0, removed: 0, type: 0, length: 0, enum: 0, endpoint: 0 };
  let fields = 0;
  let extras = 0;
  for (const r of results) {
    fields += r.fields.length;
    extras += r.extras.length;
    drift.endpoint = (drift.endpoint ?? 0) + r.problems.length;
    for (const f of r.fields) for (const d of f.drift) drift[d.kind] = (drift[d.kind] ?? 0) + 1;
  }
  return {
    pages: results.length,
    fields,
    drift,
    extras,
    unparseable: results.filter((r) => r.status === 'unparseable').length,
    drifting: results.filter((r) => r.status === 'drift').length,
  };
}

/**
 * @param {ReturnType<typeof summarize>} s
 * @returns {string}
 */
export function formatSummary(s) {
  const kinds = Object.entries(s.drift).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ');
  const parts = [`check-doc: ${s.pages} page${s.pages === 1 ? '' : 's'}, ${s.fields} fields`];
  parts.push(s.drifting === 0 ? 'no drift' : `DRIFT in ${s.drifting} page${s.drifting === 1 ? '' : 's'} (${kinds})`);
  if (s.unparseable > 0) parts.push(`${s.unparseable} unparseable`);
  parts.push(`${s.extras} spec-only fields (informational)`);
  return parts.join('; ');
}
