import { defineConfig } from 'tsup';

// One entry per public subpath (see package.json "exports"). Add a line here with a new subpath.
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  // Node entries ("node" export condition): the same API with node:crypto as the default.
  'index.node': 'src/index.node.ts',
  notifications: 'src/notifications/index.ts',
  'notifications.node': 'src/notifications/index.node.ts',
  validators: 'src/validators.ts',
  crypto: 'src/crypto/index.ts',
  redis: 'src/redis/index.ts',
  // The local platform stand-in (portable) and its node:http adapter; the CLI and the `npm start` demo.
  sandbox: 'src/sandbox/index.ts',
  'sandbox-node': 'src/sandbox/node.ts',
  cli: 'src/cli/main.ts',
  demo: 'src/demo/main.ts',
};

export default defineConfig({
  entry: entries,
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  outDir: 'dist',
  // Node built-ins stay imports (only Node-named files use them); everything else is bundled or a dependency.
  external: [/^node:/],
  // Keep `node:crypto` as written: Deno and workerd need the prefix (tsup 8 strips it by default).
  removeNodeProtocol: false,
});
