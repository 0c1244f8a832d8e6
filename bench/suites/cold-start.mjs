// 3. Cold start: the time `await import(X)` takes in a fresh Node process, measured inside the
// child (process start-up itself is excluded), each target once per round in rotated order, so
// the ratio to openapi-fetch compares processes started moments apart. The child also reports the
// CPU time of its import (all threads): on a loaded machine wall time is mostly waiting for a
// core, so the CPU-time rows (information only) separate the SDK's own cost from the load.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ratioSummary, summarize } from '../lib/stats.mjs';

const PROBE = 'const c = process.cpuUsage(); const t = performance.now(); await import(process.argv[1]); const ms = performance.now() - t; const u = process.cpuUsage(c); console.log(ms, (u.user + u.system) / 1000);';

function importOnce(pkg, specifier) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, specifier], { cwd: pkg, encoding: 'utf8', timeout: 20_000 });
  const [ms, cpuMs] = child.stdout.trim().split(' ').map(Number);
  if (child.status !== 0 || !Number.isFinite(ms) || !Number.isFinite(cpuMs)) throw new Error(`importing ${specifier} failed: ${child.stderr || child.error?.message}`);
  return { ms, cpuMs };
}

export function coldStart(pkg, { rounds }) {
  const file = (name) => pathToFileURL(join(pkg, 'dist', name)).href;
  const targets = [
    { id: 'cold.openapi', label: '3 import openapi-fetch alone (baseline)', specifier: 'openapi-fetch' },
    { id: 'cold.index', label: '3 import dist/index.js (edge entry)', specifier: file('index.js'), target: 1.5 },
    { id: 'cold.notifications', label: '3 import dist/notifications.js (edge entry)', specifier: file('notifications.js'), target: 2 },
    { id: 'cold.index.node', label: '3 import chinaums on Node (dist/index.node.js)', specifier: file('index.node.js'), info: true },
    { id: 'cold.notifications.node', label: '3 import chinaums/notifications on Node (dist/notifications.node.js)', specifier: file('notifications.node.js'), info: true },
  ];
  // One unrecorded pass warms the file-system cache for every target alike.
  for (const t of targets) importOnce(pkg, t.specifier);
  const samples = Object.fromEntries(targets.map((t) => [t.id, []]));
  const cpu = Object.fromEntries(targets.map((t) => [t.id, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(k + round) % targets.length];
      const { ms, cpuMs } = importOnce(pkg, t.specifier);
      samples[t.id].push(ms);
      cpu[t.id].push(cpuMs);
    }
  }
  const rowsOf = (values, { suffix, withTargets }) =>
    targets.map((t) => {
      const time = summarize(values[t.id]);
      const isBaseline = t.id === 'cold.openapi';
      return {
        id: `${t.id}${suffix ? '.cpu' : ''}`, label: `${t.label}${suffix}`, group: 'cold', isBaseline, target: withTargets ? t.target : undefined, info: !withTargets || !!t.info, unit: 'ms',
        median: time.median, p25: time.p25, p75: time.p75, n: time.n,
        ratio: isBaseline ? undefined : ratioSummary(values[t.id], values['cold.openapi']),
      };
    });
  return [...rowsOf(samples, { suffix: '', withTargets: true }), ...rowsOf(cpu, { suffix: ' — CPU time', withTargets: false })];
}
