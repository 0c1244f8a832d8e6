// Builds the package with the repo's tsup config into a staged copy, then bundles the contract
// hosts and examples with esbuild. Every `chinaums` import resolves through the staged package's
// own exports map, so the runtimes execute the built dist/, never src/.
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { BIN, PKG, ROOT, RUN, TMP } from './paths.mjs';
import { runChild } from './spawn.mjs';

/** tsup (the repo's config) into `<pkg>/dist`, next to a copy of package.json. Returns ms taken. */
export async function stagePackage(pkg = PKG) {
  await rm(pkg, { recursive: true, force: true });
  await mkdir(pkg, { recursive: true });
  // Without `prepack`: dist/ is built here, and a pack of the staged copy (attw, publint) must not rebuild it.
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  delete manifest.scripts.prepack;
  await writeFile(join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The built files import openapi-fetch (and @noble/hashes is bundled in): resolve it from the repo's install.
  await symlink(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const build = await runChild(BIN('tsup'), ['--out-dir', join(pkg, 'dist'), '--silent'], { cwd: ROOT, timeoutMs: 180_000 });
  if (build.code !== 0) throw new Error(`tsup failed (${build.timedOut ? 'timed out' : `exit ${build.code}`}):\n${build.stdout}${build.stderr}`);
  return build.ms;
}

/** An esbuild plugin resolving `chinaums` and `chinaums/*` inside a staged package (self-reference). */
export function stagedPackage(pkg = PKG) {
  return {
    name: 'staged-chinaums',
    setup(build) {
      build.onResolve({ filter: /^chinaums(\/|$)/ }, (args) => {
        if (args.pluginData === 'staged') return undefined;
        return build.resolve(args.path, { kind: args.kind, resolveDir: pkg, pluginData: 'staged' });
      });
    },
  };
}

const common = { bundle: true, logLevel: 'error', target: 'es2022', absWorkingDir: ROOT, sourcemap: 'inline' };

/** For runtimes that load packages themselves: the built package stays an import. */
const external = { ...common, format: 'esm', platform: 'neutral', external: ['chinaums', 'chinaums/*'] };
/** For Workers and the Edge VM, which ship one file: the package and its dependencies are inlined. */
const inlined = { ...common, platform: 'browser', mainFields: ['module', 'main'], plugins: [stagedPackage()] };

export async function bundleAll() {
  const t = Date.now();
  const entry = (path) => join(ROOT, path);
  await Promise.all([
    esbuild.build({ ...external, entryPoints: [entry('test/runtimes/entries/cli.ts')], outfile: join(RUN, 'contract.mjs') }),
    esbuild.build({ ...external, entryPoints: [entry('test/runtimes/contract.ts')], outfile: join(RUN, 'checks.mjs') }),
    esbuild.build({ ...inlined, format: 'esm', conditions: ['workerd', 'worker'], entryPoints: [entry('test/runtimes/entries/worker.ts')], outfile: join(RUN, 'worker.mjs') }),
    // EdgeRuntime evaluates initialCode as a script, hence an IIFE.
    esbuild.build({ ...inlined, format: 'iife', conditions: ['edge-light', 'worker'], entryPoints: [entry('test/runtimes/entries/edge.ts')], outfile: join(RUN, 'edge.js') }),
    // Node-side helpers (node:http fake platform, example probe), compiled for the orchestrator.
    esbuild.build({
      ...common,
      format: 'esm',
      platform: 'node',
      entryPoints: { 'fake-platform': entry('test/runtimes/fake-platform.ts'), 'example-probe': entry('test/runtimes/example-probe.ts') },
      outdir: TMP,
      outExtension: { '.js': '.mjs' },
    }),
    // Examples, as their users would deploy them.
    esbuild.build({ ...external, platform: 'node', entryPoints: [entry('examples/node-http/server.ts')], outfile: join(RUN, 'example-node-http.mjs') }),
    esbuild.build({ ...inlined, format: 'esm', conditions: ['workerd', 'worker'], entryPoints: [entry('examples/cloudflare-worker/worker.ts')], outfile: join(RUN, 'example-worker.mjs') }),
  ]);
  return Date.now() - t;
}
