// Where the runtime suite builds and runs. Everything lives under .tmp/runtimes (gitignored), so
// a concurrent `npm run build` elsewhere in the repo cannot change dist/ under a running test.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TMP = join(ROOT, '.tmp', 'runtimes');
/** A staged copy of the package: package.json + tsup's dist/ + a link to node_modules. */
export const PKG = join(TMP, 'pkg');
/** Bundles live inside the staged package so `import 'chinaums'` self-references its exports. */
export const RUN = join(PKG, 'run');
export const BIN = (name) => join(ROOT, 'node_modules', '.bin', name);
export const DENO_DIR = join(ROOT, '.deno');
