import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Several suites start real servers on 127.0.0.1; two cores are enough for a few forks.
    pool: 'forks',
    // The JSON report feeds the test command's closing summary line (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
    maxWorkers: 2,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
