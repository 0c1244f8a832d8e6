#!/usr/bin/env node
// npm run spec:check-doc -- PAGE... : compares ChinaUMS API pages saved as text with the spec
// and reports drift field by field. Exit 0: the spec covers every page; 1: drift; 2: a page
// cannot be parsed; 3: usage error or the spec cannot be loaded.

import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSpec } from './lib/bundle-spec.mjs';
import { checkPage } from './lib/check-page.mjs';
import { formatPage, formatSummary, summarize } from './lib/report-text.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const USAGE = `usage: npm run spec:check-doc -- [--json] [--spec FILE] PAGE...
  PAGE       a ChinaUMS API page saved as text (copy the page, paste into a .txt file)
  --spec     root OpenAPI document (default: spec/chinaums.openapi.yaml)
  --json     machine-readable output
exit: 0 spec covers the pages, 1 drift, 2 a page cannot be parsed, 3 usage or spec error`;

/** @returns {Promise<number>} */
async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, spec: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 3;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length === 0) {
    process.stderr.write(`no page given\n${USAGE}\n`);
    return 3;
  }
  const specPath = resolve(args.values.spec ?? resolve(ROOT, 'spec/chinaums.openapi.yaml'));
  let doc;
  try {
    doc = await bundleSpec(specPath);
  } catch (err) {
    process.stderr.write(`check-doc: ${err instanceof Error ? err.message : String(err)}\n`);
    return 3;
  }
  const results = args.positionals.map((file) => checkPage(doc, file));
  const summary = summarize(results);
  const exitCode = summary.unparseable > 0 ? 2 : summary.drifting > 0 ? 1 : 0;
  if (args.values.json) {
    process.stdout.write(`${JSON.stringify({ spec: specPath, pages: results, summary, exitCode }, null, 2)}\n`);
  } else {
    process.stdout.write(`${results.map(formatPage).join('\n\n')}\n\n${formatSummary(summary)}\n`);
  }
  return exitCode;
}

process.exitCode = await main();
