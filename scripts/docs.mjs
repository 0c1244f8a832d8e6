#!/usr/bin/env node
// npm run docs: renders the spec into one self-contained HTML page (build/docs/index.html) with
// redocly build-docs --inlineBundle, the project's theme (docs/assets/template.hbs) and logo.
// The page loads nothing from the network.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleSpec } from './lib/bundle-spec.mjs';
import { decorateForDocs } from './lib/docs-decorate.mjs';
import { runChild } from './lib/run-child.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const REDOCLY = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
const TEMPLATE = join(ROOT, 'docs/assets/template.hbs');
const LOGO = join(ROOT, 'docs/assets/logo.svg');
const TITLE = 'chinaums — ChinaUMS 银联商务 天满 API reference';
const BUILD_TIMEOUT_MS = 180_000;
/** The tabs of each operation's request sample panel; `label` matches the x-codeSamples entries. */
export const CODE_SAMPLE_LANGUAGES = [
  { lang: 'TypeScript', label: 'TypeScript' },
  { lang: 'payload', label: 'Payload' },
];

/**
 * @param {string} html
 * @returns {string[]} reasons the page would need the network (empty when self-contained)
 */
export function networkDependencies(html) {
  const out = [];
  if (/<script[^>]+\bsrc\s*=/i.test(html)) out.push('a <script src=...> tag');
  if (/<link[^>]+href\s*=\s*["']https?:/i.test(html)) out.push('a <link href="http..."> tag');
  if (/import\s*\{[^}]*\}\s*from\s*["']https?:/.test(html)) out.push('an ES module import from a URL (Redoc from the CDN)');
  return out;
}

/** @returns {Promise<void>} */
async function main() {
  const { values } = parseArgs({ options: { spec: { type: 'string' }, out: { type: 'string' } } });
  const specPath = resolve(values.spec ?? join(ROOT, 'spec/chinaums.openapi.yaml'));
  const outPath = resolve(values.out ?? join(ROOT, 'build/docs/index.html'));

  const doc = await bundleSpec(specPath);
  const logoDataUri = `data:image/svg+xml;base64,${readFileSync(LOGO).toString('base64')}`;
  // The SDK call per operation, generated from the spec's examples by `npm run generate`.
  const { codeSamples } = await import(new URL('../generated/code-samples.mjs', import.meta.url).href);
  const decorated = decorateForDocs(doc, { logoDataUri, logoAlt: 'chinaums', codeSamples });

  const work = mkdtempSync(join(tmpdir(), 'chinaums-docs-'));
  try {
    const bundled = join(work, 'chinaums.openapi.json');
    writeFileSync(bundled, JSON.stringify(decorated));
    // Redoc shows an operation's x-codeSamples only for the languages its config lists: the SDK's
    // TypeScript call first, then the HTTP payload. (JSON is valid YAML.)
    const config = join(work, 'redocly.yaml');
    writeFileSync(config, JSON.stringify({ openapi: { codeSamples: { languages: CODE_SAMPLE_LANGUAGES } } }));
    const result = await runChild(process.execPath, [
      REDOCLY, 'build-docs', bundled,
      '--config', config,
      '--inlineBundle',
      '--template', TEMPLATE,
      '--title', TITLE,
      '--templateOptions.logoDataUri', logoDataUri,
      '--templateOptions.description', 'API reference of the chinaums SDK for the ChinaUMS open platform',
      '--output', outPath,
    ], {
      cwd: ROOT,
      timeoutMs: BUILD_TIMEOUT_MS,
      // No telemetry, no update check: the build must not touch the network either.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    if (result.timedOut) throw new Error(`redocly build-docs did not finish within ${BUILD_TIMEOUT_MS / 1000}s`);
    if (result.code !== 0) throw new Error(`redocly build-docs failed (exit ${result.code ?? result.signal}):\n${result.stderr.trim() || result.stdout.trim()}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const html = readFileSync(outPath, 'utf8');
  const remote = networkDependencies(html);
  if (remote.length > 0) throw new Error(`${outPath} is not self-contained: it has ${remote.join(', ')}`);
  if (!html.includes('__redoc_definition')) throw new Error(`${outPath} has no embedded API definition`);
  const kib = Math.round(statSync(outPath).size / 1024);
  process.stdout.write(`docs: wrote ${relative(process.cwd(), outPath) || outPath} (${kib} KiB, self-contained) from ${relative(ROOT, specPath)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`docs: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}

