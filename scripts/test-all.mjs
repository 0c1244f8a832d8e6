#!/usr/bin/env node
// npm test: every stage runs, whatever happened to the ones before it (a flake in one suite must
// not hide the verdict of the others). Prints each stage's verdict, then the closing count line
// of test-summary.mjs, and exits 1 if any stage failed.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The npm scripts `npm test` runs, in order (cheap, fast-failing checks first). */
export const STAGES = [
  'generate:check',
  'spec:lint',
  'typecheck',
  'check:portable',
  'check:readme',
  'check:examples',
  'test:unit',
  'check:package',
  'test:runtimes',
  'check:size',
];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const npm = process.env['npm_execpath'] ? [process.execPath, [process.env['npm_execpath']]] : ['npm', []];

/** Runs one npm script with the terminal attached; resolves with its exit code (never rejects). */
function runScript(script) {
  return new Promise((resolve) => {
    const [command, prefix] = npm;
    const child = spawn(command, [...prefix, 'run', script], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`${script}: could not start: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function runNodeScript(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Counts from an earlier run must not stand in for a stage that fails to write them this time.
  rmSync(new URL('../.tmp/summary/', import.meta.url), { recursive: true, force: true });
  rmSync(new URL('../.tmp/vitest-report.json', import.meta.url), { force: true });
  // `--stages a,b` runs only those (for a quick local re-run of what failed).
  const flag = process.argv.indexOf('--stages');
  const stages = flag === -1 ? STAGES : (process.argv[flag + 1] ?? '').split(',').filter(Boolean);
  const verdicts = [];
  for (const stage of stages) {
    const started = Date.now();
    const code = await runScript(stage);
    verdicts.push({ stage, ok: code === 0, code, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  }
  console.log('\nstages:');
  for (const v of verdicts) console.log(`  ${v.ok ? 'PASS' : 'FAIL'}  ${v.stage.padEnd(16)} ${v.seconds.padStart(6)} s${v.ok ? '' : `  (exit ${v.code})`}`);
  const failed = verdicts.filter((v) => !v.ok).map((v) => v.stage);
  console.log(failed.length === 0 ? `all ${verdicts.length} stages passed` : `${failed.length} of ${verdicts.length} stages failed: ${failed.join(', ')}`);
  const summary = await runNodeScript(fileURLToPath(new URL('./test-summary.mjs', import.meta.url)));
  process.exitCode = failed.length > 0 || summary !== 0 ? 1 : 0;
}
