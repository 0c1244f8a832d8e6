// 3. Cold start: the time `await import(X)` takes in a fresh Node process, measured inside the
// child (process start-up itself is excluded), each target once per round in rotated order, so
// the ratio to openapi-fetch compares processes started moments apart.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ratioSummary, summarize } from '../lib/stats.mjs';

const PROBE = 'const t = performance.now(); await import(process.argv[1]); console.log(performance.now() - t);';

function importOnce(pkg, specifier) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, specifier], { cwd: pkg, encoding: 'utf8', timeout: 20_000 });
  const ms = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(ms)) throw new Error(`importing ${specifier} failed: ${child.stderr || child.error?.message}`);
  return ms;
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
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(k + round) % targets.length];
      samples[t.id].push(importOnce(pkg, t.specifier));
    }
  }
  return targets.map((t) => {
    const time = summarize(samples[t.id]);
    const isBaseline = t.id === 'cold.openapi';
    return {
      id: t.id, label: t.label, group: 'cold', isBaseline, target: t.target, info: !!t.info, unit: 'ms',
      median: time.median, p25: time.p25, p75: time.p75, n: time.n,
      ratio: isBaseline ? undefined : ratioSummary(samples[t.id], samples['cold.openapi']),
    };
  });
}
