import { defineConfig } from 'tsup';

// One entry per public subpath (see package.json "exports"). Add a line here with a new subpath.
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  notifications: 'src/notifications/index.ts',
  validators: 'src/validators.ts',
  redis: 'src/redis/index.ts',
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
});
