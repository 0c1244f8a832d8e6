// The bench harness runs end to end with very few iterations and prints its table. It asserts
// nothing about timings (tests never do: see design.md); only that the report is produced.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Its own staging directory, so a concurrent `npm run bench` is not disturbed.
const STAGE = join(ROOT, '.tmp', `bench-smoke-${process.pid}`);

afterAll(() => rmSync(STAGE, { recursive: true, force: true }));

/** The built files an entry loads, itself included; a bare import (a package) would be one more module. */
function filesLoadedBy(dist: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const [, spec] of code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?["']([^"']+)["']/g)) {
      if (spec!.startsWith('./')) visit(spec!.slice(2));
      else if (!spec!.startsWith('node:')) seen.add(spec!);
    }
  };
  visit(entry);
  return [...seen];
}

describe('npm run bench --quick', () => {
  it('builds, runs every case on Node, and prints the table and the report', () => {
    const markdown = join(STAGE, 'report.md');
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--runtimes', 'node', '--stage-dir', join(STAGE, 'pkg'), '--markdown', markdown], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/machine: .+, \d+ cores, [\d.]+ GiB/);
    expect(out).toContain("'chinaums' resolves to dist/index.node.js");
    expect(out).toMatch(/case\s+median\s+spread \(p25–p75\)\s+ratio \(p25–p75\)\s+target\s+result/);
    for (const label of ['1b openapi-fetch POST, unsigned (baseline)', '1c netpayQuery', '1d netpayQuery', '2 MD5 verifyNotification', '2 SHA256 verifyNotification', '3 import dist/index.js', '5 bare node:http', '5 createNodeNotificationHandler, memory store', 'chinaums (edge entry) [dist/index.js]']) {
      expect(out).toContain(label);
    }
    expect(out).toMatch(/All targets met\.|TARGETS MISSED \(\d+\)/);
    expect(existsSync(markdown)).toBe(true);
    expect(readFileSync(markdown, 'utf8')).toContain('| case | median |');
    // The cold-start layout of the staged build (BENCHMARKS.md, "Cold start"): files each main entry loads.
    const dist = join(STAGE, 'pkg', 'dist');
    expect(filesLoadedBy(dist, 'index.js')).toHaveLength(3);
    expect(filesLoadedBy(dist, 'index.node.js')).toHaveLength(4);
    expect(filesLoadedBy(dist, 'notifications.js')).toHaveLength(3);
    expect(filesLoadedBy(dist, 'notifications.node.js')).toHaveLength(3);
  }, 150_000);
});
