#!/usr/bin/env node
// npm run check:package: build the package as published (tsup, then npm pack's file list) into a
// staged copy, then `publint --strict` and `attw --pack --profile esm-only` on it. Staged so that
// a concurrent build of dist/ elsewhere in the repo cannot change what is being checked.
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN, ROOT } from './paths.mjs';
import { runChild } from './spawn.mjs';
import { stagePackage } from './stage.mjs';

const PKG = join(ROOT, '.tmp', 'package', 'pkg');
const started = Date.now();
await stagePackage(PKG);
// Everything else "files" lists (README, spec…), so the packed tarball is what npm would publish.
const { files = [] } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
for (const entry of files.filter((f) => f !== 'dist')) {
  await cp(join(ROOT, entry), join(PKG, entry), { recursive: true }).catch(() => undefined);
}

let ok = true;
ok = (await checkTarballFiles()) && ok;
for (const [label, command, args] of [
  ['publint --strict', BIN('publint'), ['--strict', PKG]],
  ['attw --pack --profile esm-only', BIN('attw'), ['--pack', PKG, '--profile', 'esm-only', '--format', 'table-flipped']],
]) {
  const run = await runChild(command, args, { cwd: ROOT, timeoutMs: 120_000, env: { NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  const passed = run.code === 0;
  ok &&= passed;
  console.log(`${passed ? 'PASS' : 'FAIL'}  ${label} (${run.ms} ms)`);
  const output = `${run.stdout}${run.stderr}`.replace(/^npm warn Unknown user config "nodedir".*\n?/gim, '').trim();
  if (output) console.log(output.replace(/^/gm, '      '));
}
/**
 * What `npm pack` would put in the tarball (its own file list, scripts skipped: dist/ is built
 * above): the library, the CLI, LICENSE and CHANGELOG, never the demo bundle (1.1 MB with its map).
 */
async function checkTarballFiles() {
  const run = await runChild('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, timeoutMs: 60_000, env: { npm_config_update_notifier: 'false' } });
  const problems = [];
  let files = [];
  try {
    files = JSON.parse(run.stdout)[0].files.map((f) => f.path);
  } catch {
    problems.push(`npm pack --dry-run gave no file list (exit ${run.code}): ${run.stderr.trim().slice(-500)}`);
  }
  if (files.length > 0) {
    for (const required of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'LICENSE', 'CHANGELOG.md', 'README.md']) {
      if (!files.includes(required)) problems.push(`missing ${required}`);
    }
    for (const path of files.filter((f) => /^dist\/demo\./.test(f))) problems.push(`ships ${path}`);
  }
  console.log(`${problems.length === 0 ? 'PASS' : 'FAIL'}  npm pack file list: library, CLI, LICENSE, no demo bundle (${run.ms} ms)`);
  for (const problem of problems) console.log(`      ${problem}`);
  return problems.length === 0;
}

console.log(`\ncheck:package ${ok ? 'passed' : 'FAILED'} (${Date.now() - started} ms)`);
process.exitCode = ok ? 0 : 1;
