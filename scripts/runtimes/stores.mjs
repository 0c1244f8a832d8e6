// The shared-state stores where they run: Deno KV on the pinned deno (--unstable-kv, two Kv
// handles on one database file) and the Durable Object stores in real workerd (miniflare), each
// against the built sandbox. Both run the shared contract (test/stores/contract.ts) and the fleet checks.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { BIN, PKG, ROOT, RUN, TMP } from './paths.mjs';
import { readReport } from './report.mjs';
import { DENO_ENV, DENO_FLAGS } from './runtimes.mjs';
import { runChild } from './spawn.mjs';
import { stagedPackage } from './stage.mjs';

const common = { bundle: true, logLevel: 'error', target: 'es2022', absWorkingDir: ROOT, sourcemap: 'inline', format: 'esm' };

async function bundle() {
  const entry = (path) => join(ROOT, 'test', 'runtimes', 'stores', path);
  await Promise.all([
    esbuild.build({ ...common, platform: 'neutral', external: ['chinaums', 'chinaums/*'], entryPoints: [entry('deno-kv.ts')], outfile: join(RUN, 'stores-deno-kv.mjs') }),
    // What wrangler does: one file, the package inlined, workerd conditions.
    esbuild.build({ ...common, platform: 'browser', mainFields: ['module', 'main'], conditions: ['workerd', 'worker', 'browser'], plugins: [stagedPackage()], entryPoints: [entry('durable-objects.ts')], outfile: join(RUN, 'stores-durable-objects.mjs') }),
  ]);
}

/** The contract's case names, so a stage that reports fewer checks fails (no silent skips). */
async function expectedNames() {
  const out = join(TMP, 'store-contract.mjs');
  await esbuild.build({ ...common, platform: 'neutral', entryPoints: [join(ROOT, 'test', 'stores', 'contract.ts')], outfile: out });
  const { accessTokenStoreCases, notificationStoreCases } = await import(pathToFileURL(out).href);
  return (tokenLabel, notificationLabel) => [
    ...accessTokenStoreCases.map((c) => `${tokenLabel}: ${c.name}`),
    ...notificationStoreCases.map((c) => `${notificationLabel}: ${c.name}`),
  ];
}

/** `deno check` with Deno's own types: does a real Deno.Kv satisfy the structural DenoKvLike? */
// Written here rather than kept under test/: the repo's tsc has no Deno globals.
async function checkDenoKvTypes() {
  const file = join(TMP, 'deno-kv-types.ts');
  const source = pathToFileURL(join(ROOT, 'src', 'deno-kv', 'index.ts')).href;
  await writeFile(
    file,
    `import { DenoKvAccessTokenStore, DenoKvNotificationStore } from '${source}';
export async function storesOnARealKv(kv: Deno.Kv): Promise<void> {
  await new DenoKvAccessTokenStore(kv).get('app');
  await new DenoKvNotificationStore(kv, { keyPrefix: ['shop', 1n] }).claim('n', 1_000, 'owner');
}
`,
  );
  const args = ['check', '--unstable-kv', '--no-lock', '--node-modules-dir=manual', '--sloppy-imports', '--no-config', file];
  const run = await runChild(BIN('deno'), args, { cwd: ROOT, env: DENO_ENV, timeoutMs: 120_000 });
  const result = { name: 'a real Deno.Kv satisfies DenoKvLike (deno check)', ok: run.code === 0, ms: run.ms };
  if (!result.ok) result.error = run.timedOut ? 'timed out' : `${run.stdout}${run.stderr}`.slice(-2000);
  return { name: 'deno kv types (deno check)', results: [result], problems: [], ms: run.ms };
}

export async function runStoreStages(sandboxUrl, wanted) {
  const reports = [];
  if (!sandboxUrl) return [{ name: 'shared stores', results: [], problems: ['the built sandbox is not served: the store stages need it'], ms: 0 }];
  await bundle();
  const names = await expectedNames();
  if (wanted('deno kv')) {
    const kvDir = join(TMP, 'deno-kv');
    await rm(kvDir, { recursive: true, force: true });
    await mkdir(kvDir, { recursive: true });
    const args = ['run', ...DENO_FLAGS, '--unstable-kv', `--allow-write=${kvDir}`, join(RUN, 'stores-deno-kv.mjs'), join(kvDir, 'state.sqlite3'), sandboxUrl];
    const run = await runChild(BIN('deno'), args, { cwd: PKG, env: DENO_ENV, timeoutMs: 60_000 });
    reports.push(readReport('deno kv stores (deno --unstable-kv)', run, names('DenoKvAccessTokenStore', 'DenoKvNotificationStore')));
    reports.push(await checkDenoKvTypes());
  }
  if (wanted('durable objects')) {
    const host = join(ROOT, 'scripts', 'runtimes', 'hosts', 'durable-objects-host.mjs');
    const run = await runChild(process.execPath, [host, join(RUN, 'stores-durable-objects.mjs'), sandboxUrl], { cwd: PKG, timeoutMs: 60_000 });
    reports.push(readReport('durable object stores (workerd)', run, names('DurableObjectAccessTokenStore', 'DurableObjectNotificationStore')));
  }
  return reports;
}
