// bench/dedupe-memory.mjs runs and its figure stays near the documented ~190 bytes per entry. A
// heap figure, not a timing: it does not depend on the machine's load. The bound is loose on
// purpose; what it catches is a store that keeps each request body alive through its key
// (~1 750 bytes per entry).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('a full memory dedupe store holds a few hundred bytes per entry, not the bodies its keys came from', () => {
  const run = spawnSync(process.execPath, ['bench/dedupe-memory.mjs', '5000'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  const bytes = Number(/(\d+) bytes\/entry/.exec(run.stdout)?.[1]);
  expect(bytes).toBeGreaterThan(50);
  expect(bytes).toBeLessThan(400);
}, 60_000);
