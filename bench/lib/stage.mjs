// Builds a private copy of the package for the bench: package.json + tsup's dist/ (same config,
// without .d.ts) + a link to node_modules, under .tmp/bench (gitignored). The repo's dist/ is
// never touched, so a bench run cannot disturb a concurrent build or test, and `import 'chinaums'`
// from bench files inside it resolves through the real exports map (self-reference).
import { spawnSync } from 'node:child_process';
import { cp, copyFile, mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TMP = join(ROOT, '.tmp', 'bench');
/** Default staging directory; `--stage-dir` picks another (the smoke test uses its own). */
export const DEFAULT_PKG = join(TMP, 'pkg');
export const BIN = (name) => join(ROOT, 'node_modules', '.bin', name);

export async function stagePackage(PKG) {
  const started = performance.now();
  await rm(PKG, { recursive: true, force: true });
  await mkdir(join(PKG, 'bench'), { recursive: true });
  await copyFile(join(ROOT, 'package.json'), join(PKG, 'package.json'));
  await symlink(join(ROOT, 'node_modules'), join(PKG, 'node_modules'), 'dir');
  const build = spawnSync(BIN('tsup'), ['--silent', '--no-dts', '--out-dir', join(PKG, 'dist')], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0) throw new Error(`tsup failed (${build.error?.message ?? `exit ${build.status}`}):\n${build.stdout}${build.stderr}`);
  // The runtime-agnostic bench files run from inside the staged package.
  await cp(join(ROOT, 'bench', 'lib'), join(PKG, 'bench', 'lib'), { recursive: true });
  await cp(join(ROOT, 'bench', 'suites'), join(PKG, 'bench', 'suites'), { recursive: true });
  return performance.now() - started;
}
