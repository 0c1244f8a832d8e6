#!/usr/bin/env node
// Bundle budgets: what an edge deployment ships, from the BUILT package, with openapi-fetch and
// @noble/hashes inlined (a Worker ships one file). Minified with esbuild, gzip level 9.
// Prints a table; exits 1 on a miss and then shows what takes the bytes (by source file).
import { readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { ROOT } from './runtimes/paths.mjs';
import { stagePackage, stagedPackage } from './runtimes/stage.mjs';

const KB = 1024;
const BUDGETS = [
  {
    name: 'edge notification endpoint',
    code: "export { createNotificationHandler } from 'chinaums/notifications';",
    budget: 10 * KB,
    // Measured 13 201 B + 0.25 KB: the validator compiled from compacted schemas without schemaPath, the
    // one-core rewrite, then +0.3 KB for a synchronous verification path and allocation-free byte
    // passes (issue 15's speed; target missed, BENCHMARKS.md "Bundle size" has the levers).
    ceiling: 13_201 + 256,
    // The workerd entry hashes MD5 natively: no pure-JS hash may reach a Worker's notification endpoint.
    forbidden: ['node_modules/@noble/hashes'],
    // The same rule on the output, where dist/ has @noble/hashes inlined (the paths above cannot see
    // it): MD5's first state word, which a native digest never needs.
    forbiddenCode: [[/\b(?:0x67452301|1732584193)\b/i, 'a pure-JS MD5 (@noble/hashes) is in the bundle']],
  },
  // Measured 15 327 B + 0.25 KB: access-token mode an imported strategy (accessTokenAuth, −1.3 KB), the operation
  // summaries out of the runtime table (−0.55 KB), the outbound restructure (−1 KB). Target missed; README "Bundle sizes".
  { name: 'client with signing', code: "export { createChinaUmsClient } from 'chinaums';", budget: 12 * KB, ceiling: 15_327 + 256 },
  {
    name: 'whole portable surface',
    // Namespaces keep every export (both auth modes included).
    code: [
      "import * as core from 'chinaums';",
      "import * as notifications from 'chinaums/notifications';",
      "import * as validators from 'chinaums/validators';",
      'export { core, notifications, validators };',
    ].join('\n'),
    budget: 15 * KB,
    // Measured 47 031 B + 0.25 KB, almost all of it the request/response validators of the 20 operations.
    ceiling: 47_031 + 256,
  },
];
// `budget` is the target (issue 16); it is NOT met yet (see README, "Bundle sizes"). `ceiling` is
// what this check enforces meanwhile: the measured size plus at most 0.25 KB, so that any growth
// fails the test command while the targets stay visible in the report.

const DIR = join(ROOT, '.tmp', 'size');
const PKG = join(DIR, 'pkg');
// What a Worker/Edge bundler does: browser platform, worker conditions, minified ESM.
// wrangler's conditions (workerd first), so `chinaums/notifications` resolves to its workerd entry.
const options = { absWorkingDir: ROOT, bundle: true, minify: true, format: 'esm', platform: 'browser', conditions: ['workerd', 'worker', 'browser'], target: 'es2022', write: false, metafile: true, logLevel: 'error' };

async function measure(entry, plugins) {
  const result = await esbuild.build({ ...options, stdin: { contents: entry.code, resolveDir: DIR, loader: 'js' }, plugins });
  const bytes = result.outputFiles[0].contents;
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, metafile: result.metafile, text: result.outputFiles[0].text };
}

/** The same entry bundled from the sources, so the breakdown names files instead of dist chunks. */
const sources = {
  name: 'chinaums-sources',
  setup(build) {
    const map = { chinaums: 'src/index.ts', 'chinaums/notifications': 'src/notifications/index.workerd.ts', 'chinaums/validators': 'src/validators.ts' };
    build.onResolve({ filter: /^chinaums(\/|$)/ }, (args) => (map[args.path] ? { path: join(ROOT, map[args.path]) } : undefined));
  },
};

/** node_modules/<package>, generated/<dir>, src/<dir>: the level at which a fix would be made. */
function groupOf(path) {
  const parts = path.split('/');
  if (parts[0] === 'node_modules') return parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') + '/' : parts.join('/');
}

/** Minified bytes per input (exact, from the metafile); gzip shares are estimated pro rata. */
function breakdown(metafile, gzipTotal) {
  const inputs = Object.values(metafile.outputs)[0].inputs;
  const rows = Object.entries(inputs).map(([path, { bytesInOutput }]) => [path, bytesInOutput]);
  const total = rows.reduce((sum, [, bytes]) => sum + bytes, 0);
  const groups = new Map();
  for (const [path, bytes] of rows) groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + bytes);
  const line = ([name, bytes]) =>
    `      ${String(bytes).padStart(7)} ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ~${String(Math.round((gzipTotal * bytes) / total)).padStart(5)} gz  ${name}`;
  return [
    '    by group (minified bytes, share, ~gzip share):',
    ...[...groups].sort((a, b) => b[1] - a[1]).map(line),
    '    largest files:',
    ...rows.sort((a, b) => b[1] - a[1]).slice(0, 12).map(line),
  ].join('\n');
}

const started = Date.now();
await mkdir(DIR, { recursive: true });
await stagePackage(PKG);
// Library files must stay ASCII (scripts/bundle/ascii-source.ts: a two-byte source slows a cold import).
const nonAscii = (await readdir(join(PKG, 'dist')))
  .filter((file) => file.endsWith('.js') && file !== 'cli.js' && file !== 'demo.js')
  .filter((file) => /[^\x00-\x7f]/.test(readFileSync(join(PKG, 'dist', file), 'utf8')));
const rows = [];
for (const entry of BUDGETS) rows.push({ ...entry, ...(await measure(entry, [stagedPackage(PKG)])) });

const cell = (v, w) => String(v).padStart(w);
console.log(`bundle budgets (built package + dependencies, esbuild --minify, gzip -9; ${Date.now() - started} ms)\n`);
console.log(`${'entry'.padEnd(28)}${cell('min', 9)}${cell('min+gzip', 10)}${cell('target', 9)}${cell('ceiling', 9)}  result`);
for (const r of rows) {
  const target = r.gzip <= r.budget ? 'target met' : `target missed by ${r.gzip - r.budget} B`;
  const verdict = r.gzip <= r.ceiling ? `pass (${target})` : `FAIL: over the ceiling by ${r.gzip - r.ceiling} B`;
  console.log(`${r.name.padEnd(28)}${cell(r.min, 9)}${cell(r.gzip, 10)}${cell(r.budget, 9)}${cell(Math.round(r.ceiling), 9)}  ${verdict}`);
}
await writeFile(join(DIR, 'report.json'), JSON.stringify(rows.map(({ metafile, code, text, forbiddenCode, ...r }) => r), null, 2));

const overTarget = rows.filter((r) => r.gzip > r.budget);
for (const r of overTarget) {
  const fromSources = await measure(r, [sources]);
  console.log(`\n${r.name}: over the ${r.budget} B target by ${r.gzip - r.budget} B gzip. Where the bytes go (same entry bundled from src/, ${fromSources.min} B min):`);
  console.log(breakdown(fromSources.metafile, fromSources.gzip));
}
/** Inputs that put bytes into the bundle although the entry promises to leave them out. */
const smuggled = rows.flatMap((r) =>
  Object.entries(Object.values(r.metafile.outputs)[0].inputs)
    .filter(([path, { bytesInOutput }]) => bytesInOutput > 0 && (r.forbidden ?? []).some((prefix) => path.startsWith(prefix)))
    .map(([path, { bytesInOutput }]) => `${r.name}: ${path} (${bytesInOutput} B) must not be in this bundle`),
);
for (const r of rows) for (const [pattern, what] of r.forbiddenCode ?? []) if (pattern.test(r.text)) smuggled.push(`${r.name}: ${what}`);
for (const file of nonAscii) smuggled.push(`dist/${file} has a non-ASCII character (the build escapes them: scripts/bundle/ascii-source.ts)`);
for (const line of smuggled) console.log(`FAIL: ${line}`);
process.exitCode = rows.some((r) => r.gzip > r.ceiling) || smuggled.length > 0 ? 1 : 0;
