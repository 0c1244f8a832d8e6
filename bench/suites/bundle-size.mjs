// 4. Bundle sizes: each built entry bundled with its dependencies by esbuild (minified), then
// gzipped, as an edge deployment or a Node bundler would ship it. openapi-fetch alone is the reference.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

async function size(pkg, entry, platform) {
  const common = { bundle: true, minify: true, format: 'esm', write: false, logLevel: 'error', absWorkingDir: pkg, target: 'es2022', platform };
  const options = entry.startsWith('dist/')
    ? { ...common, entryPoints: [join(pkg, entry)] }
    : { ...common, stdin: { contents: `export * from '${entry}'; export { default } from '${entry}';`, resolveDir: pkg, loader: 'js' } };
  // Node entries keep node: built-ins as imports (the runtime provides them).
  const result = await esbuild.build({ ...options, external: platform === 'node' ? ['node:*'] : [] });
  const code = result.outputFiles[0].contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

export async function bundleSizes(pkg) {
  const entries = [
    { entry: 'openapi-fetch', label: 'openapi-fetch alone (reference)', platform: 'browser' },
    { entry: 'dist/index.js', label: 'chinaums (edge entry)', platform: 'browser' },
    { entry: 'dist/notifications.js', label: 'chinaums/notifications (edge entry)', platform: 'browser' },
    { entry: 'dist/validators.js', label: 'chinaums/validators', platform: 'browser' },
    { entry: 'dist/redis.js', label: 'chinaums/redis', platform: 'browser' },
    { entry: 'dist/index.node.js', label: 'chinaums (Node entry)', platform: 'node' },
    { entry: 'dist/notifications.node.js', label: 'chinaums/notifications (Node entry)', platform: 'node' },
  ];
  const rows = [];
  for (const e of entries) rows.push({ ...e, ...(await size(pkg, e.entry, e.platform)) });
  return rows;
}
