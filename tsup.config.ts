import { defineConfig, type Options } from 'tsup';
import { mergeChunks, nodeCryptoPerEntry, portableEntryImport } from './scripts/bundle/merge-chunks.js';

// One entry per public subpath (see package.json "exports"). Add a line here with a new subpath.
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  // Node entries ("node" export condition): the same API with node:crypto as the default.
  'index.node': 'src/index.node.ts',
  notifications: 'src/notifications/index.ts',
  'notifications.node': 'src/notifications/index.node.ts',
  // workerd entry ("workerd" condition, resolved by wrangler): native MD5, no @noble/hashes.
  'notifications.workerd': 'src/notifications/index.workerd.ts',
  validators: 'src/validators.ts',
  crypto: 'src/crypto/index.ts',
  redis: 'src/redis/index.ts',
  // Shared state for edge runtimes (portable; the platform objects are passed in).
  'deno-kv': 'src/deno-kv/index.ts',
  cloudflare: 'src/cloudflare/index.ts',
  upstash: 'src/upstash/index.ts',
  // The local platform stand-in (portable) and its node:http adapter.
  sandbox: 'src/sandbox/index.ts',
  'sandbox-node': 'src/sandbox/node.ts',
};

/**
 * The entries whose cold import counts (package.json "." and "./notifications", every condition):
 * after esbuild, their code is re-chunked so each loads as few files as it can (merge-chunks.ts).
 */
export const mainEntries = ['index', 'index.node', 'notifications', 'notifications.node', 'notifications.workerd'];

/**
 * The `chinaums` command and the demo are programs, not library entries: built apart, without
 * code splitting, so that their module mix does not cut the library into more shared chunks
 * (each chunk is one more module a cold `import('chinaums/notifications')` must load).
 */
export const programs: Record<string, string> = {
  cli: 'src/cli/main.ts',
  demo: 'src/demo/main.ts',
};

const common = {
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  treeshake: true,
  outDir: 'dist',
  // Node built-ins stay imports (only Node-named files use them); everything else is bundled or a dependency.
  external: [/^node:/],
  noExternal: ['@noble/hashes', 'openapi-fetch'],
  // Keep `node:crypto` as written: Deno and workerd need the prefix (tsup 8 strips it by default).
  removeNodeProtocol: false,
} satisfies Options;

export default defineConfig([
  {
    ...common,
    entry: entries,
    // Not minified, although a cold import of minified output is ~10 % faster: esbuild's minifier
    // drops the /* @__PURE__ */ annotations a user's bundler needs to tree-shake dist/ (the
    // Worker endpoint grew by 2 KB gzip and took in @noble/hashes).
    dts: true,
    clean: true,
    splitting: true,
    esbuildPlugins: [portableEntryImport(), nodeCryptoPerEntry()],
    plugins: [
      {
        name: 'chinaums-merge-chunks',
        async buildEnd() {
          await mergeChunks(this.options.outDir, Object.keys(entries), mainEntries);
        },
      },
    ],
  },
  { ...common, entry: programs, dts: false, clean: false, splitting: false },
]);
