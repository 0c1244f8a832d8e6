// JSR: jsr.json publishes the TypeScript sources with npm: specifiers for the two dependencies.
// `deno publish --dry-run` type-checks the entry points and checks for slow types; with
// package.json present, Deno resolves npm: specifiers from node_modules, so it runs offline.
// Sloppy imports: the sources use NodeNext `.js` specifiers, which publish rewrites to `.ts`.
import { jsrExportProblems } from './jsr-exports.mjs';
import { BIN, ROOT } from './paths.mjs';
import { DENO_ENV } from './runtimes.mjs';
import { runChild } from './spawn.mjs';

export async function checkJsr() {
  const args = ['publish', '--dry-run', '--allow-dirty', '--sloppy-imports', '--config', 'jsr.json'];
  // No --node-modules-dir: deno 2.9.5's publish rejects it; with package.json present it uses node_modules anyway.
  const run = await runChild(BIN('deno'), args, { cwd: ROOT, env: DENO_ENV, timeoutMs: 60_000 });
  const output = `${run.stdout}${run.stderr}`;
  const ok = run.code === 0 && /Dry run complete/.test(output);
  const result = { name: 'deno publish --dry-run (jsr.json: check + slow types)', ok, ms: run.ms };
  if (!ok) result.error = run.timedOut ? 'timed out' : output.split('\n').filter((l) => !/^\s+file:/.test(l)).join('\n').slice(-3000);
  const mismatches = jsrExportProblems();
  const exportsResult = { name: 'jsr.json exports every portable package.json subpath', ok: mismatches.length === 0, ms: 0 };
  if (mismatches.length > 0) exportsResult.error = mismatches.join('\n');
  return { name: 'jsr (deno publish --dry-run)', results: [result, exportsResult], problems: [], ms: run.ms };
}
