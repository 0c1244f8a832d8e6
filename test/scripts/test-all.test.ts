// npm test's runner on a scratch package: a failing stage does not stop the ones after it, each
// verdict is printed, the count line comes last, and the exit code says a stage failed.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Each run starts npm for every stage: bounded for a hang on a loaded machine, not for slowness.
vi.setConfig({ testTimeout: 120_000 });

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'chinaums-test-all-'));
  await mkdir(join(scratch, 'scripts'));
  for (const file of ['test-all.mjs', 'test-summary.mjs']) await cp(join(ROOT, 'scripts', file), join(scratch, 'scripts', file));
  const report = JSON.stringify({ numPassedTests: 4, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 });
  await writeFile(join(scratch, 'write-report.mjs'), `import { mkdirSync, writeFileSync } from 'node:fs'; mkdirSync('.tmp', { recursive: true }); writeFileSync('.tmp/vitest-report.json', ${JSON.stringify(report)});`);
  const scripts = { flaky: 'node -e "process.exit(3)"', unit: 'node write-report.mjs', last: 'node -e "console.log(\'last ran\')"' };
  await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, scripts }));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function runAll(stages: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(scratch, 'scripts', 'test-all.mjs'), '--stages', stages], { cwd: scratch, timeout: 110_000 }, (error, stdout) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout });
    });
  });
}

it('runs every stage after a failure, prints each verdict, ends with the count line and exits 1', async () => {
  const { code, stdout } = await runAll('flaky,unit,last');
  expect(code).toBe(1);
  expect(stdout).toContain('last ran');
  expect(stdout).toMatch(/FAIL {2}flaky .*\(exit 3\)/);
  expect(stdout).toMatch(/PASS {2}unit/);
  expect(stdout).toMatch(/PASS {2}last/);
  expect(stdout).toMatch(/1 of 3 stages failed: flaky/);
  expect(stdout.trimEnd().split('\n').at(-1)).toBe('total: 4 passed, 0 failed, 0 skipped');
});

it('exits 0 when every stage passes', async () => {
  const { code, stdout } = await runAll('unit,last');
  expect(code).toBe(0);
  expect(stdout).toMatch(/all 2 stages passed/);
});

it('a vitest run that wrote no report counts as a failure, not as zero tests', async () => {
  const { code, stdout } = await runAll('last');
  expect(code).toBe(1);
  expect(stdout).toMatch(/vitest: no report/);
  expect(stdout.trimEnd().split('\n').at(-1)).toBe('total: 0 passed, 1 failed, 0 skipped');
});
