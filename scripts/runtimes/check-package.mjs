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
console.log(`\ncheck:package ${ok ? 'passed' : 'FAILED'} (${Date.now() - started} ms)`);
process.exitCode = ok ? 0 : 1;
